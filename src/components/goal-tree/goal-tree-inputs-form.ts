import { html, nothing, type TemplateResult } from 'lit';
import type { MetricId } from '../../engine/plan/model.js';
import type { ElementTranslation } from '../../i18n/sections.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import type { QkStore } from '../../store/store.js';
import { parseCellInput } from './goal-tree.model.js';

type Translation = ElementTranslation<'goalTree'>;

// The inputs form of the sources view, in a module of its own: the goal tree loads it by import()
// when the form is first shown (issue #14).

/** What the inputs form needs from the element. */
export interface InputsFormHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  requestUpdate(): void;
}

/**
 * The inputs behind the sources view, for the selected row: a rep's own commitment for the year,
 * the node's market size and target share, and the blend weights — saved through the store
 * (`saveInputs`: the adapter, with the signed-in user's rights). Amounts are typed as in a cell.
 */
export class InputsForm {
  message = '';
  error = false;
  /** The problems of the last rejected commitments file, one line each (nothing was saved). */
  problems: string[] = [];
  constructor(private readonly host: InputsFormHost) {}

  render(o: { t: Translation; locale: string; store: QkStore; nodeId: string | null; name: string; isRep: boolean; metric: MetricId; product: string; fmtExact: (v: number) => string }): TemplateResult {
    const g = o.t.goalTree;
    const snap = o.store.snapshot;
    if (!snap || o.nodeId === null) return html``;
    const fy = `FY${snap.plan.fiscalYear}`;
    const nodeId = o.nodeId;
    const commit = (snap.commitments ?? []).find((c) => c.nodeId === nodeId && c.period === fy && c.metric === o.metric);
    const market = (snap.market ?? []).find((m) => m.nodeId === nodeId && (m.product ?? '') === o.product);
    const blend = snap.blend ?? { topDown: 0.5, bottomUp: 0.3, market: 0.2 };
    const pct = (x: number) => String(Math.round(x * 1000) / 10);
    const save = async () => {
      const q = (part: string) => this.host.renderRoot.querySelector<HTMLInputElement>(`[part~="${part}"] input`);
      const money = (text: string | undefined) => (text && text.trim() ? parseCellInput(text, { metric: o.metric === 'revenue' || o.metric === 'collections' ? o.metric : 'revenue', currency: snap.plan.currency, locale: o.locale as never }) : null);
      const share = (text: string | undefined) => (text && text.trim() ? Number(text) / 100 : null);
      const c = o.isRep ? money(q('input-commitment')?.value) : null;
      const size = money(q('input-market-size')?.value);
      const sh = share(q('input-market-share')?.value);
      const ws = ['input-blend-top', 'input-blend-bottom', 'input-blend-market'].map((p) => share(q(p)?.value));
      const bad = (c && !c.ok) || (size && !size.ok) || (sh !== null && !(sh >= 0 && sh <= 1)) || ws.some((w) => w !== null && !(w >= 0 && w <= 1)) || (size?.ok ? sh === null : false);
      if (bad) {
        this.message = g.inputsInvalid;
        this.error = true;
        this.host.requestUpdate();
        return;
      }
      const change: Parameters<typeof o.store.saveInputs>[0] = {
        ...(c?.ok ? { commitments: [{ nodeId, period: fy, metric: o.metric, value: c.value }] } : {}),
        ...(size?.ok && sh !== null ? { market: [{ nodeId, ...(o.product ? { product: o.product } : {}), size: size.value, share: sh }] } : {}),
        // The blend is sent only when changed: it is the plan's, so it needs rights over the root.
        ...(ws.every((w) => w !== null) && [blend.topDown, blend.bottomUp, blend.market].some((b, i) => Math.abs(b - ws[i]!) > 1e-9)
          ? { blend: { topDown: ws[0]!, bottomUp: ws[1]!, market: ws[2]! } }
          : {}),
      };
      const err = await o.store.saveInputs(change);
      this.problems = [];
      this.message = err ? localizeIssue(o.t, err) : g.inputsSaved({ name: o.name });
      this.error = err !== null;
      this.host.requestUpdate();
    };
    const importCommitments = async (e: Event) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { readCommitmentsFile } = await import('../../export/import.js');
      const read = readCommitmentsFile(bytes, { snapshot: snap, metric: o.metric });
      if (!read.ok) {
        this.message = localizeIssue(o.t, read.error);
        this.problems = read.errors.map((i) => localizeIssue(o.t, i));
        this.error = true;
        this.host.requestUpdate();
        return;
      }
      // One change, all or nothing: the store (and the host) refuse it whole if one row is not the user's to enter.
      const err = await o.store.saveInputs({ commitments: read.value });
      this.message = err ? localizeIssue(o.t, err) : g.commitmentsImported({ count: read.value.length });
      this.problems = [];
      this.error = err !== null;
      this.host.requestUpdate();
    };
    return html`<form class="inputs switches" part="inputs" aria-label=${g.inputsTitle({ name: o.name })} @submit=${(e: Event) => { e.preventDefault(); void save(); }}>
      <strong>${g.inputsTitle({ name: o.name })}</strong>
      ${o.isRep
        ? html`<label part="input-commitment">${g.commitment} <input type="text" inputmode="decimal" .value=${commit ? o.fmtExact(commit.value) : ''} /></label>`
        : nothing}
      <label part="input-market-size">${g.marketSize} <input type="text" inputmode="decimal" .value=${market ? o.fmtExact(market.size) : ''} /></label>
      <label part="input-market-share">${g.marketShare} <input type="number" min="0" max="100" step="0.1" .value=${market ? pct(market.share) : ''} /></label>
      <span part="input-blend">${g.blendWeights}
        <label part="input-blend-top"><input type="number" min="0" max="100" aria-label=${g.columns['top-down']} .value=${pct(blend.topDown)} /></label>
        <label part="input-blend-bottom"><input type="number" min="0" max="100" aria-label=${g.columns['bottom-up']} .value=${pct(blend.bottomUp)} /></label>
        <label part="input-blend-market"><input type="number" min="0" max="100" aria-label=${g.columns.market} .value=${pct(blend.market)} /></label>
      </span>
      <button type="submit" part="save-inputs">${g.saveInputs}</button>
      <button type="button" part="import-commitments" @click=${() => this.host.renderRoot.querySelector<HTMLInputElement>('input[part~="import-commitments-file"]')?.click()}>${g.importCommitments}</button>
      <input part="import-commitments-file" type="file" hidden accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" @change=${importCommitments} />
      ${this.message ? html`<span role=${this.error ? 'alert' : 'status'} part="inputs-message" class=${this.error ? 'error' : ''}>${this.message}</span>` : nothing}
      ${this.problems.length ? html`<ul part="inputs-problems">${this.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
    </form>`;
  }
}
