// Node, no DOM: the kit's entries import without throwing, and a server render of the React
// wrappers keeps the attributes it was given (issue #15: bare tags, every attribute dropped).
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

const bundle = await import('quotakit/bundle');
assert.equal(typeof bundle.MemoryAdapter, 'function', 'quotakit/bundle exports MemoryAdapter in Node');
assert.equal(typeof bundle.QkProvider, 'function', 'quotakit/bundle exports QkProvider in Node');
for (const entry of ['quotakit', 'quotakit/engine', 'quotakit/adapters', 'quotakit/sample-data', 'quotakit/testing', 'quotakit/define/qk-goal-tree.js']) await import(entry);

const { QkAttainmentGauge } = await import('quotakit/react/attainment-gauge');
const { QkProvider } = await import('quotakit/react');
const html = renderToString(
  createElement(QkProvider, { locale: 'zh-CN', asOf: '2026-03-11', autosaveMs: 0 }, createElement(QkAttainmentGauge, { period: 'FY2026', className: 'kpi' })),
);
assert.match(html, /<qk-provider[^>]*\blocale="zh-CN"/, html);
assert.match(html, /<qk-provider[^>]*\bas-of="2026-03-11"/, html);
assert.match(html, /<qk-provider[^>]*\bautosave-ms="0"/, html);
assert.match(html, /<qk-attainment-gauge[^>]*\bperiod="FY2026"/, html);
assert.match(html, /<qk-attainment-gauge[^>]*\bclass="kpi"/, html);
console.log(`ssr: ok (${html.length} chars): ${html.slice(0, 160)}`);
