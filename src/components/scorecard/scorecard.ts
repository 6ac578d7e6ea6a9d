import { html, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../../internal/css-props.js';
import { property, state } from 'lit/decorators.js';
import { QkElement } from '../../internal/qk-element.js';
import { ViewModelController } from '../../internal/view-model.controller.js';
import { baseStyles } from '../../theme/base-styles.js';
import { DEFAULT_SCORE_CAP, rankScorecards, scorePerson, WEIGHT_PROFILE_IDS, type RankedScorecard, type ScorecardKpiId, type ScorecardLine, type ScorecardPerson, type WeightProfileId } from '../../engine/scorecard/scorecard.js';
import type { ScorecardQuery } from '../../engine/scorecard/source.js';
import type { ClvUnavailableReason } from '../../engine/scorecard/customer-value.js';
import { scorecardCardsSteps, scorecardList, scorecardRankingSteps, type ScorecardList, type ScorecardRanking } from '../../engine/scorecard/ranking.js';
import { runSteps } from '../../engine/shared/steps.js';
import type { Result } from '../../engine/shared/result.js';
import type { PlanState } from '../../engine/plan/plan-state.js';
import { StepRunner } from '../../internal/step-runner.js';
import { formatCount, formatMoney, formatNumber, formatPercent } from '../../engine/money/money.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import { QkFocusChangeEvent } from '../../events/qk-focus-change.js';
import type { QkStore } from '../../store/store.js';
import { styles } from './scorecard.styles.js';
import { scorecardStrings } from '../../i18n/loaders/scorecard.js';
import { cardStyles } from '../../theme/card-styles.js';
import { PagerController, pagerStyles } from '../../internal/pager.js';
import type { QkErrorEvent } from '../../events/qk-error.js';
import { exportTables, renderExportButtons } from '../../internal/export-buttons.js';
import type { ExportFormat } from '../../export/table.js';
import { scorecardTables } from './scorecard.export.js';

type CardState =
  | { kind: 'ready'; list: ScorecardList; rows: readonly number[]; scope: string; heading: string; period: string; previous: string | null; currency: string; single: boolean; parentId: string | null; /** Why the team's CLV cannot be computed from the data (shown under a card missing it). */ clvUnavailable?: ClvUnavailableReason | null }
  | { kind: 'error'; code: string; message: string; params: Record<string, string | number> }
  | { kind: 'working'; done: number; total: number };

/**
 * Org nodes above which a ranking is computed in slices (a progress state shows meanwhile) rather
 * than in one go: scoring a few thousand people fits in one short task, a company does not.
 */
const SLICED_FROM_NODES = 2_000;

const indices = (n: number): number[] => Array.from({ length: n }, (_, j) => j);

const MONEY_KPIS: readonly ScorecardKpiId[] = ['attainment', 'avgDealSize', 'clv'];
/** The highest score a KPI (and so the composite) can reach: the engine's cap × 100. */
const MAX_SCORE = Math.round(DEFAULT_SCORE_CAP * 100);
const RATIO_KPIS: readonly ScorecardKpiId[] = ['winRate', 'collectionRate', 'crmCompleteness'];

/**
 * KPI scorecards (多维度考核): one person's composite score from weighted result, process and
 * quality KPIs (weights, KPI scores, trend against the previous period), or a team's ranked list.
 * Weights follow tenure and role (a new hire is judged on activity and CRM completeness, a veteran
 * on results, deal size, customer lifetime value, cross-sell, strategic accounts and mentoring); the
 * profile switch applies one profile to everyone. A KPI scores 100 on its benchmark and at most
 * 120 (the cap), so the composite runs from 0 to 120.
 *
 * KPIs the plan data cannot measure (strategic new accounts, customer lifetime value) come from the
 * host's CRM through `extras`.
 *
 * A long ranking (a company of 100,000) is shown 50 people a page, with a search by name; every
 * person keeps their rank in the whole team. Above 2,000 org nodes the ranking is
 * computed in short slices, with a progress bar meanwhile, so the page never freezes.
 *
 * Shows the store's focus node (a rep: their card; a team: the ranked list) and period; choosing a
 * person in the list moves the focus to them (`qk-focus-change`). Works without a provider from
 * `.data` or from `.people` (measured KPIs) with `as-of`.
 *
 * @tag qk-scorecard
 * @summary Weighted KPI scorecard per person and team ranking, with a weight profile switch.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - Title row with the profile switch.
 * @csspart title - The node (or person) and period.
 * @csspart profile-switch - The radio group of weight profiles.
 * @csspart ranking - The team's ranked table (one page of 50 people at a time).
 * @csspart list-tools - The search box, page status and pager above a long ranking.
 * @csspart search - The search-by-name box.
 * @csspart page-status - Which people of how many the ranking shows.
 * @csspart pager - The previous / next page buttons.
 * @csspart page-previous - The previous page button.
 * @csspart page-next - The next page button.
 * @csspart row - A row of a table.
 * @csspart cell - A cell of a table.
 * @csspart person - The button that opens a person's card.
 * @csspart score - The composite score.
 * @csspart score-bar - The bar drawn behind a score (decorative).
 * @csspart trend - The trend against the previous period.
 * @csspart kpi-table - One person's KPI table.
 * @csspart note - Ranking rules, missing KPIs.
 * @csspart back - The back-to-team button.
 * @csspart state - Loading, empty and error states.
 * @csspart progress - The progress bar while a large ranking (thousands of people) is computed.
 *
 * @cssprop [--qk-scorecard-bar=var(--qk-color-primary)] - Score bars.
 * @cssprop [--qk-scorecard-up=var(--qk-color-success)] - A rising trend.
 * @cssprop [--qk-scorecard-down=var(--qk-color-danger)] - A falling trend.
 *
 * @fires qk-focus-change - A person was chosen in the ranked list (or the back button pressed).
 * @fires qk-error - Bad KPI values, an unknown node or period: the message is also shown in place.
 */
export class QkScorecard extends QkElement<'scorecard'> {
  /** Object properties a host may set from a `<script type="application/json" data-prop="…">` child. */
  protected static override jsonProps: readonly string[] = ['data', 'people', 'extras'];

  protected override get strings() {
    return scorecardStrings;
  }

  static override styles = [baseStyles, cardStyles, pagerStyles, styles];

  /** A rep (their card) or a team, region, company (the ranked list); default: the store's focus, then the root. */
  @property({ reflect: true }) node = '';

  /** The period; default: the store's focus, then the page's default period (the fiscal year holding today when the node has a target there). */
  @property({ reflect: true }) period = '';

  /** `auto` (by tenure and role) or one profile for everyone: `new-hire`, `standard`, `veteran`. */
  @property({ reflect: true }) profile: 'auto' | WeightProfileId = 'auto';

  /** People with measured KPIs, to score without a store (see `ScorecardPerson`). Wins over the store. */
  @property({ attribute: false }) people?: ScorecardPerson[];

  /**
   * Under a store: KPIs the host's CRM measures, per rep id, e.g.
   * `{ r1: { clv: { actual: 12_000_000, benchmark: 15_000_000 }, strategicAccounts: { actual: 1, benchmark: 2 } } }`
   * (money in minor units; see `ScorecardQuery.extras`).
   */
  @property({ attribute: false }) extras?: ScorecardQuery['extras'];

  /** With `people`: the day tenure is measured on, `YYYY-MM-DD`. */
  @property({ attribute: 'as-of' }) asOf = '';

  /** With `people`: the currency of money KPIs. */
  @property() currency = 'CNY';

  /** The person shown when `people` is used (their id); empty: the ranked list. */
  @state() private selected = '';

  /** A long ranking shows one page at a time, with a search by name. */
  private readonly pager = new PagerController(this);

  /**
   * The view shown, recomputed on data changes only (the read model's state), not on focus or save
   * state. It keeps the last few views of this data (by node, period, profile), so going from a
   * person back to a company of 100,000 does not score everyone again; they are forgotten when the
   * data or `extras` change.
   */
  private readonly vm = new ViewModelController<CardState>(
    this,
    {
      store: () => this.activeStore,
      own: () => !!this.people,
      key: (store) =>
        this.people
          ? `people|${this.asOf}|${this.profile}|${this.locale}`
          : [store!.dataRevision, this.node || store!.focus.nodeId, this.period || store!.focus.period, this.profile, this.locale].join('|'),
      inputs: (store) => [this.people, this.extras, this.people ? null : store!.state],
      compute: (store, key, inputs) => {
        if (this.people) return this.fromPeople(this.people);
        // Still scoring this ranking in slices: show how far.
        if (this.job?.key === key) return { kind: 'working', ...this.job.runner.progress };
        const state = store!.state!;
        const query = this.queryFor(store!);
        if (!this.large(state, query.nodeId)) return this.toView(state, runSteps(scorecardRankingSteps(state, query)));
        // A company: scored in slices; the view is kept when the last slice is done.
        return this.working(key, inputs, state, query);
      },
      transient: (view) => view.kind === 'working',
      settled: () => {
        this.job?.runner.cancel();
        this.job = null;
      },
      shownError: (s, key) =>
        s?.kind === 'error'
          ? { key: `${s.code}|${JSON.stringify(s.params)}|${key}`, detail: { code: s.code, message: this.errorMessage(s), source: this.people ? 'data' : 'engine' } }
          : null,
      announce: (shown) => this.announceError(shown),
    },
    { recent: 4 },
  );

  private get cardState(): CardState | null {
    return this.vm.value;
  }

  /** The ranking being computed in slices for `key` (started on first ask), as a progress state. */
  private job: { key: string; runner: StepRunner<Result<ScorecardRanking>> } | null = null;
  private working(key: string, inputs: readonly unknown[], state: PlanState, query: ScorecardQuery): CardState {
    if (this.job?.key !== key) {
      this.job?.runner.cancel();
      const job = {
        key,
        runner: new StepRunner(scorecardRankingSteps(state, query), {
          progress: () => this.requestUpdate(),
          done: (r) => {
            if (this.job === job) this.job = null;
            // Kept only when the data it was computed from is still the element's.
            this.vm.rememberFor(inputs, key, this.toView(state, r));
            this.requestUpdate();
          },
          fail: (e) => {
            if (this.job === job) this.job = null;
            const message = e instanceof Error ? e.message : String(e);
            this.vm.rememberFor(inputs, key, { kind: 'error', code: 'scorecard-failed', message, params: { message } });
            this.requestUpdate();
          },
        }),
      };
      this.job = job;
    }
    return { kind: 'working', ...this.job.runner.progress };
  }

  /** Whether the people the ranking measures (the node's subtree, or a rep's team) are many. */
  private large(state: PlanState, nodeId: string | null | undefined): boolean {
    const ix = state.index;
    const id = nodeId || ix.roots[0] || '';
    const root = ix.byId.get(id)?.kind === 'rep' ? (ix.parent(id) ?? id) : id;
    return ix.descendants(root).length >= SLICED_FROM_NODES;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A job left running would finish for nobody; the next render starts it again.
    this.job?.runner.cancel();
    this.job = null;
    this.vm.forget();
  }

  private get forced(): WeightProfileId | undefined {
    return this.profile === 'auto' || !WEIGHT_PROFILE_IDS.includes(this.profile) ? undefined : this.profile;
  }

  private fromPeople(people: ScorecardPerson[]): CardState {
    const asOf = this.asOf || new Date().toISOString().slice(0, 10);
    const cards = [];
    for (const p of people) {
      const r = scorePerson(p, { asOf, ...(this.forced ? { profile: this.forced } : {}) });
      if (!r.ok) return { kind: 'error', code: r.error.code, message: r.error.message, params: r.error.params ?? {} };
      cards.push(r.value);
    }
    const ranked = scorecardList(rankScorecards(cards));
    return { kind: 'ready', list: ranked, rows: indices(ranked.count), scope: 'people', heading: this.t.scorecard.title, period: this.period || asOf, previous: null, currency: this.currency, single: false, parentId: null };
  }

  private queryFor(store: QkStore): ScorecardQuery {
    return {
      nodeId: this.node || store.focus.nodeId,
      period: this.period || store.focus.period,
      ...(this.extras ? { extras: this.extras } : {}),
      ...(this.forced ? { options: { profile: this.forced } } : {}),
    };
  }

  private toView(state: PlanState, r: Result<ScorecardRanking>): CardState {
    if (!r.ok) return { kind: 'error', code: r.error.code, message: r.error.message, params: r.error.params ?? {} };
    const v = r.value;
    return {
      kind: 'ready', list: v, rows: indices(v.count), scope: `${v.nodeId}|${v.period}`, heading: v.nodeName, period: v.period, previous: v.previousPeriod, currency: v.currency,
      single: state.index.byId.get(v.nodeId)?.kind === 'rep', parentId: state.index.parent(v.nodeId), clvUnavailable: v.clvUnavailable,
    };
  }

  private errorMessage(s: Extract<CardState, { kind: 'error' }>): string {
    if (s.code === 'review-node-unknown') return this.t.scorecard.nodeUnknown({ node: String(s.params.node ?? '') });
    return localizeIssue(this.t, s);
  }

  /**
   * Opens a person's card (or, with null, goes back to the list). With a store the shared focus
   * moves to them, so the other widgets follow; a pinned `node` or `people` keeps the choice local.
   */
  private choose(id: string | null): void {
    const store = this.activeStore;
    if (!this.people && store && (id !== null || !this.selected)) {
      store.setFocus({ nodeId: id });
      this.dispatchEvent(new QkFocusChangeEvent(store.focus));
    }
    this.selected = this.people || this.node ? (id ?? '') : '';
  }

  /** Downloads every person's scorecard (the ranking and the KPI lines) as CSV or .xlsx; resolves to the file name. */
  async exportAs(format: ExportFormat): Promise<string | null> {
    const s = this.cardState;
    if (s?.kind !== 'ready' || !s.list.count) return null;
    const t = this.t.scorecard;
    // Every person's full scorecard, built now (the list holds the ranking as numbers), in slices.
    const cards = await new Promise<RankedScorecard[]>((resolve, reject) => {
      new StepRunner(scorecardCardsSteps(s.list, s.rows), { progress: () => {}, done: resolve, fail: reject });
    });
    return exportTables(() => scorecardTables(cards, t, s.currency, t.title), format, `scorecard-${s.scope === 'people' ? s.period : s.scope}`);
  }

  private setProfile(e: Event): void {
    this.profile = (e.target as HTMLInputElement).value as QkScorecard['profile'];
  }

  // ---- formatting ---------------------------------------------------------------------------

  private score(v: number | null): string {
    return v === null ? '—' : formatNumber(v, this.locale, { min: 1, max: 1 });
  }

  private kpiValue(kpi: ScorecardKpiId, v: number | null, currency: string): string {
    if (v === null) return '—';
    if (MONEY_KPIS.includes(kpi)) return formatMoney(Math.round(v), { currency, locale: this.locale, compact: true });
    if (RATIO_KPIS.includes(kpi)) return formatPercent(v, this.locale);
    return formatCount(Math.round(v * 10) / 10, this.locale);
  }

  private trend(c: RankedScorecard, previous: string | null): TemplateResult {
    const t = this.t.scorecard;
    if (c.trend === null) return html`<span part="trend" class="trend muted">${t.noTrend}</span>`;
    const dir = c.trend > 0 ? 'up' : c.trend < 0 ? 'down' : 'flat';
    const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '■';
    const signed = formatNumber(c.trend, this.locale, { min: 1, max: 1, signed: true });
    const delta = /[+−]/.test(signed) ? signed : `±${signed}`;
    return html`<span part="trend" class=${`trend ${dir}`}><span aria-hidden="true">${arrow} </span>${t.trend({ delta, previous: previous ?? this.score(c.previousScore) })}</span>`;
  }

  // ---- render -------------------------------------------------------------------------------

  protected override render() {
    const s = this.cardState;
    if (!s) return this.renderStatus() ?? html`<div part="state empty" class="qk-state" role="status">${this.t.common.noData}</div>`;
    if (s.kind === 'error') {
      return html`<div part="state error" class="qk-state qk-error" role="alert"><strong>${this.t.common.errorTitle}</strong><p>${this.errorMessage(s)}</p></div>`;
    }
    if (s.kind === 'working') {
      return html`<div part="state loading" class="qk-state" role="status" aria-live="polite" aria-busy="true">
        <span class="qk-spinner" aria-hidden="true"></span>${this.t.common.loading}
        <progress part="progress" max=${s.total || 1} .value=${s.done} aria-label=${this.t.common.loading}></progress>
      </div>`;
    }
    const t = this.t.scorecard;
    const at = s.single ? 0 : this.selected ? s.list.indexOf(this.selected) : -1;
    const person = at >= 0 && at < s.list.count ? s.list.cardAt(at) : undefined;
    // People given as `.people` belong to no org node: the title is the element's name and the period.
    const title = person ? t.personHeading({ name: person.name, period: s.period }) : s.scope === 'people' ? s.period : t.teamHeading({ node: s.heading, period: s.period });
    return html`<section part="base" class="base" aria-label=${`${t.title}: ${title}`}>
      <div part="header" class="header">
        <h2 part="title" class="title qk-clamp" title=${`${t.title} · ${title}`}>${t.title} · ${title}</h2>
        <fieldset part="profile-switch" class="switch">
          <legend>${t.profileSwitch}</legend>
          ${(['auto', ...WEIGHT_PROFILE_IDS] as const).map((p) => html`<label>
            <input type="radio" name="profile" .value=${p} .checked=${this.profile === p} @change=${this.setProfile} />
            <span>${p === 'auto' ? t.profileAuto : t.profiles[p]}</span>
          </label>`)}
        </fieldset>
        ${s.list.count ? renderExportButtons(this.t, (f) => void this.exportAs(f)) : nothing}
      </div>
      ${s.list.count === 0
        ? html`<div part="state empty" class="qk-state" role="status">${t.empty}</div>`
        : person ? this.renderPerson(person, s) : this.renderTeam(s)}
    </section>`;
  }

  private renderTeam(s: Extract<CardState, { kind: 'ready' }>): TemplateResult {
    const t = this.t.scorecard;
    // The page's people only are built as full scorecards; the rest of the ranking stays numbers.
    const list = s.list;
    const page = this.pager.view(s.rows, (j) => list.nameAt(j), (j) => list.idAt(j), s.scope);
    const cards = page.items.map((j) => list.cardAt(j));
    return html`${this.pager.render(page, t.pager, this.locale)}
      <div class="qk-table-scroll"><table part="ranking" class="ranking">
        <caption class="qk-visually-hidden">${t.teamHeading({ node: s.heading, period: s.period })}</caption>
        <thead><tr part="row">
          <th scope="col" part="cell">${t.columns.rank}</th><th scope="col" part="cell">${t.columns.name}</th><th scope="col" part="cell">${t.columns.profile}</th>
          <th scope="col" part="cell">${t.columns.score}</th><th scope="col" part="cell">${t.columns.trend}</th>
        </tr></thead>
        <tbody>
          ${cards.map((c) => html`<tr part="row">
            <td part="cell" class="rank">${c.rank === null ? '—' : c.rank}${c.tied ? html` <span class="tied">${t.tied}</span>` : nothing}</td>
            <th scope="row" part="cell" class="name">
              <button part="person" class="link" aria-label=${t.showPerson({ name: c.name })} @click=${() => this.choose(c.id)}><span class="qk-name" title=${c.name}>${c.name}</span></button>
            </th>
            <td part="cell">${t.profiles[c.profile]}</td>
            <td part="cell" class="score-cell">${this.scoreBar(c.score)}<span part="score" class="score">${this.score(c.score)}</span></td>
            <td part="cell">${this.trend(c, s.previous)}</td>
          </tr>`)}
        </tbody>
      </table></div>
      <p part="note" class="note">${t.rules}</p>`;
  }

  private scoreBar(score: number | null): TemplateResult | typeof nothing {
    if (score === null) return nothing;
    return html`<span part="score-bar" class="bar" aria-hidden="true"><span ${cssProps({ 'inline-size': `${Math.min(100, (100 * score) / MAX_SCORE)}%` })}></span></span>`;
  }

  private renderPerson(c: RankedScorecard, s: Extract<CardState, { kind: 'ready' }>): TemplateResult {
    const t = this.t.scorecard;
    const months = c.tenureMonths === null ? '' : formatCount(c.tenureMonths, this.locale);
    const back = this.selected ? null : s.single && !this.node ? s.parentId : null;
    return html`<div class="person">
      <div class="summary">
        <div part="score" class="big" role="img" aria-label=${c.score === null ? t.noScore : t.scoreOf({ score: this.score(c.score), max: formatCount(MAX_SCORE, this.locale) })}>${this.score(c.score)}</div>
        <div>
          <div>${t.profiles[c.profile]} · ${t.profileReason[c.profileReason]({ months })}${c.rank !== null && !s.single ? html` · ${t.columns.rank} ${c.rank}` : nothing}</div>
          ${this.trend(c, s.previous)}
        </div>
        ${back || this.selected
          ? html`<button part="back" class="back" @click=${() => this.choose(back)}>${t.backToTeam}</button>`
          : nothing}
      </div>
      ${c.score === null ? html`<p part="note" class="note">${t.noScore}</p>` : nothing}
      <div class="qk-table-scroll"><table part="kpi-table" class="kpis">
        <caption class="qk-visually-hidden">${t.personHeading({ name: c.name, period: s.period })}</caption>
        <thead><tr part="row">
          <th scope="col" part="cell">${t.columns.kpi}</th><th scope="col" part="cell">${t.columns.weight}</th><th scope="col" part="cell">${t.columns.actual}</th>
          <th scope="col" part="cell">${t.columns.benchmark}</th><th scope="col" part="cell">${t.columns.kpiScore}</th><th scope="col" part="cell">${t.columns.points}</th>
        </tr></thead>
        <tbody>${c.lines.map((l) => this.renderLine(l, s.currency))}</tbody>
      </table></div>
      ${c.missing.length ? html`<p part="note" class="note">${t.missing({ kpis: c.missing.map((k) => t.kpis[k]).join(this.locale === 'zh-CN' ? '、' : ', ') })}</p>` : nothing}
      ${c.missing.includes('clv') && s.clvUnavailable ? html`<p part="note" class="note clv-reason">${t.clvUnavailable[s.clvUnavailable]}</p>` : nothing}
    </div>`;
  }

  private renderLine(l: ScorecardLine, currency: string): TemplateResult {
    const t = this.t.scorecard;
    return html`<tr part="row" class=${l.score === null ? 'missing' : ''}>
      <th scope="row" part="cell">${t.kpis[l.kpi]} <span class="group">${t.groups[l.group]}</span></th>
      <td part="cell">${l.weight}${l.score === null ? '' : html` <span class="muted">(${formatPercent(l.share, this.locale)})</span>`}</td>
      <td part="cell">${this.kpiValue(l.kpi, l.actual, currency)}</td>
      <td part="cell">${this.kpiValue(l.kpi, l.benchmark, currency)}</td>
      <td part="cell" class="score-cell">${this.scoreBar(l.score)}<span>${this.score(l.score)}</span></td>
      <td part="cell">${l.points === null ? '—' : this.score(Math.round(l.points * 10) / 10)}</td>
    </tr>`;
  }
}

declare global {
  // The events of <qk-scorecard>, typed wherever this element is imported (a define module alone included).
  interface HTMLElementEventMap {
    'qk-focus-change': QkFocusChangeEvent;
    'qk-error': QkErrorEvent;
  }
}
