/**
 * Issue 16, items 7 and 8, in the demo (demo/index.html on ?today=2026-12-01, so the figures are the
 * sample's on any day), in zh-CN and in en, after 拆解目标 clicked in the goal tree:
 * - item 7: the adjustment panel's suggestions are grouped and capped at three a group; cutting a
 *   lagging rep's target is off by default; turned on, each such card shows its payout effect and
 *   "show all" opens the whole group. The expected groups and payouts come from the engine's trigger
 *   rules and commission formula on the demo's own data (`evaluateTriggers`, `computePayout` on the forecast booked in the rep’s product mix);
 * - item 8: selecting the company's December cell in the goal tree, the gauge gives no verdict
 *   (1 of 23 working days gone, judged from 10 %), with a forecast that is a range; November,
 *   closed, says achieved or missed from its target and bookings.
 * Assertions take plain values out of the demo's iframe (a failing expect on one of its elements
 * hangs the runner).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openDemo, text, LONG, type Demo } from './demo-helpers.js';
import { evaluateTriggers, groupProposals } from '../../src/engine/adjustment/triggers.js';
import { canRequest } from '../../src/engine/adjustment/access.js';
import { payAtForecast } from '../fixtures/forecast-mix.js';
import { SAMPLE_COMMISSION_PLAN } from '../../src/engine/incentive/plan.js';
import { targetCells, actualOf, targetOf } from '../../src/engine/plan/plan-state.js';
import { paceView, resolvePaceFigures } from '../../src/engine/pace/view.js';
import { elapsedWorkingDays, periodOf, workingDaysInPeriod } from '../../src/engine/calendar/periods.js';
import { formatMoney, formatMoneyRange } from '../../src/engine/money/money.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-cn.js';
import adjustmentEn from '../../src/i18n/en/adjustment.js';
import adjustmentZh from '../../src/i18n/zh-cn/adjustment.js';
import paceEn from '../../src/i18n/en/pace.errors.js';
import paceZh from '../../src/i18n/zh-cn/pace.errors.js';

const TODAY = '2026-12-01';

for (const lang of ['zh-CN', 'en'] as const) {
  const core = lang === 'en' ? en : zhCN;
  const adj = lang === 'en' ? adjustmentEn : adjustmentZh;
  const paceMessages = (lang === 'en' ? paceEn : paceZh) as unknown as Record<string, (p: Record<string, unknown>) => string>;

  describe(`demo/index.html in ${lang} on ${TODAY}: suggestions and status in time (#16 items 7, 8)`, () => {
    let demo: Demo | undefined;
    before(async function () {
      this.timeout(900_000);
      demo = await openDemo(lang, `today=${TODAY}`);
      expect(demo.store().asOf).to.equal(TODAY);
      await demo.decompose();
    });
    after(() => demo?.close());

    const money = (minor: number) => formatMoney(minor, { currency: 'CNY', locale: lang });
    const panelRoot = () => demo!.doc.querySelector('qk-adjustment-panel')!.shadowRoot!;
    /** The trigger rules on the demo's data, as the panel asks them for the admin (the company, the quarter of today). */
    function expectedProposals(includePace: boolean) {
      const s = demo!.store();
      const st = s.state!;
      const r = evaluateTriggers({
        state: { plan: st.plan, org: st.org, targets: targetCells(st), actuals: st.actuals?.actuals ?? [], pipeline: s.actuals?.pipeline ?? [] },
        period: periodOf(TODAY, 'quarter', st.plan.calendar),
        metric: 'revenue',
        asOf: TODAY,
        nodeId: st.index.roots[0]!,
        includePace,
        products: s.snapshot!.products,
      });
      if (!r.ok) throw new Error(r.error.message);
      const admin = s.user!;
      return r.value.filter((p) => canRequest(admin, p.nodeId, st.org).allowed);
    }
    /** Each group on screen: its class (the group id), the numbers of its count ("3 / 36"), its cards. */
    const groupsShown = () =>
      [...panelRoot().querySelectorAll('[part=suggestion-group]')].map((g) => ({
        group: [...g.classList].find((c) => c !== 'suggestion-group')!,
        count: (text(g.querySelector('h4 .count')).match(/\d+/g) ?? []).map(Number),
        cards: g.querySelectorAll('[part=suggestion]').length,
      }));

    it('item 7: cutting for under-performance is off by default; the groups are the trigger rules’, at most three cards each', async function () {
      this.timeout(600_000);
      await waitUntil(() => panelRoot()?.querySelector('[part=suggestions] h3'), 'the panel never showed its suggestions', LONG);
      const box = panelRoot().querySelector<HTMLInputElement>('input[part=include-pace]')!;
      expect(box.checked).to.equal(false);
      expect(text(box.parentElement)).to.equal(adj.includePace);
      // The scope line: the company, the quarter holding today.
      expect(text(panelRoot().querySelector('[part=suggestions] > p.muted'))).to.contain(periodOf(TODAY, 'quarter', demo!.store().plan!.calendar));
      const expected = groupProposals(expectedProposals(false));
      expect(expected.some((g) => g.group === 'pace')).to.equal(false);
      expect(groupsShown()).to.deep.equal(expected.map((g) => ({ group: g.group, count: [Math.min(3, g.total), g.total], cards: Math.min(3, g.total) })));
      expect(panelRoot().querySelectorAll('[part=suggestion].pace').length).to.equal(0);
    });

    it('item 7: turned on, the lagging reps’ cards show what the cut does to their payout, three at first, all on request', async function () {
      this.timeout(600_000);
      const panel = demo!.doc.querySelector('qk-adjustment-panel')!;
      panelRoot().querySelector<HTMLInputElement>('input[part=include-pace]')!.click();
      await waitUntil(() => panelRoot().querySelector('[part=suggestion-group].pace'), 'no pace group after turning it on', LONG);
      await panel.updateComplete;
      const pace = groupProposals(expectedProposals(true)).find((g) => g.group === 'pace')!;
      // After a top-down split of the sample, many reps are far behind on 1 December: more than three.
      expect(pace.total).to.be.greaterThan(3);
      const group = () => panelRoot().querySelector('[part=suggestion-group].pace')!;
      expect((text(group().querySelector('h4 .count')).match(/\d+/g) ?? []).map(Number)).to.deep.equal([3, pace.total]);
      // Each card's payout effect: the sample commission plan at the forecast, against the target now and the cut one.
      const effects = [...group().querySelectorAll('[part=payout-effect]')].map(text);
      const wanted = pace.shown.slice(0, 3).map((p) => {
        const forecast = Math.round(Number(p.facts.forecast));
        // Booked in the rep's product mix so far, paid with the plan data's new lines (as the calculator pays).
        const store = demo!.store();
        const newIds = store.snapshot!.products.filter((x) => x.new).map((x) => x.id);
        const pay = (t: number) => payAtForecast(SAMPLE_COMMISSION_PLAN, p.nodeId, forecast, t, store.state!.actuals?.actuals ?? [], newIds);
        const before = pay(Number(p.facts.target));
        const after = pay(p.change!.kind === 'value' ? p.change!.value : 0);
        const d = after - before;
        return adj.payoutEffect({ forecast: money(forecast), before: money(before), after: money(after), delta: `${d > 0 ? '+' : d < 0 ? '−' : ''}${money(Math.abs(d))}` });
      });
      expect(effects).to.deep.equal(wanted);
      const more = group().querySelector<HTMLButtonElement>('.show-all')!;
      expect([text(more), more.getAttribute('aria-expanded')]).to.deep.equal([adj.showAll({ count: String(pace.total) }), 'false']);
      more.click();
      await panel.updateComplete;
      expect(group().querySelectorAll('[part=suggestion]').length).to.equal(pace.total);
      expect(text(group().querySelector('.show-all'))).to.equal(adj.showFewer);
      expect(demo!.page.errors).to.deep.equal([]);
    });

    /** Focuses the company's cell for `period` in the goal tree (a click on the row's cell) and waits for the gauge to show it. */
    async function selectCompany(period: string): Promise<Element> {
      const tree = demo!.doc.querySelector('qk-goal-tree')!;
      const s = demo!.store();
      const cells = [...tree.shadowRoot!.querySelectorAll<HTMLElement>('[data-r="0"][data-c]')].filter((c) => c.dataset.c !== '0');
      for (const c of cells) {
        c.focus();
        c.click();
        await tree.updateComplete;
        if (s.focus.period === period) break;
      }
      expect(s.focus.period).to.equal(period);
      const gauge = demo!.doc.querySelector('qk-attainment-gauge')!;
      await waitUntil(() => text(gauge.shadowRoot?.querySelector('[part=title]')).endsWith(period), `the gauge never showed ${period}`, LONG);
      return gauge;
    }
    const viewOf = (period: string) => {
      const s = demo!.store();
      const r = resolvePaceFigures(s.state!, { nodeId: s.state!.index.roots[0]!, period, metric: 'revenue' });
      if (!r.ok || !r.value.figures) throw new Error(`no figures for ${period}`);
      const v = paceView(r.value.figures);
      if (!v.ok) throw new Error(v.error.message);
      return v.value;
    };

    it('item 8: December, one working day in, gets no verdict, and its forecast is a range', async function () {
      this.timeout(600_000);
      const gauge = await selectCompany('2026-12');
      const cal = demo!.store().plan!.calendar;
      // 1 December 2026 is a Tuesday: 1 of December's 23 working days has passed, under the 10 % from which progress is judged.
      expect([elapsedWorkingDays('2026-12', TODAY, cal), workingDaysInPeriod('2026-12', cal)]).to.deep.equal([1, 23]);
      const view = viewOf('2026-12');
      expect(view.status.status).to.equal('too-early');
      const badge = gauge.shadowRoot!.querySelector('[part~=status]')!;
      expect([text(badge), badge.classList.contains('too-early')]).to.deep.equal([core.statuses['too-early'], true]);
      expect(text(gauge.shadowRoot!.querySelector('[part=reason]'))).to.contain(paceMessages['too-early']!({ value: 1 / 23, threshold: 0.1 }));
      // The p10–p90 band: two different amounts, as the engine computes them from the history's spread.
      expect(view.forecast.low).to.be.lessThan(view.forecast.high);
      const range = formatMoneyRange(view.forecast.low, view.forecast.high, { currency: 'CNY', locale: lang, compact: true });
      const rows = [...gauge.shadowRoot!.querySelectorAll('[part=figures] .row')].map((r) => [text(r.querySelector('dt')), text(r.querySelector('dd'))]);
      const forecastRow = rows.find(([dt]) => dt === (lang === 'en' ? 'Forecast' : '预测'));
      expect(forecastRow?.[1] ?? rows.map((r) => r.join(': ')).join(' | ')).to.contain(range.text);
    });

    it('item 8: November, closed, says achieved or missed from its target and bookings', async function () {
      this.timeout(600_000);
      const gauge = await selectCompany('2026-11');
      const s = demo!.store();
      const root = s.state!.index.roots[0]!;
      const target = targetOf(s.state!, root, '2026-11', 'revenue')!;
      const actual = actualOf(s.state!, root, '2026-11', 'revenue') ?? 0;
      const verdict = actual >= target ? 'achieved' : 'missed';
      expect(viewOf('2026-11').status.status).to.equal(verdict);
      const badge = gauge.shadowRoot!.querySelector('[part~=status]')!;
      expect([text(badge), badge.classList.contains(verdict)]).to.deep.equal([core.statuses[verdict], true]);
      expect(text(gauge.shadowRoot!.querySelector('[part=reason]'))).to.contain(paceMessages[`period-${verdict}`]!({ value: actual / target }));
      expect(demo!.page.errors).to.deep.equal([]);
    });

    it('item 8: for FY2026, a rep hired in 2026 has no delta against FY2025 in the scorecard; a veteran has one', async function () {
      this.timeout(600_000);
      const s = demo!.store();
      const fy = `FY${s.plan!.fiscalYear}`;
      // The company's name cell: the whole fiscal year.
      const tree = demo!.doc.querySelector('qk-goal-tree')!;
      const name = tree.shadowRoot!.querySelector<HTMLElement>('[data-r="0"][data-c="0"]')!;
      name.focus();
      name.click();
      await waitUntil(() => s.focus.period === fy, 'the company’s year was never selected', LONG);
      const reps = s.org.filter((n) => n.kind === 'rep' && n.hireDate);
      const hire = reps.find((n) => n.hireDate! >= `${s.plan!.fiscalYear}-01-01`)!;
      const veteran = reps.find((n) => n.hireDate! < `${s.plan!.fiscalYear - 1}-01-01`)!;
      expect([hire, veteran].every(Boolean)).to.equal(true);
      const card = demo!.doc.querySelector('qk-scorecard')!;
      const sr = () => card.shadowRoot!;
      const trendOf = async (person: string): Promise<string> => {
        await waitUntil(() => sr().querySelector('input[part=search]'), 'the scorecard never showed its ranking', LONG);
        const search = sr().querySelector<HTMLInputElement>('input[part=search]')!;
        search.value = person;
        search.dispatchEvent(new Event('input'));
        const row = () => [...sr().querySelectorAll('table.ranking tbody tr')].find((tr) => text(tr.querySelector('th')) === person);
        await waitUntil(() => row(), `the ranking never listed ${person}`, LONG);
        return text(row()!.querySelector('[part=trend]'));
      };
      const sc = lang === 'en' ? { noTrend: 'No previous period to compare with', prior: 'vs last period (FY2025)' } : { noTrend: '没有可比较的上期数据', prior: '较上期（FY2025）' };
      expect(await trendOf(hire.name)).to.equal(sc.noTrend);
      expect(await trendOf(veteran.name)).to.contain(sc.prior);
    });
  });
}
