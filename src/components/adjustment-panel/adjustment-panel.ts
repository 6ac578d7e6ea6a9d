import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { QkElement } from '../../internal/qk-element.js';
import { Memo } from '../../internal/memo.js';
import { baseStyles } from '../../theme/base-styles.js';
import { styles } from './adjustment-panel.styles.js';
import { adapterContext } from '../../context/keys.js';
import type { CrmAdapter } from '../../adapter/index.js';
import {
  ADJUSTMENT_TRIGGERS,
  LEDGER_CSV_HEADERS,
  MIN_REASON_LENGTH,
  canApprove,
  canRequest,
  createAdjustment,
  evaluateTriggers,
  groupProposals,
  ledgerOf,
  ledgerToCsv,
  previewAdjustment,
  type AdjustmentPreview,
  type AdjustmentRequest,
  type Ledger,
  type PlanEvent,
  type TriggerGroup,
  type TriggerProposal,
} from '../../engine/adjustment/index.js';
import { parseCommissionPlan, SAMPLE_COMMISSION_PLAN, type CommissionPlan } from '../../engine/incentive/commission.js';
import { bookedMix, forecastPayouts } from '../../engine/incentive/forecast-pay.js';
import { METRICS, type MetricId, type User } from '../../engine/plan/model.js';
import { formatCount, formatMoney, formatPercent, toDecimalString } from '../../engine/money/money.js';
import { fiscalYearMonths, periodOf, periodsOf } from '../../engine/calendar/periods.js';
import type { QkIssue, Result } from '../../engine/shared/result.js';
import { buildOrgIndex, type OrgIndex } from '../../engine/plan/rollup.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import { QkAdjustmentRequestEvent, type QkAdjustmentRequestDetail } from '../../events/qk-adjustment-request.js';
import { QkAdjustmentCommitEvent } from '../../events/qk-adjustment-commit.js';
import { QkFocusChangeEvent } from '../../events/qk-focus-change.js';
import { AdjustmentService, type AdjustmentOutcome } from '../../store/adjustments.js';
import type { QkStore } from '../../store/store.js';
import type { PlanState } from '../../engine/plan/plan-state.js';
import { clearDraft, draftKey, emptyForm, formChange, loadDraft, saveDraft, type DraftForm } from './draft.js';
import { composeNotice } from './notice.js';
import { NODE_OPTION_LIMIT, PATH_CHUNK, firstNode, nodePath, nodePathSteps, pathsReady, searchNodes, type FoldedNodes } from './node-search.js';
import { StepRunner } from '../../internal/step-runner.js';
import { evaluateTriggersSteps, type TriggerOptions } from '../../engine/adjustment/triggers.js';
import { adjustmentStrings } from '../../i18n/loaders/adjustment.js';
import { SavedPlanController } from '../incentive-calculator/saved-plan.controller.js';
import type { QkErrorEvent } from '../../events/qk-error.js';

type Tab = 'request' | 'queue' | 'history';
const TABS: Tab[] = ['request', 'queue', 'history'];
const SUM_METRICS = (Object.keys(METRICS) as MetricId[]).filter((m) => METRICS[m].rollup === 'sum');
/** Suggestion cards shown per group until "show all": a decomposition leaves dozens of reps behind pace. */
const SUGGESTIONS_PER_GROUP = 3;
/** What the suggestions list shows: the trigger rules' proposals for a node, period and day, or why there are none. */
type Suggestions = { nodeId: string; period: string; asOf: string; proposals: TriggerProposal[] } | { error: QkIssue } | null;
/** The suggestions once known (`value`), for one memo key: a large org's are filled in a later task. */
type SuggestionsHolder = { value?: Suggestions };
const issue = (code: string, message: string, params?: Record<string, string | number>) => ({ code, message, ...(params ? { params } : {}) });

/**
 * Propose, preview, approve or reject, apply and audit target changes. A request names who, which
 * metric and periods, the new value or a change in percent, a trigger and a reason, and who takes
 * the difference; the live preview shows every affected cell and person (attainment before and
 * after). Above the form, the adjustments the data suggests (`evaluateTriggers`: far behind pace,
 * a rep leaving or joining) for the focused node's subtree as of the store's `asOf`, each with its
 * reason and a button that fills the form from it. Approvers see a queue; everyone sees the
 * history from the ledger. After a change is
 * applied, a notice for the team is generated in the reader's language and sent through the
 * adapter (by the service). The form is kept on the device as a draft until it is submitted.
 *
 * The element is a view of an `AdjustmentService` (`quotakit/store`): every action is checked
 * against the signed-in user of the store before it reaches the adapter, and every refusal says
 * which rule refused it and who may act instead. The person is picked in a searchable combobox
 * that lists at most 50 matches at a time, so very large orgs stay fast.
 *
 * @tag qk-adjustment-panel
 * @summary Transparent, rule-based target adjustments with approval, audit trail and team notice.
 *
 * @csspart tabs - The tab list. @csspart tab - One tab.
 * @csspart panel - A tab panel.
 * @csspart form - The request form. @csspart field - One labelled field.
 * @csspart combobox - The node search box.
 * @csspart listbox - The list of matching nodes under the search box.
 * @csspart option - One matching node.
 * @csspart preview - The live preview. @csspart table - A numbers table. @csspart row - A table row.
 * @csspart message - A status or error message.
 * @csspart queue - The list of requests. @csspart request - One request in the queue.
 * @csspart actions - The action buttons of a request. @csspart button - Any action button.
 * @csspart history - The history timeline. @csspart entry - One history entry.
 * @csspart notice - The team notice editor.
 * @csspart suggestions - The suggested adjustments (pace and personnel rules) above the request form.
 * @csspart suggestion - One suggestion, with its reason and the button that fills the form from it.
 * @csspart state - Loading, empty and error states.
 *
 * @cssprop [--qk-adjustment-panel-max-width=960px] - The widest the panel grows.
 * @cssprop [--qk-adjustment-panel-increase=var(--qk-color-success)] - Colour of increases.
 * @cssprop [--qk-adjustment-panel-decrease=var(--qk-color-danger)] - Colour of decreases.
 *
 * @fires qk-adjustment-request - Before submit, approve, reject, withdraw or apply; cancelable (the host vetoes with `preventDefault()`).
 * @fires qk-adjustment-commit - After the action went through.
 * @fires qk-focus-change - The user picked another node in the form.
 * @fires qk-error - Bad input, a refused action, or an adapter failure (with a localized message).
 */
export class QkAdjustmentPanel extends QkElement<'adjustment'> {
  /** Object properties a host may set from a `<script type="application/json" data-prop="…">` child. */
  protected static override jsonProps: readonly string[] = ['data', 'requests', 'events'];

  protected override get strings() {
    return adjustmentStrings;
  }

  static override styles = [baseStyles, styles];

  /** The adapter to submit, decide, list and notify through; defaults to the provider's. */
  @property({ attribute: false }) adapter?: CrmAdapter;

  /**
   * For previews without an adapter (Storybook, data given directly): act as this user of the plan.
   * Ignored when the store has a signed-in user: identity comes from the adapter, never from the page.
   */
  @property({ attribute: 'user-id' }) userId = '';

  /** The requests shown (host-provided, or loaded with `listAdjustments`); updated as actions go through. */
  @property({ attribute: false }) requests: AdjustmentRequest[] = [];

