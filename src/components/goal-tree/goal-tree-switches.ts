import { html, nothing, type TemplateResult } from 'lit';
import { METRIC_IDS, type MetricId, type PlanSnapshot, type ProductLine } from '../../engine/plan/model.js';
import type { ViewName } from '../../engine/plan/views.js';
import type { ElementTranslation } from '../../i18n/sections.js';

type Translation = ElementTranslation<'goalTree'>;

/** The view presets of the view switch: the `views` attribute each one sets. */
export const VIEW_PRESETS = {
  targets: '',
  tracking: 'actual attainment',
  sources: 'top-down bottom-up market blended',
} as const;
export type ViewPreset = keyof typeof VIEW_PRESETS;

/** Which preset a `views` attribute is, or null for a host's own column list. */
export function presetOf(views: string): ViewPreset | null {
  const norm = views.trim().split(/\s+/).filter(Boolean).join(' ');
  return (Object.keys(VIEW_PRESETS) as ViewPreset[]).find((k) => VIEW_PRESETS[k] === norm) ?? null;
}

/** The metrics the metric switch offers: revenue and collections, the funnel counts, deal size. */
export const SWITCH_METRICS: readonly MetricId[] = METRIC_IDS.filter((m) => m !== 'winRate' && m !== 'collectionRate');

export interface SwitchesHost {
  views: string;
  metric: MetricId;
  product: string;
}

/** The new-product minimum share control: the share in force, and how a typed one is saved. */
export interface MinNewShareControl {
  value: number;
  save(share: number): void;
}

/**
 * The switches above the goal tree (issue 16 items 1, 3, 4): which view (targets; targets with
 * actual and attainment; the sources of a target — top-down, bottom-up, market, blended — side by
 * side), which metric (revenue, collections, leads, visits, demos, quotes, won deals, deal size),
 * which product line (or all), and the least share new product lines carry when the plan is
 * decomposed. The first three set the element's own public property, so a host sees the same state
 * in its attributes; the share is the plan's (`plan.newProductMinShare`), saved through the store.
 */
export function renderSwitches(host: SwitchesHost, t: Translation, products: readonly ProductLine[], canEdit: boolean, changed: () => void, share?: MinNewShareControl): TemplateResult {
  const g = t.goalTree;
  const preset = presetOf(host.views);
  const set = <K extends keyof SwitchesHost>(k: K, v: SwitchesHost[K]) => {
    host[k] = v;
    changed();
  };
  const money = host.metric === 'revenue' || host.metric === 'collections';
  return html`<div class="switches" part="switches">
    <label part="view-switch"
      >${g.switchView}
      <select @change=${(e: Event) => set('views', VIEW_PRESETS[(e.target as HTMLSelectElement).value as ViewPreset] ?? '')}>
        ${preset === null ? html`<option value="" selected>${g.viewCustom}</option>` : nothing}
        ${(Object.keys(VIEW_PRESETS) as ViewPreset[]).map((k) => html`<option value=${k} ?selected=${preset === k}>${g.viewPresets[k]}</option>`)}
      </select></label
    >
    <label part="metric-switch"
      >${g.switchMetric}
      <select @change=${(e: Event) => {
        const m = (e.target as HTMLSelectElement).value as MetricId;
        // Product lines split money only: a count metric shows the product-free totals.
        if (m !== 'revenue' && m !== 'collections') host.product = '';
        set('metric', m);
      }}>
        ${SWITCH_METRICS.map((m) => html`<option value=${m} ?selected=${host.metric === m}>${t.metrics[m] ?? m}</option>`)}
      </select></label
    >
    ${products.length > 0
      ? html`<label part="product-switch"
          >${g.switchProduct}
          <select ?disabled=${!money} @change=${(e: Event) => set('product', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${host.product === ''}>${g.allProducts}</option>
            ${products.map((p) => html`<option value=${p.id} ?selected=${host.product === p.id}>${p.new ? g.newProduct({ name: p.name }) : p.name}</option>`)}
          </select></label
        >`
      : nothing}
    ${canEdit && share && products.some((p) => p.new)
      ? html`<label part="min-new-share"
          >${g.minNewShare}
          <input
            type="number"
            min="0"
            max="100"
            step="1"
            inputmode="numeric"
            .value=${String(Math.round(share.value * 1000) / 10)}
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              const v = Number(input.value);
              if (input.value.trim() === '' || !Number.isFinite(v) || v < 0 || v > 100) {
                input.setCustomValidity(g.minNewShareInvalid);
                input.reportValidity();
                return;
              }
              input.setCustomValidity('');
              share.save(v / 100);
            }}
          />%</label
        >`
      : nothing}
  </div>`;
}

/**
 * The planning inputs of the data for the views: reps' commitments for the fiscal year (this
 * metric), market size/share (this product, or the product-free entries), and the blend — the
 * data's own entries win over the element's `market` / `blendWeights` properties.
 */
export function planInputsFor(
  snap: PlanSnapshot,
  metric: MetricId,
  product: string,
  market: Readonly<Record<string, { size: number; share: number }>> | undefined,
  blend: Partial<Record<ViewName, number>> | undefined,
): { market?: Record<string, { size: number; share: number }>; blend?: Partial<Record<ViewName, number>>; commitments?: Record<string, number> } {
  const fy = `FY${snap.plan.fiscalYear}`;
  const m: Record<string, { size: number; share: number }> = { ...market };
  for (const x of snap.market ?? []) if ((x.product ?? '') === product) m[x.nodeId] = { size: x.size, share: x.share };
  const c: Record<string, number> = {};
  for (const x of snap.commitments ?? []) if (x.period === fy && x.metric === metric && !product) c[x.nodeId] = x.value;
  const b = snap.blend ?? blend;
  return {
    ...(Object.keys(m).length ? { market: m } : {}),
    ...(b ? { blend: b } : {}),
    ...(Object.keys(c).length ? { commitments: c } : {}),
  };
}
