import { html, nothing, type TemplateResult } from 'lit';
import { pace } from '../../engine/pace/pace.js';
import { assessStatus, type Status } from '../../engine/pace/status.js';
import { actualFunnel, plannedFunnel } from '../../engine/funnel/plan-funnel.js';
import { diagnosePlannedFunnel } from '../../engine/funnel/coverage.js';
import { actualOf, type PlanState } from '../../engine/plan/plan-state.js';
import type { FiscalCalendar, MetricId } from '../../engine/plan/model.js';
import type { OrgIndex } from '../../engine/plan/rollup.js';
import { formatCount, formatPercent } from '../../engine/money/money.js';
import { attainment, type GridReader } from './goal-tree.model.js';
import type { GoalTreeView } from './goal-tree.view.js';

/** Cards at most per team (a larger team is read in the full table). */
export const MAX_CARDS = 60;

/** One person (or sub-team) card: the figures of the fiscal year, as the table's total column shows them. */
export interface PersonCard {
  id: string;
  name: string;
  /** A sub-team the user can open. */
  team: boolean;
  target: number | undefined;
  actual: number | undefined;
  /** target − actual (negative when over target); undefined without both. */
  gap: number | undefined;
  attainment: number | null;
  /** The pace verdict of the year to date; null without a target. */
  status: Status | null;
  /**
   * Where the funnel falls furthest below plan, revenue only: lead volume (`{ stage }`), a
   * conversion (`{ stage, next }`) or the average deal size; null when on plan or unknown.
   */
  bottleneck: { stage: string; next: string | null } | 'deal-size' | null;
}

export interface CardsInput {
  state: PlanState;
  index: OrgIndex;
  reader: GridReader;
  /** Actuals by node for `period` (the table's actual column: `gridActuals`). */
  actuals: ReadonlyMap<string, number> | null;
  metric: MetricId;
  /** The fiscal year, `FY2026`. */
  period: string;
  calendar: FiscalCalendar;
  asOf: string;
}

/**
 * The cards of one team: each child of `parentId` (the roots when null) with its target, actual,
 * gap, attainment, pace status and funnel bottleneck for the year. Target and actual come from the
 * same reader and actuals as the table, so the figures agree cell for cell.
 */
export function personCards(input: CardsInput, parentId: string | null): { cards: PersonCard[]; more: number } {
  const { index, reader, metric, period, calendar, asOf, state } = input;
  const ids = parentId === null ? index.roots : index.children(parentId);
  const cards = ids.slice(0, MAX_CARDS).map((id): PersonCard => {
    const node = index.byId.get(id)!;
    const target = reader.value(id, period);
    const actual = input.actuals?.get(id);
    const gap = target !== undefined && actual !== undefined ? target - actual : undefined;
    let status: Status | null = null;
    if (target !== undefined && target > 0 && actual !== undefined && Number.isSafeInteger(actual) && actual >= 0) {
      const p = pace({ target, actual, period, asOf, calendar });
      if (p.ok) {
        const v = p.value;
        status = assessStatus({
          paceIndex: v.paceIndex,
          forecastRatio: null,
          elapsedShare: v.totalWorkingDays > 0 ? v.elapsedWorkingDays / v.totalWorkingDays : null,
          attainment: v.attainment,
        }).status;
      }
    }
    return {
      id,
      name: node.name,
      team: node.kind !== 'rep',
      target,
      actual,
      gap,
      attainment: attainment(actual, target),
      status,
      bottleneck: metric === 'revenue' ? bottleneckOf(state, id, period) : null,
    };
  });
  return { cards, more: Math.max(0, ids.length - MAX_CARDS) };
}

function bottleneckOf(state: PlanState, id: string, period: string): PersonCard['bottleneck'] {
  if (state.stages.length < 2) return null;
  const planned = plannedFunnel(state, id, period);
  const counts = actualFunnel(state, id, period);
  if (!planned.ok || !counts) return null;
  const revenue = actualOf(state, id, period, 'revenue') ?? 0;
  const d = diagnosePlannedFunnel(planned.value, state.stages.map((s) => s.id), { counts, revenue });
  const finding = d?.diagnosis.ok ? d.diagnosis.value.finding : null;
  if (!finding) return null;
  if (finding.kind === 'deal-size') return 'deal-size';
  return finding.rateVsPlan === null ? { stage: finding.stageId, next: null } : { stage: finding.stageId, next: finding.nextStageId };
}

export interface CardsHost {
  view: GoalTreeView;
  state(): PlanState | null;
  actuals(period: string): ReadonlyMap<string, number> | null;
  /** Opens a sub-team (loads its members when the store has not got them yet). */
  open(id: string | null): void;
  /** Leaves the cards for the full table. */
  showTable(): void;
}

