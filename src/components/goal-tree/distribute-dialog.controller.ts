import { html, nothing, type TemplateResult } from 'lit';
import type { Result } from '../../engine/shared/result.js';
import { DISTRIBUTE_METHODS, gridActuals, planDistribute, type DistributeMethod, type DistributePreview } from './goal-tree.model.js';
import type { GoalTreeView } from './goal-tree.view.js';
import type { GridEdits } from './grid-edits.controller.js';
import { lockIcon } from './lock-icon.js';

interface DialogState {
  nodeId: string;
  period: string;
  method: DistributeMethod;
  preview: Result<DistributePreview>;
}

/**
 * The distribute dialog (分配) of a parent row: choose a method, see every child's current and
 * proposed target, apply them as one undo step. Renders itself (`render()`, nothing when closed).
 */
export class DistributeDialog {
  private _state: DialogState | null = null;

  constructor(
    private readonly view: GoalTreeView,
    private readonly edits: GridEdits,
  ) {}

  get state(): DialogState | null {
    return this._state;
  }
  private set state(v: DialogState | null) {
    if (v === this._state) return;
    this._state = v;
    this.view.host.requestUpdate();
  }

  /** Opens the dialog for the parent at `row`, on the period of column `col` (else the fiscal year). */
  open(row: number, col: number): void {
    const v = this.view;
    const r = v.rows().rows[row];
    const s = v.store();
    if (!r || r.kind !== 'node' || !r.expandable || v.readonly() || !s?.snapshot) return;
    const c = v.columns()[col - 1];
    const period = c && (c.kind === 'period' || c.kind === 'total') ? c.period : `FY${s.snapshot.plan.fiscalYear}`;
    this.state = { nodeId: r.id, period, method: 'equal', preview: this.preview(r.id, period, 'equal') };
    void v.host.updateComplete.then(() => {
      const d = (v.host.renderRoot as ShadowRoot).querySelector('dialog');
      if (d && !d.open) d.showModal();
    });
  }

  readonly close = (): void => {
    const v = this.view;
    const d = (v.host.renderRoot as ShadowRoot).querySelector('dialog');
    if (d?.open) d.close();
    this.state = null;
    void v.nav.focusCell(v.nav.row, v.nav.col);
  };

  private preview(nodeId: string, period: string, method: DistributeMethod): Result<DistributePreview> {
    const v = this.view;
    const s = v.store()!;
    const prior = period.replace(/^FY(\d{4})/, (_, y) => `FY${+y - 1}`).replace(/^(\d{4})-(\d{2})$/, (_, y, m) => `${+y - 1}-${m}`);
    const history = method === 'history' || method === 'blend' ? gridActuals(s.actuals, v.index()!, { metric: v.metric(), period: prior, calendar: s.snapshot!.plan.calendar, product: v.product() || null }) : null;
    return planDistribute(v.reader()!, { nodeId, period, method, history, asOf: s.asOf });
  }

  private setMethod(method: DistributeMethod): void {
    const d = this.state;
    if (d) this.state = { ...d, method, preview: this.preview(d.nodeId, d.period, method) };
  }

  private readonly applyDistribute = (): void => {
    const d = this.state;
    if (!d?.preview.ok) return;
    this.edits.apply(d.preview.value.cells, d.preview.value.changes, this.view.t().goalTree.distributeLabel({ name: this.view.nameOf(d.nodeId) }), 'top-down');
    this.close();
  };

  render(): TemplateResult | typeof nothing {
    const d = this.state;
    if (!d) return nothing;
    const v = this.view;
    const t = v.t();
    const total = v.reader()?.value(d.nodeId, d.period);
    const p = d.preview;
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @cancel=${(e: Event) => { e.preventDefault(); this.close(); }}>
      <h2 id="dialog-title">${t.goalTree.distributeTitle({ name: v.nameOf(d.nodeId), period: v.periodLabel(d.period), amount: v.fmt(total) })}</h2>
      <fieldset>
        <legend>${t.goalTree.method}</legend>
        ${DISTRIBUTE_METHODS.map(
          (m) => html`<label><input type="radio" name="method" .checked=${d.method === m} @change=${() => this.setMethod(m)} /> ${t.goalTree.methods[m]}</label>`,
        )}
      </fieldset>
      ${p.ok
        ? html`<table part="preview">
              <thead>
                <tr><th scope="col">${t.goalTree.child}</th><th scope="col">${t.goalTree.current}</th><th scope="col">${t.goalTree.proposed}</th><th scope="col">${t.goalTree.change}</th></tr>
              </thead>
              <tbody>
                ${p.value.children.map((c) => {
                  const delta = c.to - (c.from ?? 0);
                  return html`<tr>
                    <th scope="row">${v.nameOf(c.id)}${c.locked ? html` ${lockIcon}<span class="qk-visually-hidden">${t.goalTree.locked}</span>` : nothing}</th>
                    <td>${v.fmt(c.from)}</td>
                    <td>${v.fmt(c.to)}</td>
                    <td class=${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}>${delta > 0 ? '+' : delta < 0 ? '−' : ''}${v.fmt(Math.abs(delta))}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
            ${p.value.fallbackSources.length
              ? html`<p>${t.goalTree.fallback({ sources: p.value.fallbackSources.map((x) => t.goalTree.methods[x as DistributeMethod] ?? x).join(', ') })}</p>`
              : nothing}`
        : html`<p class="message" role="alert">${this.edits.errorMessage(p.error)}</p>`}
      <div class="actions">
        <button @click=${this.close}>${t.goalTree.cancel}</button>
        <button class="primary" ?disabled=${!p.ok} @click=${this.applyDistribute}>${t.goalTree.apply}</button>
      </div>
    </dialog>`;
  }
}
