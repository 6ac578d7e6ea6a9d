/**
 * Lit's development build checks what its production build does not and warns on the console
 * (https://lit.dev/msg/…): a reactive property changed in `updated()` (a second update cycle), a
 * class field shadowing a reactive property (the property stops updating), and more. The components
 * step runs Lit's production build, as a host's production bundle does (test/runner/groups.mjs,
 * `LIT_DEV`); this file runs in the development build and fails on any warning it issued, at the
 * elements' definition or while every element renders: alone in its ready, empty and error states,
 * in English then in Chinese, and all nine under one provider through an edit and a change of
 * focus. Lit keeps every warning it gave in `globalThis.litIssuedWarnings` (each once), which is
 * what is read here.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/qk-provider.js';
import '../../src/define/qk-goal-tree.js';
import '../../src/define/qk-funnel-inverter.js';
import '../../src/define/qk-attainment-gauge.js';
import '../../src/define/qk-pace-chart.js';
import '../../src/define/qk-adjustment-panel.js';
import '../../src/define/qk-incentive-calculator.js';
import '../../src/define/qk-review-board.js';
import '../../src/define/qk-scorecard.js';
import '../../src/define/qk-incentive-plan-editor.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { ELEMENTS, BAD_DATA, aloneAttrs } from '../embed/elements.js';
import { smallFixture } from '../fixtures/small-plan.js';
import { settle } from '../embed/host.js';
import { sampleCompany } from '../fixtures/sample-company.js';

/** Every warning Lit's development build has given on this page, but the one that says it is loaded. */
function litWarnings(): string[] {
  const issued = (globalThis as typeof globalThis & { litIssuedWarnings?: Set<string> }).litIssuedWarnings;
  return [...(issued ?? [])].filter((w) => !w.includes('lit.dev/msg/dev-mode'));
}

/** The warnings given since `since()` was called (each test reads its own). */
function since(): () => string[] {
  const before = new Set(litWarnings());
  return () => litWarnings().filter((w) => !before.has(w));
}

describe("Lit's development build: no warning from any element", function () {
  this.timeout(300_000);

  it('runs in the development build (it says so once, and the elements are defined without a warning)', async () => {
    const issued = (globalThis as typeof globalThis & { litIssuedWarnings?: Set<string> }).litIssuedWarnings;
    expect(issued).to.be.instanceOf(Set);
    await waitUntil(() => [...issued!].some((w) => w.includes('lit.dev/msg/dev-mode')), 'Lit never said it is in dev mode');
    expect(litWarnings()).to.deep.equal([]);
  });

  for (const e of ELEMENTS) {
    for (const kind of ['ready', 'empty', 'error'] as const) {
      it(`<${e.tag}> ${kind}, in English then in Chinese`, async () => {
        const given = since();
        const box = await fixture<HTMLDivElement>(html`<div style="width: 760px"></div>`);
        const el = document.createElement(e.tag) as HTMLElement & { data?: unknown };
        for (const [k, v] of Object.entries({ lang: 'en', ...aloneAttrs(e) })) el.setAttribute(k, v);
        // The sample company generated once for the page (frozen: an element never changes its data).
        if (kind === 'ready') el.data = e.data === 'small' ? smallFixture() : sampleCompany();
        if (kind === 'error') el.data = structuredClone(BAD_DATA);
        box.append(el);
        const why = await settle(el);
        if (kind === 'ready') expect(why, `<${e.tag}> did not render`).to.equal('');
        el.setAttribute('lang', 'zh-CN');
        await settle(el);
        expect(given()).to.deep.equal([]);
      });
    }
  }

  it('all nine under one provider: loaded, a target edited, the focus moved, the language changed', async () => {
    const given = since();
    const { plan, actuals } = sampleCompany();
    const provider = await fixture<QkProvider>(html`<qk-provider locale="en" autosave-ms="0" style="display:block;width:1200px">
      ${ELEMENTS.map((e) => document.createElement(e.tag))}
    </qk-provider>`);
    for (const e of ELEMENTS) for (const [k, v] of Object.entries(e.attrs)) provider.querySelector(e.tag)!.setAttribute(k, v);
    provider.adapter = await MemoryAdapter.create(plan, actuals);
    await waitUntil(() => provider.store.status === 'ready' && provider.store.state, 'the plan never loaded', { timeout: 60_000 });
    const views = ELEMENTS.map((e) => provider.querySelector(e.tag)!);
    for (const v of views) expect(await settle(v), `<${v.localName}> did not render`).to.equal('');
    const cell = plan.targets[0]!;
    expect(provider.store.applyCells([{ ...cell, value: cell.value + 100_000 }]).ok).to.equal(true);
    provider.store.setFocus({ nodeId: cell.nodeId });
    provider.setAttribute('locale', 'zh-CN');
    for (const v of views) await settle(v);
    expect(given()).to.deep.equal([]);
  });
});