/**
 * The goal tree on a narrow container (a phone, a side panel): the people of one team as cards,
 * the way a CRM's mobile app lists a team, with a breadcrumb back up. A list of listitems; a
 * sub-team's name is a button that opens it. Editing stays in the full table (one button away).
 */
export class PeopleCards {
  /** The team shown; null for the top of the org. */
  parent: string | null = null;

  constructor(private readonly host: CardsHost) {}

  render(fiscalYear: number): TemplateResult | typeof nothing {
    const v = this.host.view;
    const index = v.index();
    const reader = v.reader();
    const state = this.host.state();
    const s = v.store();
    if (!index || !reader || !state || !s?.snapshot) return nothing;
    if (this.parent !== null && !index.byId.has(this.parent)) this.parent = null;
    // One root (the company): its people first, the way a team app opens.
    const parent = this.parent ?? (index.roots.length === 1 ? index.roots[0] : null);
    const period = `FY${fiscalYear}`;
    const t = v.t().goalTree.cards;
    const { cards, more } = personCards(
      { state, index, reader, actuals: this.host.actuals(period), metric: v.metric(), period, calendar: s.snapshot.plan.calendar, asOf: state.asOf },
      parent,
    );
    const trail = parent === null ? [] : [...index.ancestors(parent)].reverse().concat(parent);
    const teamName = parent === null ? v.t().goalTree.org : v.nameOf(parent);
    return html`<div class="cards-view" part="cards-view">
      <div class="cards-bar">
        ${trail.length > 1 || (trail.length === 1 && index.roots.length > 1)
          ? html`<nav class="crumbs" part="breadcrumb" aria-label=${t.path}>
              <ol>
                ${index.roots.length > 1 ? html`<li><button part="crumb" @click=${() => this.host.open(null)}>${v.t().goalTree.org}</button></li>` : nothing}
                ${trail.map((id, i) =>
                  i === trail.length - 1
                    ? html`<li><span aria-current="page" class="qk-name" title=${v.nameOf(id)}>${v.nameOf(id)}</span></li>`
                    : html`<li><button part="crumb" @click=${() => this.host.open(id)}><span class="qk-name" title=${v.nameOf(id)}>${v.nameOf(id)}</span></button></li>`,
                )}
              </ol>
            </nav>`
          : nothing}
        <button class="to-table" part="show-table" @click=${() => this.host.showTable()}>${t.showTable}</button>
      </div>
      <ul class="cards" part="cards" tabindex="-1" aria-label=${t.team({ name: teamName })}>
        ${cards.map((c) => this.renderCard(c, t))}
      </ul>
      ${more > 0 ? html`<p class="more" part="more">${t.more({ count: formatCount(more, v.locale()) })}</p>` : nothing}
    </div>`;
  }

  private renderCard(c: PersonCard, t: ReturnType<GoalTreeView['t']>['goalTree']['cards']): TemplateResult {
    const v = this.host.view;
    const name = html`<span class="qk-name" title=${c.name}>${c.name}</span>`;
    const b = c.bottleneck;
    const stage = b === null ? null : b === 'deal-size' ? t.dealSize : b.next === null ? this.stageName(b.stage) : `${this.stageName(b.stage)} → ${this.stageName(b.next)}`;
    return html`<li class="card" part="card" data-id=${c.id}>
      <div class="card-head">
        ${c.team
          ? html`<button class="open" part="open-team" aria-label=${t.openTeam({ name: c.name })} @click=${() => this.host.open(c.id)}>${name}<span aria-hidden="true" class="chev">›</span></button>`
          : html`<strong class="who">${name}</strong>`}
        ${c.status ? html`<span class="status ${c.status}" part="status">${t.status[c.status]}</span>` : nothing}
      </div>
      <dl class="figs">
        <div><dt>${t.target}</dt><dd part="card-target">${v.fmt(c.target)}</dd></div>
        <div><dt>${t.actual}</dt><dd part="card-actual">${v.fmt(c.actual)}</dd></div>
        <div><dt>${t.gap}</dt><dd part="card-gap">${v.fmt(c.gap)}</dd></div>
        <div><dt>${t.attainment}</dt><dd part="card-attainment">${formatPercent(c.attainment, v.locale())}</dd></div>
        ${stage ? html`<div class="wide"><dt>${t.bottleneck}</dt><dd part="card-bottleneck">${stage}</dd></div>` : nothing}
      </dl>
    </li>`;
  }

  private stageName(id: string): string {
    const st = this.host.state()?.stages.find((s) => s.id === id);
    const name = st?.name as string | Partial<Record<string, string>> | undefined;
    if (typeof name === 'string') return name;
    return name?.[this.host.view.locale()] ?? name?.en ?? id;
  }
}

// Kept in their own module: the element adopts them up front, the cards above come by import().
export { cardStyles } from './goal-tree.cards.styles.js';
