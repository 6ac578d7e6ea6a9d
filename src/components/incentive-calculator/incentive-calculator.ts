import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QkElement } from '../../internal/qk-element.js';
import { baseStyles } from '../../theme/base-styles.js';
import type { Actual, ProductLine } from '../../engine/model.js';
import { formatMoney, formatPercent } from '../../engine/money.js';
import {
  parseCommissionPlan,
  payoutCurve,
  whatIfRange,
  SAMPLE_COMMISSION_PLAN,
  type CommissionPlan,
  type CurvePoint,
  type Payout,
  type PayoutLine,
  type PayoutOptions,
  type PayoutPerson,
} from '../../engine/incentive.js';
import { computeTeamPayouts, type MentoringCredit, type TeamPayouts } from '../../engine/incentive-team.js';
import { resolveIncentiveScope } from '../../engine/incentive-source.js';
import { errorText } from '../../i18n/localize.js';
import { incentiveMessages } from '../../i18n/messages/incentive.js';
import { QkFocusChangeEvent } from '../../events/qk-focus-change.js';
import { layoutCurve } from './curve-layout.js';
import { styles } from './incentive-calculator.styles.js';
import { registerIncentiveStrings } from '../../i18n/register/incentive.js';

type Issue = { code: string; message: string; params?: Record<string, string | number>; path?: (string | number)[]; issues?: { path: (string | number)[]; message: string }[] };
type SortKey = 'name' | 'target' | 'revenue' | 'attainment' | 'total' | 'mentoring';

interface Common {
  plan: CommissionPlan;
  name: string;
  period: string;
  currency: string;
  names: Record<string, string>;
  productNames: Record<string, string>;
}
type ViewModel =
  | { kind: 'plan-error'; error: Issue }
  | { kind: 'error'; error: Issue }
  | ({ kind: 'rep'; payout: Payout; mentoring: MentoringCredit | null } & Common)
  | ({ kind: 'no-target' } & Common)
  | ({ kind: 'manager'; team: TeamPayouts } & Common);

const CHART = { width: 560, height: 220 };

/**
 * What reaching the target is worth: tiered commission, new-product coefficient and bonus, ramp
 * bonus and mentoring credit (传帮带), computed live by the incentive engine.
 *
 * The rep view shows the attainment for pay (against the target in force, the original beside it),
 * the payout so far with every line, the payout curve over attainment (tier breakpoints, the
 * person's position, a hidden table with the same numbers), what the next tier needs and a what-if
 * slider. The manager view shows the team's payouts in a sortable table with totals, and the
 * mentoring credits.
 *
 * Under a provider it follows the store's focus: a rep → the rep view; a team or region → the
 * manager view of its reps (clicking a name focuses that rep). A target an approved adjustment
 * changed since the plan was loaded (`source: 'adjustment'`) is paid against as it is now, with the
 * loaded target shown beside it ("original ¥X"; see `originalTargetCells`). Without one it works from `.plan`,
 * `.person` / `.people` and `.actuals`, or from `.data` (a plan snapshot). Without `.plan` it uses
 * `SAMPLE_COMMISSION_PLAN`.
 *
 * @tag qk-incentive-calculator
 * @summary Tiered commission calculator with payout curve, what-if and team payouts.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title row.
 * @csspart title - Who and which period.
 * @csspart figures - Attainment, revenue, payout so far.
 * @csspart next - What the next tier needs.
 * @csspart clawback - The clawback note.
 * @csspart breakdown - The table of payout lines.
 * @csspart chart - The figure holding the payout curve.
 * @csspart curve - The payout curve line.
 * @csspart breakpoint - A tier breakpoint rule and label.
 * @csspart axis - Axis ticks and labels.
 * @csspart marker - The person's (and the what-if) position.
 * @csspart what-if - The what-if slider and its result.
 * @csspart slider - The range input.
 * @csspart team - The team payout table.
 * @csspart sort - A column's sort button.
 * @csspart mentoring - The mentoring credits table.
 * @csspart state - Loading, empty, error and no-target states.
 *
 * @cssprop [--qk-incentive-calculator-curve=var(--qk-color-primary)] - The payout curve.
 * @cssprop [--qk-incentive-calculator-marker=var(--qk-color-success)] - The person's marker.
 * @cssprop [--qk-incentive-calculator-what-if=var(--qk-color-warning)] - The what-if marker.
 * @cssprop [--qk-incentive-calculator-breakpoint=var(--qk-color-border)] - Tier breakpoint rules.
 * @cssprop [--qk-incentive-calculator-chart-max-width=640px] - The widest the chart is drawn.
 *
 * @fires qk-error - The plan is invalid (`incentive-plan-invalid`, with the path of the bad field in `issues`), or a figure is.
 * @fires qk-focus-change - A person was chosen in the manager view (with a store).
 */