  /**
   * Events the host records that may justify a target change (market and territory changes, long
   * absences, product launches; see `PlanEvent`): each in the period becomes a suggestion.
   */
  @property({ attribute: false }) events: PlanEvent[] = [];

  /**
   * The commission plan a pace suggestion's payout effect is computed with. Unset: under a provider,
   * the plan its adapter keeps (the one `qk-incentive-plan-editor` saves and the calculator pays on),
   * else `SAMPLE_COMMISSION_PLAN`.
   */
  @property({ attribute: false }) incentivePlan?: unknown;
  /** The commission plan the provider's adapter keeps (`loadIncentivePlan`). */
  private readonly savedPlan = new SavedPlanController(this);
  private parsedPlan?: { source: unknown; plan: CommissionPlan };

  /** The open tab: `request`, `queue` or `history`. */
  @property({ reflect: true }) view: Tab = 'request';

  @consume({ context: adapterContext, subscribe: true })
  @state()
  protected contextAdapter?: CrmAdapter;

  @state() private form: DraftForm = emptyForm();
  @state() private message: { kind: 'info' | 'error'; text: string; where: Tab | string } | null = null;
  @state() private comments: Record<string, string> = {};
  /** The notice text as worded (and edited) here; the service keeps its facts, recipients and whether it was sent. */
  @state() private notices: Record<string, { subject: string; body: string }> = {};
  @state() private draftKeyLoaded = '';
  /** The node search: what is typed (null: the chosen node's name is shown), whether the list is open, the active option. */
  @state() private nodeQuery: string | null = null;
  @state() private nodeOpen = false;
  @state() private nodeActive = -1;
  /** Whether cutting the targets of reps far behind pace is suggested too (off by default). */
  @state() private includePace = false;
  /** The suggestion groups shown whole ("show all"). */
  @state() private expandedGroups: ReadonlySet<TriggerGroup> = new Set();
  private dirty = false;
  private listedFrom?: CrmAdapter;
  private service?: AdjustmentService;
  private unsubscribeService?: () => void;
  private emptyIx?: OrgIndex;

  private get activeAdapter(): CrmAdapter | undefined {
    return this.adapter ?? this.contextAdapter;
  }

  /** The user every action is checked against: the store's signed-in user (the `user-id` only in previews without one). */
  private get user(): User | null {
    return this.service?.user ?? null;
  }

  private get ix(): OrgIndex {
    return this.service?.index ?? (this.emptyIx ??= buildOrgIndex([]));
  }

  /** The read model previews read (targets through its selectors). */
  private get engineState(): PlanState | null {
    return this.service?.state ?? null;
  }

  private get busy(): boolean {
    return this.service?.busy ?? false;
  }

  private readonly mayRequest = (id: string): boolean => {
    const user = this.user;
    return !!user && canRequest(user, id, this.ix).allowed;
  };

  private get currentDraftKey(): string {
    const plan = this.activeStore?.plan;
    const user = this.user;
    return plan && user ? draftKey(plan.id, user.id) : '';
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.connectService(this.activeStore, changed);
    const key = this.currentDraftKey;
    if (key && key !== this.draftKeyLoaded && this.activeStore?.status === 'ready') {
      this.draftKeyLoaded = key;
      const draft = loadDraft(key);
      this.dirty = !!draft;
      this.form = draft ?? this.formFromFocus();
    }
    const adapter = this.activeAdapter;
    if (adapter && adapter !== this.listedFrom && this.activeStore?.status === 'ready') {
      this.listedFrom = adapter;
      void this.loadRequests();
    }
    this.foldNodes();
  }

  /** The node search's names and paths of a large org, folded in slices before anyone types. */
  private folding: { ix: OrgIndex; runner: StepRunner<FoldedNodes> } | null = null;

  private foldNodes(): void {
    const ix = this.ix;
    if (ix.order.length <= PATH_CHUNK || pathsReady(ix) || this.folding?.ix === ix) return;
    this.folding?.runner.cancel();
    const end = () => {
      if (this.folding?.ix === ix) this.folding = null;
    };
    this.folding = { ix, runner: new StepRunner(nodePathSteps(ix), { progress: () => {}, done: end, fail: end }) };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.folding?.runner.cancel();
    this.folding = null;
    // Suggestions being computed are dropped: evaluated again on reconnection.
    if (this.suggesting) {
      this.suggesting.cancel();
      this.suggesting = null;
      this.suggestionsMemo.clear();
    }
  }

  /** Keeps one service per store, told about the adapter, the preview user and host-set requests. */
  private connectService(store: QkStore | undefined, changed: PropertyValues<this>): void {
    if (!store) return;
    if (this.service?.store !== store) {
      this.unsubscribeService?.();
      const service = new AdjustmentService(store);
      service.confirm = (detail) => this.dispatchEvent(new QkAdjustmentRequestEvent(detail as QkAdjustmentRequestDetail));
      this.service = service;
      this.listedFrom = undefined;
      if (this.requests.length) service.setRequests(this.requests);
      this.unsubscribeService = service.subscribe(() => {
        this.requests = service.requests as AdjustmentRequest[];
        this.requestUpdate();
      });
    }
    const service = this.service;
    service.adapter = this.activeAdapter ?? null;
    service.previewUserId = this.userId;
    if (changed.has('requests') && this.requests !== service.requests) service.setRequests(this.requests);
  }

  protected override storeChanged(change: string): void {
    if (change === 'focus' && !this.dirty) this.form = this.formFromFocus();
    super.storeChanged(change);
  }

  private formFromFocus(): DraftForm {
    const focus = this.activeStore?.focus;
    const user = this.user;
    let nodeId = focus?.nodeId ?? '';
    if (!nodeId || !user || !this.mayRequest(nodeId)) nodeId = user?.nodeId ?? firstNode(this.ix, this.mayRequest) ?? '';
    const period = focus?.period && this.periodOptions().includes(focus.period) ? focus.period : undefined;
    const metric = focus?.metric && SUM_METRICS.includes(focus.metric) ? focus.metric : 'revenue';
    return emptyForm(nodeId, metric, period);
  }

  private async loadRequests(): Promise<void> {
    const service = this.service;
    if (!service) return;
    const invalid = await service.list();
    for (const issue of invalid) this.reportError(issue, 'adapter');
    if (service.error) this.reportError(service.error, 'adapter');
  }

  // ---- helpers --------------------------------------------------------------------------------

  private periodOptions(): string[] {
    const plan = this.activeStore?.plan;
    if (!plan) return [];
    return [...periodsOf(plan.fiscalYear, 'year', plan.calendar), ...periodsOf(plan.fiscalYear, 'quarter', plan.calendar), ...fiscalYearMonths(plan.fiscalYear, plan.calendar)];
  }

  private name(id: string): string {
    return this.ix.byId.get(id)?.name ?? this.activeStore?.snapshot?.users?.find((u) => u.id === id)?.name ?? id;
  }

  private fmt(metric: MetricId, v: number): string {
    const currency = this.activeStore?.plan?.currency ?? 'CNY';
    return METRICS[metric].unit === 'money' ? formatMoney(v, { currency, locale: this.locale }) : formatCount(v, this.locale);
  }

  /** An engine error in the user's language, with node ids turned into names. */
  private text(error: QkIssue): string {
    return localizeIssue(this.t, error, { param: this.param });
  }

