import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QkElement } from '../../internal/qk-element.js';
import { ViewModelController } from '../../internal/view-model.controller.js';
import { baseStyles } from '../../theme/base-styles.js';
import type { Actual, ProductLine } from '../../engine/plan/model.js';
import { formatCount, formatMoney, formatPercent } from '../../engine/money/money.js';
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
} from '../../engine/incentive/commission.js';
import { computeTeamPayouts, teamPayoutSteps, type MentoringCredit, type TeamPayouts } from '../../engine/incentive/team.js';
import { incentiveScopeSteps, resolveIncentiveScope, type IncentiveScopeQuery } from '../../engine/incentive/source.js';
import { figureOf, type PlanState } from '../../engine/plan/plan-state.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import { QkFocusChangeEvent } from '../../events/qk-focus-change.js';
import { layoutCurve } from './incentive-calculator.layout.js';
import { styles } from './incentive-calculator.styles.js';
import { incentiveStrings } from '../../i18n/loaders/incentive.js';
import type { CreditBasis } from '../../i18n/strings/incentive.js';
import { PagerController, pagerStyles } from '../../internal/pager.js';
import { StepRunner } from '../../internal/step-runner.js';
import type { Steps } from '../../engine/shared/steps.js';
import { sortSteps } from '../../engine/shared/sort-steps.js';
import { ok, type QkIssue, type Result } from '../../engine/shared/result.js';
import type { QkErrorEvent } from '../../events/qk-error.js';
import { exportTables, renderExportButtons } from '../../internal/export-buttons.js';
import type { ExportFormat } from '../../export/table.js';
import { payoutTable } from './incentive.export.js';
import { SavedPlanController } from './saved-plan.controller.js';
import { toStoreError } from '../../store/errors.js';

/** An engine issue, or a plan that failed its schema (with every bad path). */
type Issue = QkIssue & { issues?: { path: (string | number)[]; message: string }[] };
type SortKey = 'name' | 'target' | 'revenue' | 'attainment' | 'total' | 'mentoring';

interface Common {
  plan: CommissionPlan;
  name: string;
  period: string;
  currency: string;
  /** A person's name by id (the id when unknown). */
  nameOf: (id: string) => string;
  productNames: Record<string, string>;
}
type ViewModel =
  | { kind: 'plan-error'; error: Issue }
  | { kind: 'error'; error: Issue }
  | ({ kind: 'rep'; payout: Payout; mentoring: MentoringCredit | null; booked: number } & Common)
  | ({ kind: 'no-target' } & Common)
  | ({ kind: 'manager'; team: TeamPayouts; presorted?: { key: SortKey; dir: 'ascending' | 'descending'; locale: string; order: number[] } } & Common)
  | { kind: 'working'; done: number; total: number };

/**
 * People above which a team's payouts are computed in slices (a progress state shows meanwhile)
 * rather than in one go: paying a few thousand people fits in one short task, a company does not.
 */
const SLICED_FROM_PEOPLE = 2_000;

const CHART = { width: 560, height: 220 };
/** Mentee rows of the mentoring table at most (the team table beside it carries every mentor's credit). */
const MENTORING_ROWS = 20;