export class QkIncentiveCalculator extends QkElement {
  /** Object properties a host may set from a `<script type="application/json" data-prop="…">` child. */
  protected static override jsonProps: readonly string[] = ['data', 'plan', 'person', 'people', 'products', 'actuals'];

  protected static override registerStrings = registerIncentiveStrings;

  static override styles = [baseStyles, styles];

  /** `rep` or `manager`; default: from the focus (a rep → rep, anything above → manager) or from `.person` / `.people`. */
  @property({ reflect: true }) view: 'rep' | 'manager' | '' = '';

  /** The org node to show; default: the store's focus, then the signed-in user's node, then the root. */
  @property({ reflect: true }) node = '';

  /** The period (`FY2026-Q1`, …); default: the store's focus, then the quarter holding today if it has a target, else the year. */
  @property({ reflect: true }) period = '';

  /** The commission plan (validated; see `CommissionPlanSchema`). Default `SAMPLE_COMMISSION_PLAN`. */
  @property({ attribute: false }) plan?: unknown;

  /** One person to show without a store: `{ id, name?, target, originalTarget?, hireDate?, mentorId? }`. */
  @property({ attribute: false }) person?: PayoutPerson;

  /** The team to show without a store (and the mentees of `person`). */
  @property({ attribute: false }) people?: PayoutPerson[];

  /** Product lines for `.person` / `.people`: their names, and which are new (new-product coefficient and bonus). */
  @property({ attribute: false }) products?: readonly ProductLine[];

  /** Actuals for `.person` / `.people`: a list of bookings and collections, or an actuals snapshot. */
  @property({ attribute: false }) actuals?: readonly Actual[] | { actuals: readonly Actual[] };

  /** Without a store: the day to compute for (`YYYY-MM-DD`) and the period's first and last day. */
  @property({ attribute: 'as-of' }) asOf = '';
  @property() from = '';
  @property() to = '';

  @state() private extra = 0;
  @state() private sortKey: SortKey = 'total';
  @state() private sortDir: 'ascending' | 'descending' = 'descending';

  private memoKey: unknown[] = [];
  private memo: ViewModel | null = null;
  private parsedFor?: unknown;
  private parsed?: ReturnType<typeof parseCommissionPlan>;
  private extraFor = '';

  private get usingProperties(): boolean {
    return this.person !== undefined || this.people !== undefined;
  }

  private parsePlan(): ReturnType<typeof parseCommissionPlan> {
    if (this.plan === undefined) return { ok: true, value: SAMPLE_COMMISSION_PLAN };
    if (this.parsedFor !== this.plan || !this.parsed) {
      this.parsedFor = this.plan;
      this.parsed = parseCommissionPlan(this.plan);
    }
    return this.parsed;
  }

  /** The view model, or null while the store is not ready. Memoized on everything it reads. */
  private get model(): ViewModel | null {
    const store = this.usingProperties ? undefined : this.activeStore;
    if (!this.usingProperties && (!store || store.status !== 'ready' || !store.snapshot)) return null;
    const key = [this.plan, this.person, this.people, this.actuals, this.products, this.asOf, this.from, this.to, this.view, this.node, this.period, store, store?.revision];
    if (this.memo && key.every((k, i) => k === this.memoKey[i])) return this.memo;
    this.memoKey = key;
    this.memo = this.compute();
    return this.memo;
  }

