/**
 * The error state of an element lists the issues of a bad payload in the page's language (path and
 * reason, under the localized heading). The payloads themselves: payload-corpus.test.ts (in Node).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { QkElement } from '../../src/internal/qk-element.js';
import { sharedStringsOnly } from '../../src/i18n/sections.js';
import { defineElement } from '../../src/internal/define.js';
import { smallFixture } from '../fixtures/small-plan.js';

type Loose = Record<string, unknown>;
const plan = () => smallFixture().plan as unknown as Loose & { plan: Loose; org: Loose[]; targets: Loose[]; products: unknown };

class CorpusProbe extends QkElement {
  protected override get strings() {
    return sharedStringsOnly;
  }

  protected override render() {
    return this.renderStatus() ?? litHtml`<span>ok</span>`;
  }
}
defineElement('qk-corpus-probe', CorpusProbe);

const items = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part="error-issues"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('payload corpus: the error state lists issues in the page language', () => {
  it('zh-CN: paths and reasons in Chinese under the Chinese heading', async () => {
    const p = plan();
    p.plan.currency = 'ZZZ';
    p.org[6]!.hireDate = '2026-02-30';
    const el = await fixture<CorpusProbe>(html`<qk-corpus-probe lang="zh-CN" .data=${{ plan: p }}></qk-corpus-probe>`);
    // The issue wording loads on first use (an error state): wait for the localized lines.
    await waitUntil(() => items(el)[0]?.startsWith('计划'), 'the issues never read in Chinese', { timeout: 60000 });
    expect(items(el)).to.deep.equal([
      '计划 币种：“ZZZ”不是 ISO 4217 币种代码（如 CNY、USD）',
      '组织 第7项 入职日期：“2026-02-30”不是真实存在的日期（2026年2月只有 28 天）',
    ]);
    expect(el.shadowRoot!.querySelector('[role="alert"] p')!.textContent).to.equal('CRM 返回的数据格式有误，已全部拒绝加载，请联系管理员检查数据。');
  });

  it('en: the same issues in English', async () => {
    const p = plan();
    p.plan.currency = 'ZZZ';
    const el = await fixture<CorpusProbe>(html`<qk-corpus-probe lang="en" .data=${{ plan: p }}></qk-corpus-probe>`);
    await waitUntil(() => items(el)[0]?.startsWith('plan, currency'), 'the issues never read in English', { timeout: 60000 });
    expect(items(el)).to.deep.equal(['plan, currency: "ZZZ" is not an ISO 4217 currency code such as CNY or USD']);
  });
});
