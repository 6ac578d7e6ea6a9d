/**
 * Issue 12 item 5: a 100,000-node org must not render 100,000 rows. The scorecard and the incentive
 * calculator show one page of people (with next/previous and a search by name) whatever the org's
 * size, so their shadow DOM and text stay bounded. DOM size and correctness only: timings are in
 * bench/scale.mjs.
 *
 * Here on a 10,000-node org (9,899 people): a page that grew with the org would break every bound
 * below ten times over, so the check is the same as at 100,000, at a tenth of the work (it was the
 * slowest browser test file). The 100,000-node org itself — valid, loaded by the store, everyone
 * paid, 赵辰's figures — is checked in Node: test/store/large-org.scale.test.ts.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/qk-scorecard.js';
import '../../src/define/qk-incentive-calculator.js';
import type { QkScorecard } from '../../src/components/scorecard/scorecard.js';
import type { QkIncentiveCalculator } from '../../src/components/incentive-calculator/incentive-calculator.js';
import { checkOrg } from '../../src/engine/plan/model.js';
import { QkStore } from '../../src/store/store.js';
import { largeBooking, largeOrg, largeTarget, LARGE_ORG_NAMED } from '../fixtures/large-org.js';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const rowsOf = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(`${sel} tr`)].map((tr) => [...tr.children].map((c) => clean(c.textContent)));
const textOf = (el: Element, sel: string) => clean(el.shadowRoot!.querySelector(sel)?.textContent);

/** What a page of people may cost, at most, in the shadow DOM. */
function expectBounded(el: Element): void {
  const root = el.shadowRoot!;
  expect(root.querySelectorAll('tr').length, 'table rows').to.be.at.most(100);
  expect(root.querySelectorAll('[role="option"], option').length, 'options').to.be.at.most(50);
  expect(root.querySelectorAll('*').length, 'elements').to.be.at.most(2_000);
  expect((root.textContent ?? '').length, 'characters of text').to.be.below(30_000);
}

async function search(el: Element, name: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[part~="search"]');
  expect(input, 'a search box').to.exist;
  input!.value = name;
  input!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (el as QkScorecard).updateComplete;
}

describe('a 10,000-node org in the elements', function () {
  // Building and scoring 9,899 people takes seconds on a loaded CI box: wait for it, do not time it.
  this.timeout(600_000);
  let store: QkStore;
  const named = () => store.org.findIndex((n) => n.id === LARGE_ORG_NAMED.id) - 101;

  before(() => {
    const { plan, actuals } = largeOrg({ nodes: 10_000 });
    store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    store.setData(plan, actuals);
  });

  it('is a valid org: 1 company → 100 teams → 9,899 reps', () => {
    expect(store.org.length).to.equal(10_000);
    expect(checkOrg(store.org)).to.deep.equal([]);
    expect(store.org.filter((n) => n.kind === 'team').length).to.equal(100);
    expect(store.org.filter((n) => n.kind === 'rep').length).to.equal(9_899);
    // 赵辰 is rep number 5,692 (team 58, the 50th of its 99): not on any first page.
    expect(named()).to.equal(5_692);
  });

  it('qk-scorecard shows one page of the company ranking, pages on, and finds a rep by name', async () => {
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="en" node="co" period="FY2026-Q1" .store=${store}></qk-scorecard>`);
    await waitUntil(() => rowsOf(el, 'table.ranking tbody').length > 0, 'the ranking renders', { timeout: 600_000 });
    expect(rowsOf(el, 'table.ranking tbody').length).to.equal(50);
    expectBounded(el);
    expect(textOf(el, '[part~="page-status"]')).to.equal('1–50 of 9,899 people');
    const first = rowsOf(el, 'table.ranking tbody')[0][1];

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="page-next"]')!.click();
    await el.updateComplete;
    expect(textOf(el, '[part~="page-status"]')).to.equal('51–100 of 9,899 people');
    expect(rowsOf(el, 'table.ranking tbody').length).to.equal(50);
    expect(rowsOf(el, 'table.ranking tbody')[0][1]).not.to.equal(first);

    await search(el, LARGE_ORG_NAMED.name);
    const found = rowsOf(el, 'table.ranking tbody');
    expect(found.map((r) => r[1])).to.deep.equal([LARGE_ORG_NAMED.name]);
    expect(textOf(el, '[part~="page-status"]')).to.equal('1 of 9,899 people match “赵辰”');
    expectBounded(el);

    // The person's card opens from the search result.
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="person"]')!.click();
    await el.updateComplete;
    expect(textOf(el, '[part~="title"]')).to.equal('Scorecard · 赵辰 · FY2026-Q1');
    expectBounded(el);
  });

  it('qk-incentive-calculator shows one page of the company payouts, totals over everyone, and finds a rep by name', async () => {
    const el = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" node="co" period="FY2026" .store=${store}></qk-incentive-calculator>`);
    await waitUntil(() => rowsOf(el, '.team tbody').length > 0, 'the team table renders', { timeout: 600_000 });
    expect(rowsOf(el, '.team tbody').length).to.equal(50);
    expectBounded(el);
    expect(textOf(el, '[part~="page-status"]')).to.equal('1–50 of 9,899 people');
    expect(rowsOf(el, '.team tfoot')[0][0]).to.equal('Total (9,899 people)');

    await search(el, LARGE_ORG_NAMED.name);
    // 赵辰 (rep 5,692): target ¥100,000 + (5,692 mod 50 = 42) × ¥1,000 = ¥142,000; booked ¥60,000 +
    // (5,692 mod 80 = 12) × ¥500 = ¥66,000, collected (even rep) → 66/142 = 46.5 %: below the 50 % tier, nothing paid.
    const i = named();
    expect([largeTarget(i), largeBooking(i)]).to.deep.equal([14_200_000, 6_600_000]);
    expect(rowsOf(el, '.team tbody')).to.deep.equal([['赵辰', 'CN¥142K', 'CN¥66K', '46.5%', 'CN¥0', '—']]);
    expect(textOf(el, '[part~="page-status"]')).to.equal('1 of 9,899 people match “赵辰”');
    expectBounded(el);
  });
});