  private compute(): ViewModel {
    const parsed = this.parsePlan();
    if (!parsed.ok) return { kind: 'plan-error', error: { ...parsed.error, ...(parsed.issues ? { issues: parsed.issues } : {}) } };
    const plan = parsed.value;
    let people: PayoutPerson[];
    let actuals: readonly Actual[];
    let options: PayoutOptions;
    let common: Omit<Common, 'plan' | 'names'>;
    let view: 'rep' | 'manager';
    if (this.usingProperties) {
      people = [...(this.person ? [this.person] : []), ...(this.people ?? []).filter((p) => p.id !== this.person?.id)];
      actuals = Array.isArray(this.actuals) ? this.actuals : ((this.actuals as { actuals?: readonly Actual[] } | undefined)?.actuals ?? []);
      const products = this.products ?? [];
      options = {
        ...(this.asOf ? { asOf: this.asOf } : {}),
        ...(this.from ? { from: this.from } : {}),
        ...(this.to ? { to: this.to } : {}),
        newProductIds: products.filter((p) => p.new).map((p) => p.id),
      };
      view = this.view || (this.person ? 'rep' : 'manager');
      const first = people[0];
      common = { name: view === 'rep' ? (first?.name ?? first?.id ?? '') : this.t.incentive.title, period: this.period, currency: plan.currency ?? 'CNY', productNames: Object.fromEntries(products.map((p) => [p.id, p.name])) };
    } else {
      const store = this.activeStore!;
      const scope = resolveIncentiveScope(
        {
          plan: store.plan!,
          org: store.org,
          products: store.snapshot!.products,
          targets: store.targets(),
          // The targets as loaded: a target an approved adjustment changed since shows its original beside it.
          loadedTargets: store.snapshot!.targets,
          actuals: store.actuals,
          asOf: store.asOf,
        },
        { nodeId: this.node || store.focus.nodeId || store.user?.nodeId, period: this.period || store.focus.period, view: this.view || null },
      );
      if (!scope.ok) return { kind: 'error', error: scope.error };
      const s = scope.value;
      people = s.people;
      actuals = store.actuals?.actuals ?? [];
      options = s.options;
      view = s.view;
      common = { name: s.nodeName, period: s.period, currency: plan.currency ?? s.currency, productNames: s.productNames };
    }
    const names = Object.fromEntries(people.map((p) => [p.id, p.name ?? p.id]));
    const base = { ...common, plan, names };
    const team = computeTeamPayouts(plan, people, actuals, options);
    if (!team.ok) return { kind: 'error', error: team.error };
    if (view === 'manager') return { kind: 'manager', team: team.value, ...base };
    const row = team.value.rows[0];
    if (!row) return { kind: 'no-target', ...base };
    if (!row.payout) return row.error.code === 'incentive-target-invalid' ? { kind: 'no-target', ...base } : { kind: 'error', error: row.error };
    return { kind: 'rep', payout: row.payout, mentoring: team.value.mentoring.find((m) => m.mentorId === row.person.id) ?? null, ...base };
  }

  protected override render() {
    const vm = this.model;
    if (!vm) return this.renderStatus() ?? nothing;
    switch (vm.kind) {
      case 'plan-error':
      case 'error':
        return html`<div part="state error" class="qk-state qk-error" role="alert">
          <strong>${this.t.common.errorTitle}</strong>
          <p>${this.errorMessage(vm.error)}</p>
          ${vm.error.issues && vm.error.issues.length > 1
            ? html`<ul part="error-issues">${vm.error.issues.slice(0, 8).map((i) => html`<li><code>${i.path.join('.') || '(root)'}</code> ${i.message}</li>`)}</ul>`
            : nothing}
        </div>`;
      case 'no-target':
        return html`<div part="state empty" class="qk-state" role="status">${this.t.incentive.noTarget({ name: vm.name, period: vm.period })}</div>`;
      case 'manager':
        return this.renderManager(vm);
      case 'rep':
        return this.renderRep(vm);
    }
  }

  /** Engine codes of this area are localized here even before the lead merges them into `t.errors`. */
  private errorMessage(e: Issue): string {
    const own = incentiveMessages[this.locale][e.code];
    return this.t.errors[e.code] ? errorText(this.t, e) : own ? own(e.params ?? {}) : e.message;
  }

  private money(vm: { currency: string }, minor: number, compact = false): string {
    return formatMoney(minor, { currency: vm.currency, locale: this.locale, compact, ...(compact ? {} : { digits: 0 }) });
  }

