import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/qk-review-board.js';
import type { QkReviewBoard } from '../../../src/components/review-board/review-board.js';
import { QkStore } from '../../../src/store/store.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import { customersFixture } from '../../fixtures/customers.js';

// Issue 16 item 4: "CLV is always '—'; CRM completeness '未统计'".
const root = (el: Element) => el.shadowRoot!;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: Element) => [...root(el).querySelectorAll('table.kpis tbody tr')].map((tr) => [...tr.children].map((c) => clean(c.textContent)));
const row = (el: Element, label: string) => rows(el).find((r) => r[0] === label);

describe('qk-review-board: CRM completeness and CLV from the data', () => {
  it('shows CRM completeness of the open pipeline, and CLV not available with the reason', async () => {
    const { plan, actuals } = smallFixture();
    const store = new QkStore({ asOf: '2026-04-15', autosaveMs: false });
    store.setData(plan, actuals);
    store.setFocus({ nodeId: 'co', period: 'FY2026-Q1' });
    const el = await fixture<QkReviewBoard>(html`<qk-review-board lang="zh-CN" .store=${store} .rates=${[0.25, 0.5, 0.4]} .avgDealSize=${5_000_000}></qk-review-board>`);
    // o1 past its expected close, o2 complete, o3 without a product line: 1 of 3 = 33.3%, against 100%.
    expect(row(el, 'CRM 填写完整度')!.slice(0, 3)).to.deep.equal(['CRM 填写完整度', '100%', '33.3%']);
    // No booking names its customer.
    expect(row(el, '客户终身价值（CLV）')![2]).to.equal('— 客户终身价值不可用：数据中没有客户标识。');
    el.lang = 'en';
    await el.updateComplete;
    expect(row(el, 'Customer lifetime value (CLV)')![2]).to.equal('— CLV not available: the bookings in the data name no customer.');
    expect(row(el, 'CRM completeness')!.slice(0, 3)).to.deep.equal(['CRM completeness', '100%', '33.3%']);
  });

  it('computes CLV from repeat customers', async () => {
    const { plan, actuals } = customersFixture();
    const store = new QkStore({ asOf: '2026-04-15', autosaveMs: false });
    store.setData(plan, actuals);
    store.setFocus({ nodeId: 'east', period: 'FY2026-Q1' });
    const el = await fixture<QkReviewBoard>(html`<qk-review-board lang="zh-CN" .store=${store} .rates=${[0.25, 0.5, 0.4]} .avgDealSize=${5_000_000}></qk-review-board>`);
    // (¥120,000 + ¥80,000 + ¥45,000) / 2 customers = ¥122,500 × 2 quarters (acme of 2 Q4 customers came back) = ¥245,000.
    expect(row(el, '客户终身价值（CLV）')!.slice(0, 3)).to.deep.equal(['客户终身价值（CLV）', '—', '¥24.5万']);
  });
});