  /** Node ids in an error's params become names (`node`, `a`, `b`, `scope`); `max` reads in the form's metric. */
  private readonly param = (k: string, v: string | number): string | number =>
    typeof v === 'string' && (k === 'node' || k === 'a' || k === 'b') ? this.name(v)
    // `scope`: the comma-separated ids a refused user manages
    : typeof v === 'string' && k === 'scope' ? (v ? v.split(',').map((id) => this.name(id)).join(this.locale === 'zh-CN' ? '、' : ', ') : '')
    : typeof v === 'number' && k === 'max' ? this.fmt(this.form.metric, v)
    : v;

  /** Shows the error where it happened and fires `qk-error`; returns false for `return this.fail(…)`. */
  private fail(error: QkIssue, where: string, source: 'input' | 'engine' | 'adapter'): false {
    const params = { ...error.params };
    for (const [k, v] of Object.entries(params)) params[k] = this.param(k, v);
    this.message = { kind: 'error', text: this.reportError({ ...error, params }, source), where };
    return false;
  }

  private update_(patch: Partial<DraftForm>, options: { focus?: boolean } = {}): void {
    this.form = { ...this.form, ...patch };
    this.dirty = true;
    if (this.currentDraftKey) saveDraft(this.currentDraftKey, this.form);
    if (patch.nodeId && this.activeStore && options.focus !== false) {
      this.activeStore.setFocus({ nodeId: patch.nodeId });
      this.dispatchEvent(new QkFocusChangeEvent(this.activeStore.focus));
    }
  }

  /**
   * Adds or removes a period from the form as it is now, not as it was at the last render: two boxes
   * ticked before the panel re-renders (one task, or a fast user) must both count.
   */
  private togglePeriod(period: string, on: boolean): void {
    const rest = this.form.periods.filter((x) => x !== period);
    this.update_({ periods: on ? [...rest, period] : rest });
  }

  /** The same for the colleagues chosen to absorb the change. */
  private toggleRecipient(nodeId: string, on: boolean): void {
    const rest = this.form.recipients.filter((x) => x !== nodeId);
    this.update_({ recipients: on ? [...rest, nodeId] : rest });
  }

  /** The request the form describes (not yet stored), or why it cannot be built. */
  private draftRequest(): Result<AdjustmentRequest> | null {
    const plan = this.activeStore?.plan;
    const user = this.user;
    const f = this.form;
    if (!plan || !user || !f.nodeId || f.periods.length === 0) return null;
    if (f.absorption === 'recipients' && f.recipients.length === 0) return null;
    if (f.changeKind === 'value' ? !f.value.trim() : !f.percent.trim()) return null;
    const change = formChange(f, { currency: plan.currency, locale: this.locale });
    if (!change.ok) return change;
    return createAdjustment({
      id: this.newId(),
      planId: plan.id,
      nodeId: f.nodeId,
      metric: f.metric,
      ...(f.product ? { product: f.product } : {}),
      periods: [...f.periods],
      change: change.value,
      trigger: f.trigger,
      // The live preview runs before the reason is long enough; submit checks the real reason first.
      reason: f.reason.trim().length >= MIN_REASON_LENGTH ? f.reason.trim() : f.reason.trim().padEnd(MIN_REASON_LENGTH, '·'),
      ...(f.evidence.trim() ? { evidence: f.evidence.trim() } : {}),
      absorption: f.absorption === 'recipients' ? { mode: 'recipients', recipients: [...f.recipients] } : { mode: f.absorption },
      requesterId: user.id,
      at: new Date().toISOString(),
    });
  }

