import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/qk-scorecard.js';
import type { QkScorecard } from '../../../src/components/scorecard/scorecard.js';
import { QkStore } from '../../../src/store/store.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import { customersFixture } from '../../fixtures/customers.js';

// Issue 16 item 4: CLV computed when the data has it, shown as not available with a reason otherwise.
const root = (el: Element) => el.shadowRoot!;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: Element) => [...root(el).querySelectorAll('table.kpis tbody tr')].map((tr) => [...tr.children].map((c) => clean(c.textContent)));

describe('qk-scorecard: CLV from the data', () => {
  it("measures a veteran's CLV from repeat customers against the team's", async () => {
    const { plan, actuals } = customersFixture();
    const store = new QkStore({ asOf: '2026-04-15', autosaveMs: false });
    store.setData(plan, actuals);
    store.setFocus({ nodeId: 'r1', period: 'FY2026-Q1' });
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="zh-CN" .store=${store}></qk-scorecard>`);
    // 王芳: ¥165,000 / 2 customers × 10 (every Q4 customer came back) = ¥825,000; team 上海一组 (r1, r2):
    // the same customers → ¥825,000 too: score 100.
    const clv = rows(el).find((r) => r[0].startsWith('客户终身价值'))!;
    expect(clv.slice(2, 5)).to.deep.equal(['¥82.5万', '¥82.5万', '100.0']);
    expect(root(el).querySelector('.clv-reason')).to.equal(null);
  });

  it('says why CLV is not available', async () => {
    const { plan, actuals } = smallFixture();
    const store = new QkStore({ asOf: '2026-04-15', autosaveMs: false });
    store.setData(plan, actuals);
    store.setFocus({ nodeId: 'r1', period: 'FY2026-Q1' });
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="zh-CN" .store=${store}></qk-scorecard>`);
    expect(clean(root(el).querySelector('.clv-reason')!.textContent)).to.equal('客户终身价值不可用：数据中没有客户标识。');
    el.lang = 'en';
    await el.updateComplete;
    expect(clean(root(el).querySelector('.clv-reason')!.textContent)).to.equal('CLV not available: the bookings in the data name no customer.');
  });
});