/**
 * What reaching the target is worth: tiered commission, new-product coefficient and bonus, ramp
 * bonus and mentoring credit (传帮带), computed live by the incentive engine.
 *
 * The rep view shows the attainment for pay (against the target in force, the original beside it),
 * the payout so far with every line, the payout curve over attainment (tier breakpoints, the
 * person's position, a hidden table with the same numbers), what the next tier needs and a what-if
 * slider. The manager view shows the team's payouts in a sortable table with totals, and the
 * mentoring credits. A long team (a company of 100,000) is shown 50 people a page, with a search by
 * name; totals are over everyone.
 *
 * The booked figure is the one every other element shows (the read model's `figureOf`). Where the
 * figure paid on differs — bookings less clawed-back ones, or cash collected on a collected basis —
 * it is shown beside it with a label naming the basis and a tooltip saying why (`part="basis"`).
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
 * @csspart booked - The booked figure against the target (as the goal tree shows it).
 * @csspart credited - The figure paid on, where it differs from the booked one.
 * @csspart basis - The label naming the basis of a figure paid on (its tooltip says why).
 * @csspart list-tools - The search box, page status and pager above a long team table.
 * @csspart search - The search-by-name box.
 * @csspart page-status - Which people of how many the table shows.
 * @csspart pager - The previous / next page buttons.
 * @csspart page-previous - The previous page button.
 * @csspart page-next - The next page button.
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
 * @csspart progress - The progress bar while a large team's payouts (thousands of people) are computed.
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
export class QkIncentiveCalculator extends QkElement<'incentive'> {
  /** Object properties a host may set from a `<script type="application/json" data-prop="…">` child. */
  protected static override jsonProps: readonly string[] = ['data', 'plan', 'person', 'people', 'products', 'actuals'];

  protected override get strings() {
    return incentiveStrings;
  }

  static override styles = [baseStyles, pagerStyles, styles];

  /** `rep` or `manager`; default: from the focus (a rep → rep, anything above → manager) or from `.person` / `.people`. */
  @property({ reflect: true }) view: 'rep' | 'manager' | '' = '';

  /** The org node to show; default: the store's focus, then the signed-in user's node, then the root. */
  @property({ reflect: true }) node = '';

  /** The period (`FY2026-Q1`, …); default: the store's focus, then the page's default period (the fiscal year holding today when the node has a target there). */
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

  /** The team table shows one page at a time, with a search by name. */
  private readonly pager = new PagerController(this);
  private sortedFor: unknown[] = [];
  private sorted: TeamPayouts['rows'] = [];

  private parsedFor?: unknown;
  private parsed?: ReturnType<typeof parseCommissionPlan>;
  private extraFor = '';

  /** Under a provider: the plan its adapter keeps, shared with `qk-incentive-plan-editor`. */
  private readonly savedPlan = new SavedPlanController(this);

  private get usingProperties(): boolean {
    return this.person !== undefined || this.people !== undefined;
  }

  /**
   * The plan to pay on: `.plan` when set; under a provider, the one its adapter keeps (null while
   * it loads; a failed load is an error); else `SAMPLE_COMMISSION_PLAN`.
   */
  private parsePlan(): ReturnType<typeof parseCommissionPlan> | { loading: true } | { loadError: unknown } {
    const saved = this.plan === undefined && !this.usingProperties ? this.savedPlan.state : null;
    if (saved?.status === 'loading') return { loading: true };
    if (saved?.status === 'error') return { loadError: saved.error };
    const source = this.plan !== undefined ? this.plan : saved?.status === 'ready' ? saved.plan : undefined;
    if (source === undefined) return { ok: true, value: SAMPLE_COMMISSION_PLAN };
    if (this.parsedFor !== source || !this.parsed) {
      this.parsedFor = source;
      this.parsed = parseCommissionPlan(source);
    }
    return this.parsed;
  }

  /**
   * The view model, or null while the store is not ready. Memoized on everything it reads: with a
   * store, on its read model (`state`, replaced on data changes only) and the focus it follows. It
   * keeps the last few views of the same data (by node, period, view), so going from a rep back to
   * a company of 100,000 does not pay everyone again; they are forgotten when the data or the plan change.
   */
  private readonly vm = new ViewModelController<ViewModel>(
    this,
    {
      store: () => this.activeStore,
      own: () => this.usingProperties,
      key: (store) => [this.view, ...(store ? [this.node || store.focus.nodeId || store.user?.nodeId, this.period || store.focus.period] : [this.node, this.period])].join('|'),
      inputs: (store) => [this.plan, this.savedPlan.state, this.person, this.people, this.actuals, this.products, this.asOf, this.from, this.to, store ?? undefined, store?.state, store?.snapshot],
      compute: (_store, at, data) =>
        // Still paying this team in slices: show how far (the scope is not gathered again per slice).
        this.job?.at === at ? { kind: 'working', ...this.job.runner.progress } : this.compute(at, data),
      // A company is paid in slices; the view is kept when the last slice is done.
      transient: (vm) => vm.kind === 'working',
      settled: () => {
        this.job?.runner.cancel();
        this.job = null;
      },
      shownError: (vm) =>
        vm && (vm.kind === 'plan-error' || vm.kind === 'error')
          ? {
              key: `${vm.error.code}|${JSON.stringify(vm.error.params ?? {})}`,
              detail: {
                code: vm.error.code,
                message: this.errorMessage(vm.error),
                source: vm.kind === 'plan-error' || this.usingProperties ? 'data' : 'engine',
                ...(vm.error.issues ? { issues: vm.error.issues } : vm.error.path ? { issues: [{ path: vm.error.path, message: vm.error.message }] } : {}),
              },
            }
          : null,
      announce: (shown) => this.announceError(shown),
    },
    { recent: 4 },
  );

  private get model(): ViewModel | null {
    return this.vm.value;
  }

  /** The team being paid in slices for `at` (started on first ask), as a progress state. */
  private job: { at: string; runner: StepRunner<Result<Extract<ViewModel, { kind: 'manager' }>>> } | null = null;
  private working(at: string, data: readonly unknown[], steps: () => Steps<Result<Extract<ViewModel, { kind: 'manager' }>>>): ViewModel {
    if (this.job?.at !== at) {
      this.job?.runner.cancel();
      const finish = (vm: ViewModel) => {
        if (this.job === job) this.job = null;
        // Kept only when the data it was computed from is still the element's.
        this.vm.rememberFor(data, at, vm);
        this.requestUpdate();
      };
      const job = {
        at,
        runner: new StepRunner(steps(), {
          progress: () => this.requestUpdate(),
          done: (vm) => finish(vm.ok ? vm.value : { kind: 'error', error: vm.error }),
          fail: (e) => {
            const message = e instanceof Error ? e.message : String(e);
            finish({ kind: 'error', error: { code: 'incentive-failed', message, params: { message } } });
          },
        }),
      };
      this.job = job;
    }
    return { kind: 'working', ...this.job.runner.progress };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A job left running would finish for nobody; the next render starts it again.
    this.job?.runner.cancel();
    this.job = null;
    this.vm.forget();
  }

  private compute(at: string, data: readonly unknown[]): ViewModel {
    const parsed = this.parsePlan();
    if ('loading' in parsed) return { kind: 'working', done: 0, total: 0 };
    if ('loadError' in parsed) return { kind: 'error', error: toStoreError(parsed.loadError, 'load-failed') };
    if (!parsed.ok) return { kind: 'plan-error', error: { ...parsed.error, ...(parsed.issues ? { issues: parsed.issues } : {}) } };
    const plan = parsed.value;
    let people: PayoutPerson[];
    let actuals: readonly Actual[];
    let options: PayoutOptions;
    let common: Omit<Common, 'plan' | 'nameOf'>;
    let view: 'rep' | 'manager';
    let state: PlanState | null = null;
    if (this.usingProperties) {
      people = [...(this.person ? [this.person] : []), ...(this.people ?? []).filter((p) => p.id !== this.person?.id)];
      actuals = Array.isArray(this.actuals) ? this.actuals : ((this.actuals as { actuals?: readonly Actual[] } | undefined)?.actuals ?? []);
      const products = this.products ?? [];
      options = {
        ...(this.asOf ? { asOf: this.asOf } : {}),
        ...(this.from ? { from: this.from } : {}),
        ...(this.to ? { to: this.to } : {}),
        // The product lines, when given, decide which are new (else the commission plan's own flags).
        ...(this.products ? { newProductIds: products.filter((p) => p.new).map((p) => p.id) } : {}),
      };
      view = this.view || (this.person ? 'rep' : 'manager');
      const first = people[0];
      common = { name: view === 'rep' ? (first?.name ?? first?.id ?? '') : this.t.incentive.title, period: this.period, currency: plan.currency ?? 'CNY', productNames: Object.fromEntries(products.map((p) => [p.id, p.name])) };
    } else {
      const store = this.activeStore!;
      state = store.state!;
      const query: IncentiveScopeQuery = {
        nodeId: this.node || store.focus.nodeId || store.user?.nodeId,
        period: this.period || store.focus.period,
        view: this.view || null,
        // The targets as loaded: a target an approved adjustment changed since shows its original beside it.
        ...(store.snapshot ? { loadedTargets: store.snapshot.targets } : {}),
      };
      // A company: its people gathered and paid in slices (the scope of 100,000 is itself a long task).
      if (this.manyPeople(state, query)) return this.working(at, data, () => this.payInSteps(plan, state!, query));
      const scope = resolveIncentiveScope(state, query);
      if (!scope.ok) return { kind: 'error', error: scope.error };
      const s = scope.value;
      people = s.people;
      actuals = state.actuals?.actuals ?? [];
      options = s.options;
      view = s.view;
      common = { name: s.nodeName, period: s.period, currency: plan.currency ?? s.currency, productNames: s.productNames };
    }
    // Looked up by id only for the few names a view shows (mentors, mentees): indexed on first ask, not for 100,000 people up front.
    // Under a store every person shown is an org node: their name is the index's, nothing to build.
    let names: Map<string, string> | null = null;
    const ix = state?.index;
    const nameOf = ix ? (id: string) => ix.byId.get(id)?.name ?? id : (id: string) => (names ??= new Map(people.map((p) => [p.id, p.name ?? p.id]))).get(id) ?? id;
    const base = { ...common, plan, nameOf };
    const team = computeTeamPayouts(plan, people, actuals, options);
    if (!team.ok) return { kind: 'error', error: team.error };
    if (view === 'manager') return { kind: 'manager', team: team.value, ...base };
    const row = team.value.rows[0];
    if (!row) return { kind: 'no-target', ...base };
    if (!row.payout) return row.error.code === 'incentive-target-invalid' ? { kind: 'no-target', ...base } : { kind: 'error', error: row.error };
    // The booked figure is the read model's actual (what the goal tree and the gauge show); without a store, the payout's own.
    const booked = state ? (figureOf(state, { nodeId: row.person.id, period: common.period }).actual ?? 0) : row.payout.booked;
    return { kind: 'rep', payout: row.payout, mentoring: team.value.mentoring.find((m) => m.mentorId === row.person.id) ?? null, booked, ...base };
  }

  /** Whether the manager view of the query's node covers a company (its subtree has `SLICED_FROM_PEOPLE` nodes or more). */
  private manyPeople(state: PlanState, query: IncentiveScopeQuery): boolean {
    const ix = state.index;
    const node = ix.byId.get(query.nodeId || ix.roots[0] || '');
    if (!node || (query.view ?? (node.kind === 'rep' ? 'rep' : 'manager')) !== 'manager') return false;
    const p = ix.positionOf(node.id);
    return p >= 0 && ix.subtreeEnd[p] - p - 1 >= SLICED_FROM_PEOPLE;
  }

  /** The scope of a company and its payouts, as steps (`incentiveScopeSteps`, then `teamPayoutSteps`). */
  private *payInSteps(plan: CommissionPlan, state: PlanState, query: IncentiveScopeQuery): Steps<Result<Extract<ViewModel, { kind: 'manager' }>>> {
    const scope = yield* incentiveScopeSteps(state, query);
    if (!scope.ok) return scope;
    const s = scope.value;
    // Each person's actuals grouped by org position (the read model's), not by id.
    const team = yield* teamPayoutSteps(plan, s.people, state.actuals?.actuals ?? [], s.options, s.positions ? { index: state.index, positions: s.positions } : undefined);
    if (!team.ok) return team;
    const ix = state.index;
    const vm: Extract<ViewModel, { kind: 'manager' }> = {
      kind: 'manager',
      team: team.value,
      plan,
      name: s.nodeName,
      period: s.period,
      currency: plan.currency ?? s.currency,
      productNames: s.productNames,
      nameOf: (id: string) => ix.byId.get(id)?.name ?? id,
    };
    // The table's sort of 100,000 rows, in slices too (the same order `sortedRows` gives).
    const { key, dir, locale } = { key: this.sortKey, dir: this.sortDir, locale: this.locale };
    const { order, cmp } = this.rowOrder(vm);
    yield { done: s.people.length, total: s.people.length };
    for (const _ of sortSteps(order, cmp)) yield { done: s.people.length, total: s.people.length };
    vm.presorted = { key, dir, locale, order };
    return ok(vm);
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
      case 'working':
        return html`<div part="state loading" class="qk-state" role="status" aria-live="polite" aria-busy="true">
          <span class="qk-spinner" aria-hidden="true"></span>${this.t.common.loading}
          <progress part="progress" max=${vm.total || 1} .value=${vm.done} aria-label=${this.t.common.loading}></progress>
        </div>`;
      case 'rep':
        return this.renderRep(vm);
    }
  }

  /** An engine issue in the current language (the incentive area's messages are registered with the element's strings). */
  private errorMessage(e: Issue): string {
    return localizeIssue(this.t, e);
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
    // The booked figure is the one every other widget shows; the figure paid on, where it differs, names its basis.
    const basis = p.revenue !== vm.booked ? this.creditBasis(vm.plan) : null;
    const tip = basis ? this.basisText(vm, basis, this.money(vm, vm.booked, true)) : '';
    return html`<section part="base" class="base" aria-label=${title}>
      <header part="header" class="header"><h3 part="title" class="title qk-clamp" title=${title}>${title}</h3></header>
      ${basis ? this.basisTip(tip) : nothing}
      <dl part="figures" class="figures">
        <div class="fig">
          <dt>${t.attainment}</dt>
          <dd class="big">${this.pct(p.attainment)}${basis ? this.basisTag(basis, tip) : nothing}</dd>
          ${p.originalTarget !== p.target
            ? html`<dd class="sub">${t.originalTarget({ target: this.money(vm, p.originalTarget, true), attainment: this.pct(p.originalAttainment) })}</dd>`
            : nothing}
        </div>
        <div class="fig">
          <dt>${t.revenue({ basis: 'booked' })}</dt>
          <dd part="booked" class="big">${t.actualOfTarget({ actual: this.money(vm, vm.booked, true), target: this.money(vm, p.target, true) })}</dd>
          ${basis
            ? html`<dd part="credited" class="sub">${t.credited({ amount: this.money(vm, p.revenue, true) })}${this.basisTag(basis, tip)}</dd>`
            : nothing}
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

  /** Why the figure paid on can differ from bookings under this plan, or null when it cannot. */
  private creditBasis(plan: CommissionPlan): CreditBasis | null {
    return plan.basis === 'collected' ? 'collected' : plan.clawback ? 'clawback' : null;
  }

  private basisText(vm: Common, basis: CreditBasis, booked: string | null): string {
    return this.t.incentive.basisTip({ basis, days: vm.plan.clawback?.days ?? 0, booked });
  }

  /**
   * The label beside a figure paid on another basis than bookings, with its tooltip: a title for the
   * pointer, and the hidden `#basis-tip` (rendered once by `basisTip`) as its description for screen readers.
   */
  private basisTag(basis: CreditBasis, tip: string): TemplateResult {
    return html` <span part="basis" class="basis" title=${tip} aria-describedby="basis-tip">${this.t.incentive.basisLabel({ basis })}</span>`;
  }

  private basisTip(tip: string): TemplateResult {
    return html`<span id="basis-tip" role="tooltip" class="qk-visually-hidden">${tip}</span>`;
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
        return t.mentoringLine({ mentee: vm.nameOf(l.menteeId) });
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
    const credit = this.credits(vm);
    const page = this.pager.view(this.sortedRows(vm), (r) => r.person.name ?? r.person.id, (r) => r.person.id, `${vm.name}|${vm.period}`);
    const basis = this.creditBasis(vm.plan);
    const tip = basis ? this.basisText(vm, basis, null) : '';
    const cols: [SortKey, string][] = [
      ['name', t.person],
      ['target', t.target],
      ['revenue', basis ? t.creditedColumn : t.revenueColumn({ basis: vm.plan.basis })],
      ['attainment', t.attainment],
      ['total', t.payout],
      ['mentoring', t.mentoringColumn],
    ];
    const store = this.usingProperties ? undefined : this.activeStore;
    const tot = vm.team.totals;
    return html`<section part="base" class="base" aria-label=${title}>
      <header part="header" class="header"><h3 part="title" class="title qk-clamp" title=${title}>${title}</h3>${renderExportButtons(this.t, (f) => void this.exportAs(f))}</header>
      ${basis ? this.basisTip(tip) : nothing}
      ${this.pager.render(page, t.pager, this.locale)}
      <div class="table-wrap qk-table-scroll">
        <table part="team" class="team">
          <caption class="qk-visually-hidden">${title}</caption>
          <thead><tr>
            ${cols.map(([k, label]) => html`<th scope="col" class=${k === 'name' ? '' : 'num'} aria-sort=${this.sortKey === k ? this.sortDir : 'none'}>
              <button part="sort" type="button" aria-label=${t.sortBy({ column: label })} @click=${() => this.sortBy(k)}>
                ${label}<span aria-hidden="true" class="arrow">${this.sortKey === k ? (this.sortDir === 'ascending' ? '▲' : '▼') : ''}</span>
              </button>${k === 'revenue' && basis ? this.basisTag(basis, tip) : nothing}
            </th>`)}
          </tr></thead>
          <tbody>
            ${page.items.map((r) => {
              const name = r.person.name ?? r.person.id;
              return html`<tr>
                <th scope="row">${store
                  ? html`<button type="button" class="link" aria-label=${t.selectPerson({ name })} @click=${() => this.select(r.person.id)}><span class="qk-name" title=${name}>${name}</span></button>`
                  : html`<span class="qk-name" title=${name}>${name}</span>`}</th>
                ${r.payout
                  ? html`<td class="num">${this.money(vm, r.person.target, true)}${r.payout.originalTarget !== r.payout.target
                        ? html`<span class="sub original"> (${t.originalShort({ target: this.money(vm, r.payout.originalTarget, true) })})</span>`
                        : nothing}</td>
                      <td class="num">${this.money(vm, r.payout.revenue, true)}${r.payout.revenue !== r.payout.booked
                        ? html`<span class="sub booked"> (${t.bookedShort({ amount: this.money(vm, r.payout.booked, true) })})</span>`
                        : nothing}</td>
                      <td class="num">${this.pct(r.payout.attainment)}${r.payout.originalTarget !== r.payout.target
                        ? html`<span class="sub"> (${this.pct(r.payout.originalAttainment)})</span>`
                        : nothing}</td>
                      <td class="num payout">${this.money(vm, r.payout.total)}</td>`
                  : // Why there are no figures, from the target column on (where a narrow table is still visible).
                    html`<td class="no-figures" colspan="4"><span class="muted">${r.error.code === 'incentive-target-invalid' ? t.noTargetShort : this.errorMessage(r.error)}</span></td>`}
                <td class="num">${credit.has(r.person.id) ? this.money(vm, credit.get(r.person.id)!) : '—'}</td>
              </tr>`;
            })}
          </tbody>
          <tfoot><tr>
            <th scope="row">${t.teamTotal({ count: tot.people, countText: formatCount(tot.people, this.locale) })}</th>
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

  /** Downloads the team's payouts (every person in the order shown, then the total) as CSV or .xlsx; resolves to the file name. */
  async exportAs(format: ExportFormat): Promise<string | null> {
    const vm = this.model;
    if (vm?.kind !== 'manager') return null;
    const t = this.t.incentive;
    const basis = this.creditBasis(vm.plan);
    const headers = {
      person: t.person, target: t.target, revenue: basis ? t.creditedColumn : t.revenueColumn({ basis: vm.plan.basis }),
      attainment: t.attainment, payout: t.payout, mentoring: t.mentoringColumn, total: this.t.common.total,
    };
    return exportTables(() => [payoutTable(this.sortedRows(vm), vm.team, headers, vm.currency, t.payout)], format, `payouts-${vm.name}-${vm.period}`);
  }

  /** Each mentor's credit, by id (memoized with the team). */
  private creditsFor?: TeamPayouts;
  private creditMap = new Map<string, number>();
  private credits(vm: Extract<ViewModel, { kind: 'manager' }>): Map<string, number> {
    if (this.creditsFor !== vm.team) {
      this.creditsFor = vm.team;
      this.creditMap = new Map(vm.team.mentoring.map((m) => [m.mentorId, m.credit]));
    }
    return this.creditMap;
  }

  /** The team's rows in the chosen order, sorted once per team, column and direction (not on every render). */
  private sortedRows(vm: Extract<ViewModel, { kind: 'manager' }>): TeamPayouts['rows'] {
    const key = [vm.team, this.sortKey, this.sortDir, this.locale];
    if (key.every((k, i) => k === this.sortedFor[i])) return this.sorted;
    // A company paid in slices comes with its rows sorted in slices for the sort it was paid under.
    const pre = vm.presorted;
    let order: number[];
    if (pre && pre.key === this.sortKey && pre.dir === this.sortDir && pre.locale === this.locale) order = pre.order;
    else {
      const o = this.rowOrder(vm);
      order = o.order.sort(o.cmp);
    }
    const rows = vm.team.rows;
    this.sortedFor = key;
    this.sorted = order.map((i) => rows[i]);
    return this.sorted;
  }

  /** The rows' positions and the comparator of the current sort (a total order: ties keep the team's order). */
  private rowOrder(vm: Extract<ViewModel, { kind: 'manager' }>): { order: number[]; cmp: (a: number, b: number) => number } {
    const credit = this.credits(vm);
    const value = (r: TeamPayouts['rows'][number], k: SortKey): number | string | null => {
      if (k === 'name') return r.person.name ?? r.person.id;
      if (k === 'mentoring') return credit.get(r.person.id) ?? 0;
      // The figures, not the payout: reading 100,000 payouts would build every one's lines.
      if (r.error !== null) return k === 'target' ? r.person.target : null;
      return r.figures[k];
    };
    const dir = this.sortDir === 'ascending' ? 1 : -1;
    const k = this.sortKey;
    const rows = vm.team.rows;
    const order = Array.from({ length: rows.length }, (_, i) => i);
    if (k === 'name') {
      const collator = new Intl.Collator(this.locale);
      const names = rows.map((r) => value(r, k) as string);
      return { order, cmp: (a, b) => collator.compare(names[a], names[b]) * dir || a - b };
    }
    // A numeric column sorts its numbers only (NaN: no value, always last), keeping the team's order among equals.
    const v = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const x = value(rows[i], k) as number | null;
      v[i] = x === null ? Number.NaN : x;
    }
    return {
      order,
      cmp: (a, b) => {
        const x = v[a], y = v[b];
        if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? a - b : 1) : -1;
        return (x - y) * dir || a - b;
      },
    };
  }

  private renderMentoring(vm: Extract<ViewModel, { kind: 'manager' }>): TemplateResult {
    const t = this.t.incentive;
    const all = vm.team.mentoring.filter((m) => m.mentees.length > 0);
    if (all.length === 0) return html`<p part="mentoring" class="muted">${t.noMentoring}</p>`;
    // A large org has thousands of mentors: list the ones with the largest credits, up to
    // MENTORING_ROWS mentees; every mentor's credit is also in the team table.
    const total = all.reduce((n, m) => n + m.mentees.length, 0);
    const ordered = total > MENTORING_ROWS ? [...all].sort((a, b) => b.credit - a.credit) : all;
    const list: typeof all = [];
    let shown = 0;
    for (const m of ordered) {
      if (shown + m.mentees.length > MENTORING_ROWS && list.length > 0) break;
      list.push(m);
      shown += m.mentees.length;
    }
    const more = all.length - list.length;
    const who = (id: string) => html`<span class="qk-name" title=${vm.nameOf(id)}>${vm.nameOf(id)}</span>`;
    return html`<div class="qk-table-scroll"><table part="mentoring" class="mentoring">
      <caption>${t.mentoringTitle}</caption>
      <thead><tr><th scope="col">${t.mentor}</th><th scope="col">${t.mentee}</th><th scope="col" class="num">${t.menteeRampBonus}</th><th scope="col" class="num">${t.credit}</th></tr></thead>
      <tbody>
        ${list.flatMap((m) =>
          m.mentees.map(
            (e, i) => html`<tr>
              ${i === 0 ? html`<th scope="rowgroup" rowspan=${m.mentees.length}>${who(m.mentorId)}</th>` : nothing}
              <td>${who(e.menteeId)}</td>
              <td class="num">${this.money(vm, e.rampBonus)}</td>
              <td class="num">${this.money(vm, e.credit)}</td>
            </tr>`,
          ),
        )}
      </tbody>
      ${list.some((m) => m.capped) || more > 0
        ? html`<tfoot>${list.filter((m) => m.capped).map((m) => html`<tr><td colspan="4" class="muted">${t.mentoringCapped({ mentor: vm.nameOf(m.mentorId), uncapped: this.money(vm, m.uncapped), credit: this.money(vm, m.credit) })}</td></tr>`)}
            ${more > 0 ? html`<tr><td colspan="4" class="muted">${t.mentoringMore({ count: formatCount(more, this.locale) })}</td></tr>` : nothing}</tfoot>`
        : nothing}
    </table></div>`;
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
}

declare global {
  // The events of <qk-incentive-calculator>, typed wherever this element is imported (a define module alone included).
  interface HTMLElementEventMap {
    'qk-error': QkErrorEvent;
    'qk-focus-change': QkFocusChangeEvent;
  }
}
