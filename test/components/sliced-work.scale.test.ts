/**
 * Issue 12 item 5: no main-thread task long enough to freeze the page. Above 2,000 org nodes the
 * scorecard ranks and the incentive calculator pays everyone in short slices (engine steps run by
 * `StepRunner`), showing a progress bar meanwhile; the figures they end on are the engine's, the
 * same as computed in one go. Structure only: timings are in bench/scale.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/qk-scorecard.js';
import '../../src/define/qk-incentive-calculator.js';
import type { QkScorecard } from '../../src/components/scorecard/scorecard.js';
import type { QkIncentiveCalculator } from '../../src/components/incentive-calculator/incentive-calculator.js';
import { QkStore } from '../../src/store/store.js';
import { scorecardsFromSnapshot, scorecardSteps } from '../../src/engine/scorecard/source.js';
import { teamPayoutSteps, computeTeamPayouts } from '../../src/engine/incentive/team.js';
import { resolveIncentiveScope } from '../../src/engine/incentive/source.js';
import { SAMPLE_COMMISSION_PLAN } from '../../src/engine/incentive/commission.js';
import { STEP_CHUNK } from '../../src/engine/shared/steps.js';
import { largeOrg } from '../fixtures/large-org.js';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const rowsOf = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(`${sel} tr`)].map((tr) => [...tr.children].map((c) => clean(c.textContent)));

describe('work on a large org in slices', function () {
  // Scoring 9,899 people is work, not waiting: a loaded 2-core CI box may take a while.
  this.timeout(600_000);
  let store: QkStore;
  // 10,000 nodes: 1 company, 100 teams, 9,899 reps.
  const REPS = 9_899;

  before(() => {
    const { plan, actuals } = largeOrg({ nodes: 10_000 });
    store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    store.setData(plan, actuals);
  });

  // The engine's one-go results, each computed once for the file: the store's state does not change
  // between the tests (nothing is edited), and the tests compare the steps and the elements with them.
  let onceCards: ReturnType<typeof scorecardsFromSnapshot> | undefined;
  const scorecardsInOneGo = () => (onceCards ??= scorecardsFromSnapshot(store.state!, { nodeId: 'co', period: 'FY2026-Q1' }));
  let oncePayouts: { scope: ReturnType<typeof resolveIncentiveScope>; payouts: ReturnType<typeof computeTeamPayouts> } | undefined;
  const payoutsInOneGo = () => {
    if (!oncePayouts) {
      const scope = resolveIncentiveScope(store.state!, { nodeId: 'co', period: 'FY2026' });
      if (!scope.ok) throw new Error(scope.error.message);
      oncePayouts = { scope, payouts: computeTeamPayouts(SAMPLE_COMMISSION_PLAN, scope.value.people, store.state!.actuals!.actuals, scope.value.options) };
    }
    return oncePayouts;
  };

  it('scorecardSteps yields at least once per chunk of people and ends on the one-go result', () => {
    const steps = scorecardSteps(store.state!, { nodeId: 'co', period: 'FY2026-Q1' });
    let yields = 0;
    let last = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) {
      yields++;
      // Each person is measured twice (this period and the last), scored and ranked.
      expect(r.value.total).to.equal(4 * REPS);
      expect(r.value.done).to.be.within(last, r.value.total);
      last = r.value.done;
    }
    expect(yields).to.be.at.least(Math.floor((4 * REPS) / STEP_CHUNK));
    const once = scorecardsInOneGo();
    expect(r.value.ok && once.ok).to.equal(true);
    if (r.value.ok && once.ok) {
      expect(r.value.value.cards.length).to.equal(REPS);
      expect(r.value.value.cards.map((c) => [c.id, c.score, c.rank])).to.deep.equal(once.value.cards.map((c) => [c.id, c.score, c.rank]));
    }
  });

  it('teamPayoutSteps yields once per chunk of people and ends on the one-go totals', () => {
    const { scope, payouts: once } = payoutsInOneGo();
    if (!scope.ok) throw new Error(scope.error.message);
    const { people, options } = scope.value;
    const steps = teamPayoutSteps(SAMPLE_COMMISSION_PLAN, people, store.state!.actuals!.actuals, options);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).to.be.at.least(Math.floor(REPS / STEP_CHUNK));
    expect(r.value.ok && r.value.value.totals).to.deep.equal(once.ok && once.value.totals);
    expect(r.value.ok && r.value.value.totals.people).to.equal(REPS);
  });

  it('qk-scorecard shows a progress bar first, then the ranking the engine computes in one go', async () => {
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="en" node="co" period="FY2026-Q1" .store=${store}></qk-scorecard>`);
    // The first render does not score 9,899 people: it shows where the work is.
    const progress = el.shadowRoot!.querySelector('progress[part~="progress"]') as HTMLProgressElement | null;
    expect(progress, 'a progress bar').to.exist;
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
    expect(rowsOf(el, 'table.ranking tbody')).to.deep.equal([]);
    // Its scale is known after the first slice: every person measured twice, scored, ranked.
    await waitUntil(() => (el.shadowRoot!.querySelector('progress') as HTMLProgressElement | null)?.max !== 1 || rowsOf(el, 'table.ranking tbody').length > 0, 'the first slice', { timeout: 600_000 });
    const max = (el.shadowRoot!.querySelector('progress') as HTMLProgressElement | null)?.max;
    if (max !== undefined) expect(max).to.equal(4 * REPS);

    await waitUntil(() => rowsOf(el, 'table.ranking tbody').length > 0, 'the ranking renders', { timeout: 600_000 });
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    expect(clean(el.shadowRoot!.querySelector('[part~="page-status"]')?.textContent)).to.equal('1–50 of 9,899 people');
    const once = scorecardsInOneGo();
    if (!once.ok) throw new Error(once.error.message);
    const shown = rowsOf(el, 'table.ranking tbody');
    expect(shown.map((r) => [r[0].split(' ')[0], r[1], r[3]])).to.deep.equal(
      once.value.cards.slice(0, 50).map((c) => [String(c.rank), c.name, c.score === null ? '—' : c.score.toFixed(1)]),
    );
  });

  it('qk-incentive-calculator shows a progress bar first, then every rep paid', async () => {
    const el = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" node="co" period="FY2026" .store=${store}></qk-incentive-calculator>`);
    const progress = el.shadowRoot!.querySelector('progress[part~="progress"]') as HTMLProgressElement | null;
    expect(progress, 'a progress bar').to.exist;
    expect(rowsOf(el, '.team tbody')).to.deep.equal([]);
    await waitUntil(() => (el.shadowRoot!.querySelector('progress') as HTMLProgressElement | null)?.max !== 1 || rowsOf(el, '.team tbody').length > 0, 'the first slice', { timeout: 600_000 });
    const max = (el.shadowRoot!.querySelector('progress') as HTMLProgressElement | null)?.max;
    if (max !== undefined) expect(max).to.equal(REPS);

    await waitUntil(() => rowsOf(el, '.team tbody').length > 0, 'the team table renders', { timeout: 600_000 });
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    expect(rowsOf(el, '.team tbody').length).to.equal(50);
    expect(rowsOf(el, '.team tfoot')[0][0]).to.equal('Total (9,899 people)');
    // The table's sort (payout, highest first; ties in the team's order) was done in slices too:
    // the first page is the one-go payouts sorted by their totals.
    const once = payoutsInOneGo().payouts;
    if (!once.ok) throw new Error(once.error.message);
    const total = (i: number) => { const r = once.value.rows[i]; return r.error === null ? r.figures.total : Number.NaN; };
    const want = once.value.rows.map((_, i) => i).sort((a, b) => (Number.isNaN(total(a)) || Number.isNaN(total(b)) ? (Number.isNaN(total(a)) ? (Number.isNaN(total(b)) ? a - b : 1) : -1) : total(b) - total(a) || a - b));
    expect(rowsOf(el, '.team tbody').map((r) => r[0])).to.deep.equal(want.slice(0, 50).map((i) => once.value.rows[i].person.name));
  });

  it('a small team is still computed in one go (no progress state)', async () => {
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="en" node="team-000" period="FY2026-Q1" .store=${store}></qk-scorecard>`);
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    // team-000 holds reps 0–98 (99 people): two pages.
    expect(clean(el.shadowRoot!.querySelector('[part~="page-status"]')?.textContent)).to.equal('1–50 of 99 people');
  });
});