  private idSeed = '';
  private newId(): string {
    this.idSeed ||= `adj-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
    return this.idSeed;
  }

  private readonly suggestionsMemo = new Memo<SuggestionsHolder>();
  /** The trigger rules of a large org being evaluated in slices (`computeSuggestions`). */
  private suggesting: StepRunner<ReturnType<typeof evaluateTriggers>> | null = null;
  /** Booked revenue per rep and product line (the payout effect's mix), per actuals. */
  private readonly mixMemo = new Memo<Map<string, Map<string, number>>>();

  /**
   * The trigger rules' proposals for the focused node's subtree (the user's node, else the first
   * they may request for), for the focused period (else the quarter holding `asOf`), keeping those
   * the user may request. Memoized on the store's revision.
   */
  private suggestions(): Suggestions | 'loading' {
    const s = this.activeStore;
    // The store's state is replaced on every data change (and only then): focus moves recompute nothing here but the node.
    const key = [s, s?.state, s?.focus.nodeId, s?.focus.period, s?.focus.metric, this.user, this.locale, this.includePace, this.events];
    const held = this.suggestionsMemo.get(key, () => this.computeSuggestions());
    return held.value === undefined ? 'loading' : held.value;
  }

  /**
   * The suggestions; above `PATH_CHUNK` nodes the rules run in slices (`evaluateTriggersSteps`: at
   * the top of 100,000 people they read every rep) and the holder is filled when they are done.
   */
  private computeSuggestions(): SuggestionsHolder {
    this.suggesting?.cancel();
    this.suggesting = null;
    const prepared = this.triggerOptions();
    if (!prepared) return { value: null };
    const { options, finish } = prepared;
    if (this.ix.order.length <= PATH_CHUNK) return { value: finish(evaluateTriggers(options)) };
    const holder: SuggestionsHolder = {};
    const settle = (value: Suggestions) => {
      holder.value = value;
      this.suggesting = null;
      this.requestUpdate();
    };
    this.suggesting = new StepRunner(evaluateTriggersSteps(options), { progress: () => {}, done: (r) => settle(finish(r)), fail: () => settle(null) });
    return holder;
  }

  /** The trigger rules' options for the panel's node and period, and how their result becomes the suggestions; null when there are none to ask for. */
  private triggerOptions(): { options: TriggerOptions; finish: (r: ReturnType<typeof evaluateTriggers>) => Suggestions } | null {
    const s = this.activeStore;
    const st = this.service?.plainState;
    const user = this.user;
    if (!s?.plan || !st || !user) return null;
    const focus = s.focus;
    const nodeId = focus.nodeId && this.ix.byId.has(focus.nodeId) ? focus.nodeId : (user.nodeId ?? firstNode(this.ix, this.mayRequest));
    if (!nodeId) return null;
    const period = focus.period && this.periodOptions().includes(focus.period) ? focus.period : periodOf(s.asOf, 'quarter', s.plan.calendar);
    const metric = focus.metric === 'collections' ? 'collections' : 'revenue';
    const asOf = s.asOf;
    const ix = this.ix;
    const options: TriggerOptions = {
      // Not a spread of `st`: its `targets` (every cell as a list) is built only when read.
      state: { plan: st.plan, org: st.org, get targets() { return st.targets; }, actuals: st.actuals, pipeline: s.actuals?.pipeline ?? [] },
      period, metric, asOf, nodeId,
      includePace: this.includePace, events: this.events, products: s.snapshot?.products ?? [],
      // The read model's index and roll-ups, not rebuilt from the lists (a 100,000-person org).
      ...(this.service?.state ? { readModel: this.service.state } : {}),
    };
    const finish = (r: ReturnType<typeof evaluateTriggers>): Suggestions =>
      !r.ok ? { error: r.error } : { nodeId, period, asOf, proposals: r.value.filter((p) => canRequest(user, p.nodeId, ix).allowed) };
    return { options, finish };
  }

  /** The proposal the form was last filled from, and the reason written then (to follow a change of absorption). */
  private prefill?: { proposal: TriggerProposal; reason: string };

  /**
   * The pre-written reason of a proposal, in the user's language, for an absorption (the proposal's
   * own by default): the text says who takes the difference as the form will apply it.
   */
  private proposalReason(p: TriggerProposal, mode: DraftForm['absorption'] = p.absorption.mode, recipients: readonly string[] = p.absorption.mode === 'recipients' ? p.absorption.recipients : []): string {
    const r = this.t.adjustment.suggestionReason;
    const f = p.facts;
    const money = (k: string) => this.fmt(p.metric, Number(f[k] ?? 0));
    const period = p.periods.join(', ');
    if (p.kind === 'pace') {
      return r.pace({ name: p.name, period, elapsed: formatPercent(Number(f.elapsed), this.locale), actual: money('actual'), forecast: money('forecast'), ratio: formatPercent(Number(f.ratio), this.locale), target: money('target') });
    }
    const to = mode === 'recipients' && recipients.length ? recipients.map((id) => this.name(id)).join(this.locale === 'zh-CN' ? '、' : ', ') : null;
    if (p.kind === 'leaving') {
      return r.leaving({ name: p.name, period, date: String(f.leaveDate), target: money('target'), prorated: money('prorated'), remainder: money('remainder'), mode, to });
    }
    const pct = (k: string, signed = false) => formatPercent(Number(f[k] ?? 0), this.locale, 1, signed ? { signed: true } : undefined);
    if (p.kind === 'market' || p.kind === 'territory') {
      return r[p.kind]({ name: p.name, period, date: String(f.date), change: pct('change', true), remaining: pct('remaining'), target: money('target'), value: money('value'), mode, to });
    }
    if (p.kind === 'absence') {
      return r.absence({ name: p.name, period, from: String(f.from), until: String(f.to), days: formatCount(Number(f.days), this.locale), target: money('target'), value: money('value'), mode, to });
    }
    if (p.kind === 'new-product') {
      return r.newProduct({ name: p.name, period, product: String(f.product), date: String(f.date), share: pct('share'), target: money('target'), value: money('value'), current: money('current') });
    }
    return r.joining({ name: p.name, period, date: String(f.hireDate), mode, to });
  }

  /** Sets the absorption; a reason still as pre-written from a suggestion is rewritten to follow it. */
  private setAbsorption(mode: DraftForm['absorption']): void {
    const pre = this.prefill;
    if (pre && pre.proposal.kind !== 'pace' && this.form.reason === pre.reason) {
      const reason = this.proposalReason(pre.proposal, mode, this.form.recipients);
      this.prefill = { proposal: pre.proposal, reason };
      this.update_({ absorption: mode, reason });
    } else {
      this.update_({ absorption: mode });
    }
  }

  /** Fills the request form from a proposal (a fresh form: nothing of an earlier request is mixed in) and moves focus into it. */
  useProposal(p: TriggerProposal): void {
    const currency = this.activeStore?.plan?.currency ?? 'CNY';
    const value = p.change?.kind === 'value' ? (METRICS[p.metric].unit === 'money' ? toDecimalString(p.change.value, currency).replace(/\.0+$/, '') : String(p.change.value)) : '';
    const base = emptyForm(p.nodeId, p.metric);
    this.prefill = { proposal: p, reason: this.proposalReason(p) };
    this.update_({
      ...base,
      periods: [...p.periods],
      value,
      trigger: p.trigger,
      reason: this.proposalReason(p),
      absorption: p.absorption.mode,
      recipients: p.absorption.mode === 'recipients' ? [...p.absorption.recipients] : [],
      ...(p.product ? { product: p.product } : {}),
      // The focus stays: the list keeps showing the whole subtree's suggestions to compare.
    }, { focus: false });
    this.message = { kind: 'info', text: this.t.adjustment.suggestionUsed({ name: p.name }), where: 'request' };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(value ? 'textarea' : 'input.num')?.focus());
  }

  /** Shows the outcome of an action where it happened: a refusal names the rule; fires `qk-error` for it. */
  private failed(out: AdjustmentOutcome & { ok: false }, where: string): false {
    return this.fail(out.error, where, out.error.source);
  }

  // ---- actions --------------------------------------------------------------------------------

  /** Submits the form as a request for approval. Resolves true when it went through. */
  async submit(): Promise<boolean> {
    const service = this.service;
    if (!service || !this.user || !this.engineState) return this.fail(issue('adjustment-no-user', 'no user'), 'request', 'input');
    const reason = this.form.reason.trim();
    if (reason.length < MIN_REASON_LENGTH) {
      return this.fail(issue('adjustment-reason-short', 'reason too short', { min: MIN_REASON_LENGTH, length: reason.length }), 'request', 'input');
    }
    const draft = this.draftRequest();
    if (!draft) return this.fail(issue('adjustment-invalid', 'incomplete', { path: '', detail: this.t.adjustment.previewEmpty }), 'request', 'input');
    if (!draft.ok) return this.fail(draft.error, 'request', 'input');
    const d = draft.value;
    const out = await service.request({
      id: d.id, nodeId: d.nodeId, metric: d.metric, ...(d.product ? { product: d.product } : {}), periods: d.periods, change: d.change,
      trigger: d.trigger, reason, ...(d.evidence ? { evidence: d.evidence } : {}), absorption: d.absorption,
    });
    if (!out.ok) return this.failed(out, 'request');
    clearDraft(this.currentDraftKey);
    this.dirty = false;
    this.idSeed = '';
    this.form = emptyForm(this.form.nodeId, this.form.metric);
    this.message = { kind: 'info', text: this.t.adjustment.submitted, where: 'request' };
    this.dispatchEvent(new QkAdjustmentCommitEvent({ action: 'submit', request: out.request }));
    return true;
  }

  /** Approves, rejects or withdraws a request. Resolves true when it went through. */
  async decide(id: string, action: 'approve' | 'reject' | 'withdraw'): Promise<boolean> {
    const service = this.service;
    if (!service) return this.fail(issue('adjustment-no-user', 'no user'), id, 'input');
    const out = action === 'withdraw' ? await service.withdraw(id) : await service.decide(id, action === 'approve', this.comments[id]);
    if (!out.ok) return this.failed(out, id);
    this.message = { kind: 'info', text: this.t.adjustment.done({ action: this.t.adjustment.statuses[out.request.status] }), where: id };
    this.dispatchEvent(new QkAdjustmentCommitEvent({ action, request: out.request }));
    return true;
  }

  /** Applies an approved request: all its cells saved at the host at once, or a conflict and nothing. */
  async apply(id: string): Promise<boolean> {
    const service = this.service;
    if (!service) return this.fail(issue('adjustment-no-user', 'no user'), id, 'input');
    const out = await service.apply(id);
    if (!out.ok) return this.failed(out, id);
    const prepared = service.notices[id];
    if (prepared) {
      const notice = composeNotice(prepared.facts, this.t, (v) => this.fmt(out.request.metric, v), prepared.recipients);
      this.notices = { ...this.notices, [id]: { subject: notice.subject, body: notice.body } };
    }
    this.message = { kind: 'info', text: this.t.adjustment.done({ action: this.t.adjustment.statuses.applied }), where: id };
    this.dispatchEvent(new QkAdjustmentCommitEvent({ action: 'apply', request: out.request, cells: out.cells ?? [] }));
    return true;
  }

  private async refresh(id: string): Promise<void> {
    const out = await this.service?.refresh(id);
    if (!out) return;
    if (!out.ok) this.failed(out, id);
    else this.message = null;
  }

  private async sendNotice(id: string): Promise<void> {
    const notice = this.notices[id];
    const service = this.service;
    if (!notice || !service) return;
    if (await service.sendNotice(id, notice)) this.message = { kind: 'info', text: this.t.adjustment.noticeSent, where: id };
    else if (service.error) this.fail(service.error, id, 'adapter');
  }

  // ---- the node combobox ----------------------------------------------------------------------

  private nodeMatches(): { ids: string[]; more: boolean } {
    return this.nodeOpen ? searchNodes(this.ix, this.nodeQuery ?? '', this.mayRequest, NODE_OPTION_LIMIT) : { ids: [], more: false };
  }

  private pickNode(id: string): void {
    this.nodeQuery = null;
    this.nodeOpen = false;
    this.nodeActive = -1;
    if (id !== this.form.nodeId) this.update_({ nodeId: id, recipients: [] });
  }

  private onNodeInput(e: Event): void {
    this.nodeQuery = (e.target as HTMLInputElement).value;
    this.nodeOpen = true;
    this.nodeActive = 0;
  }

  private onNodeKey(e: KeyboardEvent): void {
    const { ids } = this.nodeMatches();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this.nodeOpen) {
        this.nodeOpen = true;
        const all = this.nodeMatches().ids;
        const at = all.indexOf(this.form.nodeId);
        this.nodeActive = at >= 0 ? at : 0;
        return;
      }
      const last = ids.length - 1;
      this.nodeActive = e.key === 'ArrowDown' ? Math.min(this.nodeActive + 1, last) : Math.max(this.nodeActive - 1, 0);
      void this.updateComplete.then(() => this.renderRoot.querySelector(`#node-opt-${this.nodeActive}`)?.scrollIntoView?.({ block: 'nearest' }));
    } else if (e.key === 'Enter') {
      // Enter picks; it never submits the form from the search box.
      e.preventDefault();
      const id = this.nodeOpen ? ids[this.nodeActive] : undefined;
      if (id) this.pickNode(id);
    } else if (e.key === 'Escape') {
      if (this.nodeOpen || this.nodeQuery !== null) e.preventDefault();
      this.nodeOpen = false;
      this.nodeQuery = null;
      this.nodeActive = -1;
    }
  }

  private onNodeBlur(): void {
    this.nodeOpen = false;
    this.nodeQuery = null;
    this.nodeActive = -1;
  }

  private renderNodePicker(): TemplateResult {
    const a = this.t.adjustment;
    const { ids, more } = this.nodeMatches();
    const open = this.nodeOpen;
    const active = open && this.nodeActive >= 0 && this.nodeActive < ids.length ? this.nodeActive : -1;
    return html`<div part="field" class="field combo">
      <label for="node-input"><span>${a.node}</span></label>
      <input
        id="node-input"
        part="combobox"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="node-listbox"
        aria-activedescendant=${active >= 0 ? `node-opt-${active}` : ''}
        aria-describedby=${open ? 'node-status' : nothing}
        placeholder=${a.nodeSearch}
        .value=${this.nodeQuery ?? this.name(this.form.nodeId)}
        @input=${this.onNodeInput}
        @keydown=${this.onNodeKey}
        @click=${() => (this.nodeOpen = true)}
        @blur=${this.onNodeBlur}
      />
      <ul id="node-listbox" part="listbox" role="listbox" aria-label=${a.node} ?hidden=${!open || ids.length === 0}>
        ${open
          ? ids.map(
              (id, i) => html`<li
                id="node-opt-${i}"
                part="option"
                role="option"
                data-node=${id}
                aria-selected=${i === active ? 'true' : 'false'}
                class=${id === this.form.nodeId ? 'chosen' : ''}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => this.pickNode(id)}
              >${this.name(id)}<small class="path">${nodePath(this.ix, id)}</small></li>`,
            )
          : nothing}
      </ul>
      ${open ? html`<p id="node-status" class="muted" role="status">${ids.length === 0 ? a.nodeNone : more ? a.nodeMore({ shown: ids.length }) : ''}</p>` : nothing}
    </div>`;
  }

  private discardDraft(): void {
    clearDraft(this.currentDraftKey);
    this.dirty = false;
    this.form = this.formFromFocus();
    this.message = null;
  }

  private downloadCsv(ledger: Ledger): void {
    const names: Record<string, string> = {};
    for (const n of this.activeStore?.org ?? []) names[n.id] = n.name;
    for (const u of this.activeStore?.snapshot?.users ?? []) names[u.id] = u.name;
    const csv = ledgerToCsv(ledger, { currency: this.activeStore?.plan?.currency ?? 'CNY', headers: LEDGER_CSV_HEADERS[this.locale], names, bom: true });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    a.download = `adjustments-${this.activeStore?.plan?.id ?? 'plan'}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  }

  // ---- rendering ------------------------------------------------------------------------------

  private onTabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.view);
    const next = e.key === 'ArrowRight' ? (i + 1) % 3 : e.key === 'ArrowLeft' ? (i + 2) % 3 : e.key === 'Home' ? 0 : e.key === 'End' ? 2 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.view = TABS[next]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.view}`)?.focus());
  }

  protected override render(): TemplateResult {
    const status = this.renderStatus();
    if (status) return status;
    const a = this.t.adjustment;
    const queue = this.requests.filter((r) => r.status === 'pending' || r.status === 'approved' || !!this.notices[r.id]);
    const labels: Record<Tab, string> = { request: a.tabs.request, queue: a.tabs.queue({ count: queue.length }), history: a.tabs.history };
    return html`
      <section class="panel-root" aria-labelledby="title">
        <h2 id="title" part="title">${a.title}</h2>
        <div role="tablist" part="tabs" aria-labelledby="title" @keydown=${this.onTabKey}>
          ${TABS.map(
            (tab) => html`<button
              role="tab"
              part="tab"
              id="tab-${tab}"
              aria-controls="panel-${tab}"
              aria-selected=${this.view === tab ? 'true' : 'false'}
              tabindex=${this.view === tab ? 0 : -1}
              @click=${() => (this.view = tab)}
            >${labels[tab]}</button>`,
          )}
        </div>
        <div role="tabpanel" part="panel" id="panel-${this.view}" aria-labelledby="tab-${this.view}">
          ${this.view === 'request' ? this.renderForm() : this.view === 'queue' ? this.renderQueue(queue) : this.renderHistory()}
        </div>
      </section>
    `;
  }

  private renderMessage(where: string): TemplateResult | typeof nothing {
    const m = this.message;
    if (!m || m.where !== where) return nothing;
    return html`<p part="message" class="message ${m.kind}" role=${m.kind === 'error' ? 'alert' : 'status'}>${m.text}</p>`;
  }

  private renderForm(): TemplateResult {
    const a = this.t.adjustment;
    const f = this.form;
    const user = this.user;
    if (!user) return html`<p part="state" class="qk-state" role="status">${localizeIssue(this.t, issue('adjustment-no-user', ''))}</p>`;
    if (!firstNode(this.ix, this.mayRequest)) return html`<p part="state" class="qk-state" role="status">${a.readOnly}</p>`;
    const ix = this.ix;
    const parent = ix.parent(f.nodeId);
    const siblings = parent ? ix.children(parent).filter((c) => c !== f.nodeId) : [];
    const money = METRICS[f.metric].unit === 'money';
    const reasonLength = f.reason.trim().length;
    const products = this.activeStore?.snapshot?.products ?? [];
    return html`
      ${this.renderSuggestions()}
      <form part="form" class="form" @submit=${(e: Event) => (e.preventDefault(), void this.submit())} novalidate>
        <div class="grid">
          ${this.renderNodePicker()}
          <label part="field" class="field">
            <span>${a.metric}</span>
            <select @change=${(e: Event) => this.update_({ metric: (e.target as HTMLSelectElement).value as MetricId })}>
              ${SUM_METRICS.map((m) => html`<option value=${m} ?selected=${m === f.metric}>${this.t.metrics[m] ?? m}</option>`)}
            </select>
          </label>
          ${products.length
            ? html`<label part="field" class="field">
                <span>${a.product}</span>
                <select @change=${(e: Event) => this.update_({ product: (e.target as HTMLSelectElement).value || undefined })}>
                  <option value="" ?selected=${!f.product}>${a.allProducts}</option>
                  ${products.map((p) => html`<option value=${p.id} ?selected=${p.id === f.product}>${p.name}</option>`)}
                </select>
              </label>`
            : nothing}
          <label part="field" class="field">
            <span>${a.trigger}</span>
            <select @change=${(e: Event) => this.update_({ trigger: (e.target as HTMLSelectElement).value as DraftForm['trigger'] })}>
              ${ADJUSTMENT_TRIGGERS.map((tr) => html`<option value=${tr} ?selected=${tr === f.trigger}>${a.triggers[tr]}</option>`)}
            </select>
          </label>
        </div>
        <fieldset part="field" class="periods">
          <legend>${a.periods}</legend>
          ${this.periodOptions().map(
            (p) => html`<label class="chip"><input
                type="checkbox"
                .checked=${f.periods.includes(p)}
                @change=${(e: Event) => this.togglePeriod(p, (e.target as HTMLInputElement).checked)}
              />${p}</label>`,
          )}
        </fieldset>
        <fieldset part="field" class="change">
          <legend>${a.changeKind}</legend>
          <label><input type="radio" name="kind" .checked=${f.changeKind === 'value'} @change=${() => this.update_({ changeKind: 'value' })} />${a.newValue}</label>
          <label><input type="radio" name="kind" .checked=${f.changeKind === 'percent'} @change=${() => this.update_({ changeKind: 'percent' })} />${a.percent}</label>
          ${f.changeKind === 'value'
            ? html`<input class="num" aria-label=${a.newValue} inputmode=${money ? 'decimal' : 'numeric'} .value=${f.value} @input=${(e: Event) => this.update_({ value: (e.target as HTMLInputElement).value })} />`
            : html`<input class="num" aria-label=${a.percent} inputmode="decimal" .value=${f.percent} @input=${(e: Event) => this.update_({ percent: (e.target as HTMLInputElement).value })} />`}
        </fieldset>
        <label part="field" class="field wide">
          <span>${a.reason}</span>
          <textarea rows="3" aria-describedby="reason-hint" .value=${f.reason} @input=${(e: Event) => this.update_({ reason: (e.target as HTMLTextAreaElement).value })}></textarea>
          <small id="reason-hint" class=${reasonLength < MIN_REASON_LENGTH ? 'hint short' : 'hint'}>${a.reasonHint({ min: MIN_REASON_LENGTH, length: reasonLength })}</small>
        </label>
        <label part="field" class="field wide">
          <span>${a.evidence}</span>
          <input .value=${f.evidence} @input=${(e: Event) => this.update_({ evidence: (e.target as HTMLInputElement).value })} />
        </label>
        <fieldset part="field" class="absorb">
          <legend>${a.absorption}</legend>
          ${(['siblings', 'parent', 'recipients'] as const).map(
            (m) => html`<label><input type="radio" name="absorb" .checked=${f.absorption === m} @change=${() => this.setAbsorption(m)} />${a.absorptions[m]}</label>`,
          )}
          ${f.absorption === 'recipients'
            ? html`<div class="recipients" role="group" aria-label=${a.recipients}>
                ${siblings.map(
                  (s) => html`<label class="chip"><input
                      type="checkbox"
                      .checked=${f.recipients.includes(s)}
                      @change=${(e: Event) => this.toggleRecipient(s, (e.target as HTMLInputElement).checked)}
                    />${this.name(s)}</label>`,
                )}
              </div>`
            : nothing}
        </fieldset>
        ${this.renderPreview()}
        ${this.renderMessage('request')}
        <div part="actions" class="actions">
          <button part="button" class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? a.submitting : a.submit}</button>
          ${this.dirty ? html`<span class="muted">${a.draftSaved}</span><button part="button" type="button" @click=${this.discardDraft}>${a.discardDraft}</button>` : nothing}
        </div>
      </form>
    `;
  }

  private renderSuggestions(): TemplateResult | typeof nothing {
    const a = this.t.adjustment;
    const s = this.suggestions();
    if (!s) return nothing;
    if (s === 'loading') {
      // A large org's rules run in slices: the form is usable meanwhile.
      return html`<section part="suggestions" class="suggestions" aria-labelledby="suggestions-title">
        <h3 id="suggestions-title">${a.suggestions}</h3>
        <div part="state loading" class="qk-state" role="status" aria-live="polite" aria-busy="true"><span class="qk-spinner" aria-hidden="true"></span>${this.t.common.loading}</div>
      </section>`;
    }
    let body: TemplateResult;
    if ('error' in s) body = html`<p class="message error">${this.text(s.error)}</p>`;
    else if (s.proposals.length === 0) body = html`<p class="muted">${a.suggestionsEmpty}</p>`;
    else {
      body = html`${groupProposals(s.proposals).map((g) => {
        const open = this.expandedGroups.has(g.group);
        const shown = open ? g.shown : g.shown.slice(0, SUGGESTIONS_PER_GROUP);
        const heading = `suggestions-${g.group}`;
        return html`<section part="suggestion-group" class="suggestion-group ${g.group}" aria-labelledby=${heading}>
          <h4 id=${heading}>${a.suggestionGroups[g.group]} <span class="muted count">${a.suggestionGroupCount({ shown: formatCount(shown.length, this.locale), total: formatCount(g.total, this.locale) })}</span></h4>
          <ul class="suggestion-list">${shown.map((p) => this.renderSuggestion(p))}</ul>
          ${g.total > SUGGESTIONS_PER_GROUP
            ? html`<button part="button show-all" class="show-all" type="button" aria-expanded=${open ? 'true' : 'false'} @click=${() => this.toggleGroup(g.group)}>${open ? a.showFewer : a.showAll({ count: formatCount(g.total, this.locale) })}</button>`
            : nothing}
        </section>`;
      })}`;
    }
    return html`<section part="suggestions" class="suggestions" aria-labelledby="suggestions-title">
      <h3 id="suggestions-title">${a.suggestions}</h3>
      ${'error' in s ? nothing : html`<p class="muted">${a.suggestionsScope({ node: this.name(s.nodeId), period: s.period, date: s.asOf })}</p>`}
      <label class="include-pace"><input type="checkbox" part="include-pace" .checked=${this.includePace} aria-describedby="include-pace-hint"
        @change=${(e: Event) => (this.includePace = (e.target as HTMLInputElement).checked)} />${a.includePace}</label>
      <small id="include-pace-hint" class="hint">${a.includePaceHint}</small>
      ${body}
    </section>`;
  }

  private toggleGroup(group: TriggerGroup): void {
    const next = new Set(this.expandedGroups);
    if (next.has(group)) next.delete(group);
    else next.add(group);
    this.expandedGroups = next;
  }

  private renderSuggestion(p: TriggerProposal): TemplateResult {
    const a = this.t.adjustment;
    const what = [a.triggers[p.trigger], this.t.metrics[p.metric] ?? p.metric, ...(p.product ? [this.productName(p.product)] : []), p.periods.join(', ')].join(' · ');
    return html`<li part="suggestion" class="suggestion ${p.kind}">
      <div class="head">
        <strong>${p.name}</strong>
        <span class="badge ${p.kind}">${a.suggestionKinds[p.kind]}</span>
        <span class="muted">${what}</span>
      </div>
      <p class="reason">${this.proposalReason(p)}</p>
      ${p.kind === 'pace' ? this.renderPayoutEffect(p) : nothing}
      <div class="actions">
        <span>${p.change?.kind === 'value' ? a.suggestedValue({ value: this.fmt(p.metric, p.change.value) }) : a.suggestedNoValue}</span>
        <button part="button" type="button" aria-label=${a.useSuggestionFor({ name: p.name })} @click=${() => this.useProposal(p)}>${a.useSuggestion}</button>
      </div>
    </li>`;
  }

  /**
   * The commission plan of the payout effect: the host's (`incentivePlan`), else the one the adapter
   * keeps, else the sample plan (also while the saved one loads, or when it is invalid).
   */
  private get commissionPlan(): CommissionPlan {
    const saved = this.savedPlan.state;
    const source = this.incentivePlan !== undefined ? this.incentivePlan : saved?.status === 'ready' ? saved.plan : undefined;
    if (source === undefined) return SAMPLE_COMMISSION_PLAN;
    if (this.parsedPlan?.source !== source) {
      const parsed = parseCommissionPlan(source);
      this.parsedPlan = { source, plan: parsed.ok ? parsed.value : SAMPLE_COMMISSION_PLAN };
    }
    return this.parsedPlan.plan;
  }

  /**
   * What cutting a lagging rep's target does to their pay: the payout if they book the forecast,
   * against the target now and against the cut one. A rise is the reward for falling behind.
   */
  private renderPayoutEffect(p: TriggerProposal): TemplateResult | typeof nothing {
    const forecast = Number(p.facts.forecast);
    const target = Number(p.facts.target);
    if (p.change?.kind !== 'value' || !(forecast > 0) || !(target > 0) || p.metric !== 'revenue') return nothing;
    const cut = p.change.value;
    if (!(cut > 0)) return nothing;
    const store = this.activeStore;
    const newProductIds = store?.snapshot?.products.filter((x) => x.new).map((x) => x.id);
    // The forecast booked in the rep's product mix so far: multipliers and the new-product bonus count as the calculator counts them.
    const mix = this.mixMemo.get([store?.state?.actuals], () => bookedMix(store?.state?.actuals?.actuals ?? [])).get(p.nodeId);
    const r = forecastPayouts(this.commissionPlan, { repId: p.nodeId, forecast: Math.round(forecast), target, changed: cut, mix, ...(newProductIds ? { newProductIds } : {}) });
    if (!r.ok) return nothing;
    const { before, after } = r.value;
    const d = after - before;
    const delta = `${d > 0 ? '+' : d < 0 ? '−' : ''}${this.fmt('revenue', Math.abs(d))}`;
    return html`<p part="payout-effect" class="payout-effect">${this.t.adjustment.payoutEffect({
      forecast: this.fmt('revenue', Math.round(forecast)),
      before: this.fmt('revenue', before),
      after: this.fmt('revenue', after),
      delta,
    })}</p>`;
  }

  /** A product line's name (the plan's), else its id. */
  private productName(id: string): string {
    return this.activeStore?.snapshot?.products.find((p) => p.id === id)?.name ?? id;
  }

  private renderPreview(): TemplateResult {
    const a = this.t.adjustment;
    const draft = this.draftRequest();
    const st = this.engineState;
    let body: TemplateResult;
    if (!draft || !st) body = html`<p class="muted">${a.previewEmpty}</p>`;
    else if (!draft.ok) body = html`<p class="message error">${this.text(draft.error)}</p>`;
    else {
      const p = previewAdjustment(draft.value, st);
      // A request that would rewrite archived targets of closed periods is refused on submit: say so now.
      const closed = p.ok ? this.service?.closedPeriods(p.value) : null;
      body = !p.ok ? html`<p class="message error">${this.text(p.error)}</p>`
        : closed && !closed.ok ? html`<p part="message error" class="message error">${this.text(closed.error)}</p>`
        : this.renderPreviewTables(p.value);
    }
    return html`<section part="preview" class="preview" aria-live="polite" aria-labelledby="preview-title">
      <h3 id="preview-title">${a.preview}</h3>
      ${body}
    </section>`;
  }

  private renderPreviewTables(p: AdjustmentPreview): TemplateResult {
    const a = this.t.adjustment;
    const fmt = (v: number) => this.fmt(p.metric, v);
    const delta = (d: number) => html`<span class=${d > 0 ? 'up' : d < 0 ? 'down' : ''}>${d > 0 ? '+' : d < 0 ? '−' : ''}${fmt(Math.abs(d))}</span>`;
    const parent = p.totals[0];
    return html`
      <table part="table">
        <thead><tr><th scope="col">${a.colNode}</th><th scope="col">${a.colRole}</th><th scope="col" class="num">${a.colBefore}</th><th scope="col" class="num">${a.colAfter}</th><th scope="col" class="num">${a.colChange}</th></tr></thead>
        <tbody>
          ${p.nodes.map(
            (n) => html`<tr part="row" class=${n.before !== n.after ? 'changed' : ''}>
              <th scope="row">${n.name}</th><td>${a.roles[n.role]}</td>
              <td class="num">${fmt(n.before)}</td><td class="num">${fmt(n.after)}</td><td class="num">${delta(n.after - n.before)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${parent ? html`<p class="muted">${a.parentTotal({ node: this.name(parent.nodeId), before: fmt(p.totals.filter((x) => x.nodeId === parent.nodeId).reduce((s, x) => s + x.before, 0)), after: fmt(p.totals.filter((x) => x.nodeId === parent.nodeId).reduce((s, x) => s + x.after, 0)) })}</p>` : nothing}
      ${p.people.length
        ? html`<table part="table" aria-label=${a.people}>
            <thead><tr><th scope="col">${a.people}</th><th scope="col" class="num">${a.colBefore}</th><th scope="col" class="num">${a.colAfter}</th><th scope="col" class="num">${a.colActual}</th><th scope="col" class="num">${a.colAttainment}</th></tr></thead>
            <tbody>
              ${p.people.map(
                (x) => html`<tr part="row">
                  <th scope="row">${x.name}</th><td class="num">${fmt(x.before)}</td><td class="num">${fmt(x.after)}</td>
                  <td class="num">${x.actual === null ? '—' : fmt(x.actual)}</td>
                  <td class="num">${x.attainment ? `${formatPercent(x.attainment.original.attainment, this.locale)} → ${formatPercent(x.attainment.current.attainment, this.locale)}` : '—'}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
    `;
  }

  private renderQueue(queue: AdjustmentRequest[]): TemplateResult {
    const a = this.t.adjustment;
    const user = this.user;
    if (queue.length === 0) return html`<p part="state" class="qk-state" role="status">${a.queueEmpty}</p>`;
    const approver = !!user && queue.some((r) => canApprove(user, r, this.ix).allowed);
    return html`
      ${approver ? nothing : html`<p class="muted">${a.readOnly}</p>`}
      <ul part="queue" class="queue">
        ${queue.map((r) => this.renderRequest(r, user))}
      </ul>
    `;
  }

  private renderRequest(r: AdjustmentRequest, user: User | null): TemplateResult {
    const a = this.t.adjustment;
    const may = user ? canApprove(user, r, this.ix).allowed : false;
    const mine = user?.id === r.requesterId;
    const fmt = (v: number) => this.fmt(r.metric, v);
    const change = r.change.kind === 'percent' ? formatPercent(r.change.percent / 100, this.locale, 2, { signed: true }) : fmt(r.change.value);
    const worded = this.notices[r.id];
    const notice = worded ? { ...worded, sent: this.service?.notices[r.id]?.sent ?? false } : undefined;
    return html`<li part="request" class="request">
      <div class="head">
        <strong class="qk-clamp" title=${this.name(r.nodeId)}>${this.name(r.nodeId)} · ${this.t.metrics[r.metric] ?? r.metric}${r.product ? ` · ${this.productName(r.product)}` : ''} · ${r.periods.join(', ')} → ${change}</strong>
        <span class="badge ${r.status}">${a.statuses[r.status]}</span>
      </div>
      <p class="muted">${a.triggers[r.trigger]} · ${a.requestedBy({ name: this.name(r.requesterId), date: r.createdAt.slice(0, 10) })} · ${a.absorptions[r.absorption.mode]}</p>
      <p class="reason qk-clamp" title=${r.reason}>${r.reason}</p>
      ${r.preview
        ? html`<table part="table" aria-label=${a.cells}>
            <thead><tr><th scope="col">${a.colNode}</th><th scope="col">${a.colPeriod}</th><th scope="col" class="num">${a.colBefore}</th><th scope="col" class="num">${a.colAfter}</th></tr></thead>
            <tbody>
              ${r.preview.cells.filter((c) => r.periods.includes(c.period)).map((c) => html`<tr part="row"><th scope="row">${this.name(c.nodeId)}${c.product ? ` · ${this.productName(c.product)}` : ''}</th><td>${c.period}</td><td class="num">${fmt(c.before)}</td><td class="num">${fmt(c.after)}</td></tr>`)}
            </tbody>
          </table>`
        : nothing}
      ${(r.status === 'pending' || r.status === 'approved') && user && !may ? this.renderRule(r, user) : nothing}
      ${this.renderMessage(r.id)}
      <div part="actions" class="actions">
        ${r.status === 'pending' && may
          ? html`<label class="field comment"><span>${a.comment} <small>(${a.commentHint})</small></span>
                <textarea rows="2" .value=${this.comments[r.id] ?? ''} @input=${(e: Event) => (this.comments = { ...this.comments, [r.id]: (e.target as HTMLTextAreaElement).value })}></textarea></label>
              <button part="button" class="primary" ?disabled=${this.busy} @click=${() => this.decide(r.id, 'approve')}>${a.approve}</button>
              <button part="button" class="danger" ?disabled=${this.busy} @click=${() => this.decide(r.id, 'reject')}>${a.reject}</button>`
          : nothing}
        ${r.status === 'approved' && may ? html`<button part="button" class="primary" ?disabled=${this.busy} @click=${() => this.apply(r.id)}>${a.apply}</button>` : nothing}
        ${this.service?.conflicts.has(r.id) ? html`<button part="button" @click=${() => this.refresh(r.id)}>${a.refresh}</button>` : nothing}
        ${(r.status === 'pending' || r.status === 'draft') && mine ? html`<button part="button" ?disabled=${this.busy} @click=${() => this.decide(r.id, 'withdraw')}>${a.withdraw}</button>` : nothing}
      </div>
      ${notice
        ? html`<div part="notice" class="notice">
            <label class="field wide"><span>${a.notice}: ${notice.subject}</span>
              <textarea rows="8" .value=${notice.body} @input=${(e: Event) => (this.notices = { ...this.notices, [r.id]: { ...worded!, body: (e.target as HTMLTextAreaElement).value } })}></textarea>
            </label>
            <button part="button" class="primary" ?disabled=${notice.sent} @click=${() => this.sendNotice(r.id)}>${notice.sent ? a.noticeSent : a.noticeSend}</button>
          </div>`
        : nothing}
    </li>`;
  }

  /** Why the signed-in user may not decide on or apply this request: the rule, and where they stand. */
  private renderRule(r: AdjustmentRequest, user: User): TemplateResult | typeof nothing {
    const p = canApprove(user, r, this.ix);
    if (p.allowed) return nothing;
    return html`<p part="rule" class="muted rule">${this.text({ code: p.reason, message: p.reason, params: p.params })}</p>`;
  }

  private renderHistory(): TemplateResult {
    const a = this.t.adjustment;
    const l = ledgerOf(this.requests);
    if (!l.ok) return html`<p part="message" class="message error" role="alert">${this.text(l.error)}</p>`;
    const ledger = l.value;
    if (ledger.length === 0) return html`<p part="state" class="qk-state" role="status">${a.historyEmpty}</p>`;
    return html`
      <div class="actions"><button part="button" @click=${() => this.downloadCsv(ledger)}>${a.downloadCsv}</button></div>
      <ol part="history" class="history">
        ${[...ledger].reverse().map(
          (e) => html`<li part="entry" class="entry ${e.action}">
            <time datetime=${e.at}>${e.at.replace('T', ' ').slice(0, 16)}</time>
            <div>
              <strong class="qk-clamp" title=${a.historyEntry({ who: this.name(e.by), action: a.actions[e.action], node: this.name(e.nodeId) })}>${a.historyEntry({ who: this.name(e.by), action: a.actions[e.action], node: this.name(e.nodeId) })}</strong>
              <span class="badge ${e.status}">${a.statuses[e.status]}</span>
              <p>${this.t.metrics[e.metric] ?? e.metric} · ${e.periods.join(', ')}: ${this.fmt(e.metric, e.before)} → ${this.fmt(e.metric, e.after)}</p>
              <p class="muted qk-clamp" title=${e.comment ?? e.reason}>${e.comment ?? e.reason}</p>
            </div>
          </li>`,
        )}
      </ol>
    `;
  }
}

declare global {
  // The events of <qk-adjustment-panel>, typed wherever this element is imported (a define module alone included).
  interface HTMLElementEventMap {
    'qk-adjustment-request': QkAdjustmentRequestEvent;
    'qk-adjustment-commit': QkAdjustmentCommitEvent;
    'qk-focus-change': QkFocusChangeEvent;
    'qk-error': QkErrorEvent;
  }
}