  private pct(r: number | null, digits = 1): string {
    return formatPercent(r, this.locale, digits);
  }

  // ---- rep view ------------------------------------------------------------------------------

  private renderRep(vm: Extract<ViewModel, { kind: 'rep' }>): TemplateResult {
    const t = this.t.incentive;
    const p = vm.payout;
    const range = whatIfRange(vm.plan, p.target, p.revenue, 100);
    const extra = Math.min(this.extra, range.max);
    const what = extra > 0 ? p.whatIf(extra) : null;
    const whatPayout = what?.ok ? what.value : null;
    const curve = payoutCurve(vm.plan, p.target, { multiplier: p.effectiveMultiplier, maxAttainment: range.maxAttainment });
    const title = t.repTitle({ name: vm.name, period: vm.period });
    return html`<section part="base" class="base" aria-label=${title}>
      <header part="header" class="header"><h3 part="title" class="title qk-clamp" title=${title}>${title}</h3></header>
      <dl part="figures" class="figures">
        <div class="fig">
          <dt>${t.attainment}</dt>
          <dd class="big">${this.pct(p.attainment)}</dd>
          ${p.originalTarget !== p.target
            ? html`<dd class="sub">${t.originalTarget({ target: this.money(vm, p.originalTarget, true), attainment: this.pct(p.originalAttainment) })}</dd>`
            : nothing}
        </div>
        <div class="fig">
          <dt>${t.revenue({ basis: p.basis })}</dt>
          <dd class="big">${t.actualOfTarget({ actual: this.money(vm, p.revenue, true), target: this.money(vm, p.target, true) })}</dd>
        </div>
        <div class="fig">
          <dt>${t.payoutSoFar}</dt>
          <dd class="big payout">${this.money(vm, p.total)}</dd>
        </div>
      </dl>
      <p part="next" class="next">${p.next
        ? t.next({
            kind: p.next.kind,
            amount: this.money(vm, p.next.revenueNeeded),
            rate: this.pct(p.next.rate ?? 0),
            attainment: this.pct(p.next.attainment, 0),
            gain: this.money(vm, p.next.payoutGain),
          })
        : t.topTier}</p>
      ${p.clawback && p.clawback.revenue > 0
        ? html`<p part="clawback" class="clawback">${t.clawback({ amount: this.money(vm, p.clawback.revenue), count: p.clawback.bookings.length, days: p.clawback.days, effect: this.money(vm, p.clawback.payoutEffect) })}</p>`
        : nothing}
      <div class="columns">
        ${curve.ok ? this.renderChart(vm, curve.value, p, whatPayout) : nothing}
        ${this.renderBreakdown(vm, p)}
      </div>
      ${this.renderWhatIf(vm, p, range, extra, whatPayout)}
    </section>`;
  }

  private lineLabel(vm: Common, l: PayoutLine): string {
    const t = this.t.incentive;
    switch (l.kind) {
      case 'tier':
        return t.tierLine({ from: this.pct(l.from, 0), to: l.to === null ? null : this.pct(l.to, 0), rate: this.pct(l.rate) });
      case 'product':
        return t.productLine({ product: l.productId === null ? t.unassignedProduct : (vm.productNames[l.productId] ?? l.productId), multiplier: String(l.multiplier) });
      case 'decelerator':
        return t.deceleratorLine({ floor: this.pct(l.floor, 0), factor: this.pct(l.factor, 0) });
      case 'gate':
        return t.gateLine({ threshold: this.pct(l.threshold, 0) });
      case 'new-product-bonus':
        return t.newProductBonusLine({ share: this.pct(l.share), target: this.pct(l.shareTarget, 0) });
      case 'ramp-bonus':
        return t.rampBonusLine({ attainment: this.pct(l.minAttainment, 0) });
      case 'cap':
        return t.capLine({ cap: this.money(vm, l.cap) });
      case 'mentoring':
        return t.mentoringLine({ mentee: vm.names[l.menteeId] ?? l.menteeId });
    }
  }

  private renderBreakdown(vm: Extract<ViewModel, { kind: 'rep' }>, p: Payout): TemplateResult {
    const t = this.t.incentive;
    return html`<table part="breakdown" class="breakdown">
      <caption>${t.breakdown}</caption>
      <thead><tr><th scope="col">${t.line}</th><th scope="col" class="num">${t.lineRevenue}</th><th scope="col" class="num">${t.amount}</th></tr></thead>
      <tbody>
        ${p.lines.map(
          (l) => html`<tr class=${l.kind}>
            <th scope="row">${this.lineLabel(vm, l)}</th>
            <td class="num">${l.kind === 'tier' || l.kind === 'product' ? this.money(vm, l.revenue) : ''}</td>
            <td class="num ${l.amount < 0 ? 'neg' : ''}">${this.money(vm, l.amount)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot><tr><th scope="row">${t.total}</th><td class="num">${this.money(vm, p.revenue)}</td><td class="num">${this.money(vm, p.total)}</td></tr></tfoot>
    </table>`;
  }

  private renderChart(vm: Extract<ViewModel, { kind: 'rep' }>, points: CurvePoint[], p: Payout, what: Payout | null): TemplateResult {
    const t = this.t.incentive;
    const g = layoutCurve(points, vm.plan.tiers, { ...CHART, you: p.attainment, whatIf: what?.attainment ?? null });
    const table = points.filter((pt, i) => points[i + 1]?.attainment !== pt.attainment);
    return html`<figure part="chart" class="chart" aria-label=${t.chartLabel({ name: vm.name })}>
      <figcaption>${t.chartCaption}</figcaption>
      <svg viewBox="0 0 ${g.width} ${g.height}" aria-hidden="true" class="curve-svg">
        ${g.yTicks.map((k) => svg`<g part="axis" class="axis">
          <line x1=${g.plot.left} x2=${g.plot.right} y1=${k.y} y2=${k.y} class="grid"></line>
          <text x=${g.plot.left - 6} y=${k.y} text-anchor="end" dominant-baseline="middle">${this.money(vm, k.value, true)}</text></g>`)}
        ${g.xTicks.map((k) => svg`<text part="axis" class="axis" x=${k.x} y=${g.plot.bottom + 18} text-anchor="middle">${this.pct(k.value, 0)}</text>`)}
        ${g.breakpoints.map((b) => svg`<g part="breakpoint" class="breakpoint">
          <line x1=${b.x} x2=${b.x} y1=${g.plot.top} y2=${g.plot.bottom}></line>
          <text x=${b.x + 4} y=${g.plot.top + 10}>${this.pct(b.rate)}</text>
          <title>${t.breakpoint({ attainment: this.pct(b.attainment, 0), rate: this.pct(b.rate) })}</title></g>`)}
        <line class="baseline" x1=${g.plot.left} x2=${g.plot.right} y1=${g.plot.bottom} y2=${g.plot.bottom}></line>
        <path part="curve" class="curve" d=${g.path}></path>
        ${g.whatIf ? svg`<circle part="marker what-if" class="marker what-if" cx=${g.whatIf.x} cy=${g.whatIf.y} r="6"><title>${t.whatIfMarker}</title></circle>` : nothing}
        ${g.you
          ? svg`<g part="marker you" class="marker you"><circle cx=${g.you.x} cy=${g.you.y} r="6"><title>${t.you}</title></circle>
              <text x=${g.you.x} y=${g.you.y - 12} text-anchor="middle">${t.you} ${this.pct(p.attainment, 0)}</text></g>`
          : nothing}
      </svg>
      <div class="qk-visually-hidden"><table>
        <caption>${t.curveTable}</caption>
        <thead><tr><th scope="col">${t.attainment}</th><th scope="col">${t.lineRevenue}</th><th scope="col">${t.payout}</th></tr></thead>
        <tbody>
          ${table.map((pt) => html`<tr><td>${this.pct(pt.attainment)}</td><td>${this.money(vm, pt.revenue)}</td><td>${this.money(vm, pt.payout)}</td></tr>`)}
          <tr><td>${t.you}: ${this.pct(p.attainment)}</td><td>${this.money(vm, p.revenue)}</td><td>${this.money(vm, p.commission)}</td></tr>
        </tbody>
      </table></div>
    </figure>`;
  }

  private renderWhatIf(vm: Extract<ViewModel, { kind: 'rep' }>, p: Payout, range: { max: number; step: number }, extra: number, what: Payout | null): TemplateResult {
    const t = this.t.incentive;
    const after = what ?? p;
    const texts = {
      extra: this.money(vm, extra),
      payout: this.money(vm, after.total),
      delta: this.money(vm, after.total - p.total),
      attainment: this.pct(after.attainment),
    };
    return html`<div part="what-if" class="what-if">
      <label for="what-if">${t.whatIf}</label>
      <div class="slider-row">
        <input id="what-if" part="slider" type="range" min="0" max=${range.max} step=${range.step} .value=${String(extra)}
          aria-valuetext=${t.whatIfValue(texts)} @input=${this.onSlide} />
        <output for="what-if">${t.whatIfResult(texts)}</output>
      </div>
    </div>`;
  }

  private onSlide(e: Event): void {
    const v = Number((e.target as HTMLInputElement).value);
    this.extra = Number.isSafeInteger(v) && v >= 0 ? v : 0;
  }

  // ---- manager view --------------------------------------------------------------------------

  private renderManager(vm: Extract<ViewModel, { kind: 'manager' }>): TemplateResult {
    const t = this.t.incentive;
    const title = t.teamTitle({ name: vm.name, period: vm.period });
    if (vm.team.rows.length === 0) return html`<div part="state empty" class="qk-state" role="status">${t.noPeople({ name: vm.name })}</div>`;
    const credit = new Map(vm.team.mentoring.map((m) => [m.mentorId, m.credit]));
    const value = (r: TeamPayouts['rows'][number], k: SortKey): number | string | null => {
      if (k === 'name') return r.person.name ?? r.person.id;
      if (k === 'mentoring') return credit.get(r.person.id) ?? 0;
      if (!r.payout) return k === 'target' ? r.person.target : null;
      return r.payout[k];
    };
    const dir = this.sortDir === 'ascending' ? 1 : -1;
    const rows = [...vm.team.rows].sort((a, b) => {
      const x = value(a, this.sortKey), y = value(b, this.sortKey);
      if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
      return (typeof x === 'string' ? x.localeCompare(String(y), this.locale) : x - (y as number)) * dir;
    });
    const cols: [SortKey, string][] = [
      ['name', t.person],
      ['target', t.target],
      ['revenue', t.revenueColumn({ basis: vm.plan.basis })],
      ['attainment', t.attainment],
      ['total', t.payout],
      ['mentoring', t.mentoringColumn],
    ];
    const store = this.usingProperties ? undefined : this.activeStore;
    const tot = vm.team.totals;
    return html`<section part="base" class="base" aria-label=${title}>
      <header part="header" class="header"><h3 part="title" class="title qk-clamp" title=${title}>${title}</h3></header>
      <div class="table-wrap">
        <table part="team" class="team">
          <caption class="qk-visually-hidden">${title}</caption>
          <thead><tr>
            ${cols.map(([k, label]) => html`<th scope="col" class=${k === 'name' ? '' : 'num'} aria-sort=${this.sortKey === k ? this.sortDir : 'none'}>
              <button part="sort" type="button" aria-label=${t.sortBy({ column: label })} @click=${() => this.sortBy(k)}>
                ${label}<span aria-hidden="true" class="arrow">${this.sortKey === k ? (this.sortDir === 'ascending' ? '▲' : '▼') : ''}</span>
              </button>
            </th>`)}
          </tr></thead>
          <tbody>
            ${rows.map((r) => {
              const name = r.person.name ?? r.person.id;
              return html`<tr>
                <th scope="row">${store
                  ? html`<button type="button" class="link" aria-label=${t.selectPerson({ name })} @click=${() => this.select(r.person.id)}>${name}</button>`
                  : name}</th>
                <td class="num">${r.payout ? this.money(vm, r.person.target, true) : '—'}${r.payout && r.payout.originalTarget !== r.payout.target
                  ? html`<span class="sub original"> (${t.originalShort({ target: this.money(vm, r.payout.originalTarget, true) })})</span>`
                  : nothing}</td>
                ${r.payout
                  ? html`<td class="num">${this.money(vm, r.payout.revenue, true)}</td>
                      <td class="num">${this.pct(r.payout.attainment)}${r.payout.originalTarget !== r.payout.target
                        ? html`<span class="sub"> (${this.pct(r.payout.originalAttainment)})</span>`
                        : nothing}</td>
                      <td class="num payout">${this.money(vm, r.payout.total)}</td>`
                  : html`<td class="num" colspan="3"><span class="muted">${r.error.code === 'incentive-target-invalid' ? t.noTargetShort : this.errorMessage(r.error)}</span></td>`}
                <td class="num">${credit.has(r.person.id) ? this.money(vm, credit.get(r.person.id)!) : '—'}</td>
              </tr>`;
            })}
          </tbody>
          <tfoot><tr>
            <th scope="row">${t.teamTotal({ count: tot.people })}</th>
            <td class="num">${this.money(vm, tot.target, true)}</td>
            <td class="num">${this.money(vm, tot.revenue, true)}</td>
            <td class="num">${this.pct(tot.attainment)}</td>
            <td class="num payout">${this.money(vm, tot.total)}</td>
            <td class="num">${this.money(vm, tot.mentoring)}</td>
          </tr></tfoot>
        </table>
      </div>
      ${this.renderMentoring(vm)}
    </section>`;
  }

  private renderMentoring(vm: Extract<ViewModel, { kind: 'manager' }>): TemplateResult {
    const t = this.t.incentive;
    const list = vm.team.mentoring.filter((m) => m.mentees.length > 0);
    if (list.length === 0) return html`<p part="mentoring" class="muted">${t.noMentoring}</p>`;
    return html`<table part="mentoring" class="mentoring">
      <caption>${t.mentoringTitle}</caption>
      <thead><tr><th scope="col">${t.mentor}</th><th scope="col">${t.mentee}</th><th scope="col" class="num">${t.menteeRampBonus}</th><th scope="col" class="num">${t.credit}</th></tr></thead>
      <tbody>
        ${list.flatMap((m) =>
          m.mentees.map(
            (e, i) => html`<tr>
              ${i === 0 ? html`<th scope="rowgroup" rowspan=${m.mentees.length}>${vm.names[m.mentorId] ?? m.mentorId}</th>` : nothing}
              <td>${vm.names[e.menteeId] ?? e.menteeId}</td>
              <td class="num">${this.money(vm, e.rampBonus)}</td>
              <td class="num">${this.money(vm, e.credit)}</td>
            </tr>`,
          ),
        )}
      </tbody>
      ${list.some((m) => m.capped)
        ? html`<tfoot>${list.filter((m) => m.capped).map((m) => html`<tr><td colspan="4" class="muted">${t.mentoringCapped({ mentor: vm.names[m.mentorId] ?? m.mentorId, uncapped: this.money(vm, m.uncapped), credit: this.money(vm, m.credit) })}</td></tr>`)}</tfoot>`
        : nothing}
    </table>`;
  }

  private sortBy(k: SortKey): void {
    if (this.sortKey === k) this.sortDir = this.sortDir === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = k;
      this.sortDir = k === 'name' ? 'ascending' : 'descending';
    }
  }

  private select(nodeId: string): void {
    const store = this.activeStore;
    if (!store) return;
    store.setFocus({ nodeId });
    this.dispatchEvent(new QkFocusChangeEvent(store.focus));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another person (or new figures) starts the what-if from zero.
    const vm = this.model;
    const key = vm?.kind === 'rep' ? `${vm.payout.personId}|${vm.period}|${vm.payout.revenue}|${vm.payout.target}` : '';
    if (key !== this.extraFor) {
      this.extraFor = key;
      this.extra = 0;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const vm = this.memo;
    if (!vm || (vm.kind !== 'plan-error' && vm.kind !== 'error')) {
      this.announceError(null);
      return;
    }
    this.announceError({
      key: `${vm.error.code}|${JSON.stringify(vm.error.params ?? {})}`,
      detail: {
        code: vm.error.code,
        message: this.errorMessage(vm.error),
        source: vm.kind === 'plan-error' || this.usingProperties ? 'data' : 'engine',
        ...(vm.error.issues ? { issues: vm.error.issues } : vm.error.path ? { issues: [{ path: vm.error.path, message: vm.error.message }] } : {}),
      },
    });
  }
}
