import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { QkElement } from '../../internal/qk-element.js';
import { baseStyles } from '../../theme/base-styles.js';
import { adapterContext } from '../../context/keys.js';
import type { CrmAdapter } from '../../adapter/adapter.js';
import { canEditIncentivePlan } from '../../engine/incentive/access.js';
import { parseCommissionPlan, payoutCurve, SAMPLE_COMMISSION_PLAN, type CommissionPlan } from '../../engine/incentive/commission.js';
import { formatMoney, formatPercent } from '../../engine/money/money.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import { toStoreError } from '../../store/errors.js';
import { incentiveStrings } from '../../i18n/loaders/incentive.js';
import { layoutCurve } from '../incentive-calculator/incentive-calculator.layout.js';
import { formOf, planOf, type PlanForm } from './plan-form.js';
import { QkIncentivePlanSaveEvent } from '../../events/qk-incentive-plan-save.js';
import { savedIncentivePlan, type SavedPlanState } from '../../internal/saved-incentive-plan.js';
import { DEFAULT_TIMEOUT_MS, withTimeout } from '../../store/timeout.js';

const PREVIEW_TARGET = 10_000_000;
const CHART = { width: 480, height: 200 };

/**
 * The commission plan editor (提成方案): tiers, gate, decelerator, cap, new-product multiplier and
 * bonus, mentoring credit. Every field keeps what was typed; a bad one says why beside it, in the
 * user's language, and the rest of the plan still previews. The payout curve for a ¥100,000 target
 * is drawn live (the calculator's layout). Save goes through the adapter's `saveIncentivePlan`,
 * from the version loaded; only finance or an admin may (the rule is named otherwise), and the
 * adapter and server check again from the signed-in identity.
 *
 * @tag qk-incentive-plan-editor
 * @summary Edit, validate, preview and save the commission plan.
 *
 * @csspart form - The form.
 * @csspart field - One labelled input.
 * @csspart error - A field's validation message.
 * @csspart chart - The payout curve preview.
 * @csspart save - The save button.
 * @csspart message - The outcome of a save, or why saving is not offered.
 *
 * @fires qk-incentive-plan-save - The adapter saved the plan (its new version and the plan); calculators on the same provider pay on it at once.
 * @fires qk-error - A save was refused or failed.
 */
export class QkIncentivePlanEditor extends QkElement<'incentive'> {
  protected override get strings() {
    return incentiveStrings;
  }

  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      form { display: grid; gap: var(--qk-space-2, 8px); }
      .row { display: flex; flex-wrap: wrap; gap: var(--qk-space-2, 8px); align-items: end; }
      label { display: grid; gap: 2px; font-size: 0.92em; }
      input { font: inherit; width: 9em; }
      [part~='error'] { color: var(--qk-color-danger, #b42318); margin: 0; font-size: 0.88em; }
      input[aria-invalid='true'] { border-color: var(--qk-color-danger, #b42318); }
      svg { width: 100%; max-width: 480px; height: auto; }
      .curve { fill: none; stroke: var(--qk-color-primary, #2563eb); stroke-width: 2; }
      .axis text { font-size: 10px; fill: currentColor; }
    `,
  ];

  /** The adapter to load and save through; defaults to the provider's. */
  @property({ attribute: false }) adapter?: CrmAdapter;

  @consume({ context: adapterContext, subscribe: true })
  @state()
  protected contextAdapter?: CrmAdapter;

  @state() private form: PlanForm = formOf(SAMPLE_COMMISSION_PLAN);
  @state() private version = 0;
  @state() private busy = false;
  @state() private message: { kind: 'info' | 'error'; text: string } | null = null;
  private loadedFrom?: CrmAdapter;
  private stopFollowing?: () => void;
  /** Where loading the adapter's plan stands (`none`: it keeps none, the sample plan is shown). */
  @state() private planStatus: SavedPlanState['status'] = 'none';
  @state() private loadError = '';

  private get activeAdapter(): CrmAdapter | undefined {
    return this.adapter ?? this.contextAdapter;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed as never);
    const a = this.activeAdapter;
    if (a !== this.loadedFrom) this.follow(a);
  }

  /** Edits the plan `adapter` keeps: the shared one the calculators on that adapter pay on. */
  private follow(adapter: CrmAdapter | undefined): void {
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.loadedFrom = adapter;
    if (!adapter) return;
    const source = savedIncentivePlan(adapter);
    const take = () => {
      const s = source.state;
      if (this.loadedFrom !== adapter) return;
      this.planStatus = s.status;
      this.loadError = s.status === 'error' ? this.reportError(toStoreError(s.error, 'load-failed'), 'adapter') : '';
      if (s.status !== 'ready' || s.version === this.version) return;
      const parsed = parseCommissionPlan(s.plan);
      if (parsed.ok) this.form = formOf(parsed.value);
      this.version = s.version;
    };
    this.stopFollowing = source.subscribe(take);
    take();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.loadedFrom = undefined;
  }

  private set(patch: Partial<PlanForm>): void {
    this.form = { ...this.form, ...patch };
    this.message = null;
  }

  private async save(): Promise<void> {
    const t = this.t.incentive.planEditor;
    const built = planOf(this.form);
    if (!built.plan || Object.keys(built.errors).length) {
      this.message = { kind: 'error', text: t.fixErrors({ count: Object.keys(built.errors).length }) };
      return;
    }
    const a = this.activeAdapter;
    if (!a?.saveIncentivePlan) return;
    this.busy = true;
    try {
      const send = () => a.saveIncentivePlan!({ baseVersion: this.version, plan: built.plan as unknown as Record<string, unknown> });
      // Under the provider's timeout (\`timeout-ms\`), like every adapter call: a host that never answers ends in \`timeout\`.
      const store = this.activeStore as { callAdapter?: <T>(op: string, run: () => Promise<T>) => Promise<T> } | undefined;
      const r = await (store?.callAdapter ? store.callAdapter('saveIncentivePlan', send) : withTimeout('saveIncentivePlan', DEFAULT_TIMEOUT_MS, send));
      this.version = r.version;
      // Every calculator on this adapter pays on the saved plan from now on.
      savedIncentivePlan(a).saved({ version: r.version, plan: built.plan as unknown as Record<string, unknown> });
      this.message = { kind: 'info', text: t.saved({ version: r.version }) };
      this.dispatchEvent(new QkIncentivePlanSaveEvent({ version: r.version, plan: built.plan }));
    } catch (e) {
      const err = toStoreError(e, 'save-failed');
      this.message = { kind: 'error', text: this.reportError(err, 'adapter') };
    } finally {
      this.busy = false;
    }
  }

  private field(key: keyof Omit<PlanForm, 'tiers'>, label: string, errors: Record<string, string>, optional = true): TemplateResult {
    const err = errors[key];
    return html`<label part="field">${label}${optional ? html` <small class="muted">(${this.t.incentive.planEditor.optional})</small>` : nothing}
      <input name=${key} inputmode="decimal" .value=${this.form[key]} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `${key}-error` : nothing}
        @input=${(e: Event) => this.set({ [key]: (e.target as HTMLInputElement).value } as Partial<PlanForm>)} />
      ${err ? html`<p part="error" id="${key}-error">${err}</p>` : nothing}</label>`;
  }

  protected override render(): TemplateResult {
    // No source at all, or data (a provider's store) that is loading or bad: the shared states.
    if (this.activeStore || this.data || !this.activeAdapter) {
      const status = this.renderStatus();
      if (status) return status;
    }
    if (this.planStatus === 'loading') {
      return html`<div part="state loading" class="qk-state" role="status" aria-live="polite" aria-busy="true"><span class="qk-spinner" aria-hidden="true"></span>${this.t.common.loading}</div>`;
    }
    if (this.planStatus === 'error') {
      return html`<div part="state error" class="qk-state qk-error" role="alert"><strong>${this.t.common.errorTitle}</strong><p>${this.loadError}</p></div>`;
    }
    const t = this.t.incentive.planEditor;
    const built = planOf(this.form);
    const errors = Object.fromEntries(Object.entries(built.errors).map(([k, e]) => [k, e.kind === 'number' ? t.invalidNumber : e.kind === 'range' ? t.outOfRange({ max: e.max! }) : e.kind === 'first' ? t.firstTierZero : e.kind === 'rise' ? t.tiersRise : e.text ?? '']));
    const store = this.activeStore;
    const user = store?.user ?? null;
    const may = user ? canEditIncentivePlan(user) : null;
    const f = this.form;
    return html`<section aria-labelledby="title">
      <h3 id="title">${t.title}</h3>
      <form part="form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.save())}>
        <fieldset><legend>${t.tiers}</legend>
          ${f.tiers.map((tier, i) => html`<div class="row tier">
            ${(['from', 'rate'] as const).map((k) => {
              const key = `tiers.${i}.${k}`;
              const err = errors[key];
              return html`<label part="field">${k === 'from' ? t.tierFrom : t.tierRate}
                <input name=${key} inputmode="decimal" .value=${tier[k]} aria-invalid=${err ? 'true' : 'false'}
                  @input=${(e: Event) => this.set({ tiers: f.tiers.map((x, j) => (j === i ? { ...x, [k]: (e.target as HTMLInputElement).value } : x)) })} />
                ${err ? html`<p part="error">${err}</p>` : nothing}</label>`;
            })}
            ${f.tiers.length > 1 ? html`<button type="button" @click=${() => this.set({ tiers: f.tiers.filter((_, j) => j !== i) })}>${t.removeTier({ n: i + 1 })}</button>` : nothing}
          </div>`)}
          <button type="button" class="add-tier" @click=${() => this.set({ tiers: [...f.tiers, { from: '', rate: '' }] })}>${t.addTier}</button>
        </fieldset>
        <div class="row">${this.field('threshold', t.threshold, errors)}${this.field('deceleratorFloor', t.deceleratorFloor, errors)}${this.field('deceleratorFactor', t.deceleratorFactor, errors)}</div>
        <div class="row">${this.field('capRatio', t.capRatio, errors)}${this.field('capAmount', t.capAmount, errors)}</div>
        <div class="row">${this.field('newProductMultiplier', t.newProductMultiplier, errors)}${this.field('newProductBonusShare', t.newProductBonusShare, errors)}${this.field('newProductBonusAmount', t.newProductBonusAmount, errors)}</div>
        <div class="row">${this.field('mentoringShare', t.mentoringShare, errors)}${this.field('mentoringCap', t.mentoringCap, errors)}</div>
        ${built.plan ? this.renderPreview(built.plan) : nothing}
        ${may && !may.allowed ? html`<p part="message" class="muted">${localizeIssue(this.t, { code: may.reason, message: may.reason, params: may.params })}</p>` : nothing}
        ${this.message ? html`<p part="message" class=${this.message.kind} role=${this.message.kind === 'error' ? 'alert' : 'status'}>${this.message.text}</p>` : nothing}
        <button part="save" class="primary" type="submit" ?disabled=${this.busy || !this.activeAdapter?.saveIncentivePlan || (may !== null && !may.allowed)}>${this.busy ? t.saving : t.save}</button>
      </form>
    </section>`;
  }

  private renderPreview(plan: CommissionPlan): TemplateResult | typeof nothing {
    const t = this.t.incentive.planEditor;
    const points = payoutCurve(plan, PREVIEW_TARGET);
    if (!points.ok) return nothing;
    const currency = this.activeStore?.plan?.currency ?? 'CNY';
    const money = (v: number) => formatMoney(v, { currency, locale: this.locale });
    const g = layoutCurve(points.value, plan.tiers, CHART);
    const rows = points.value.filter((p, i) => points.value[i + 1]?.attainment !== p.attainment);
    return html`<figure part="chart" aria-label=${t.preview({ target: money(PREVIEW_TARGET) })}>
      <figcaption>${t.preview({ target: money(PREVIEW_TARGET) })}</figcaption>
      <svg viewBox="0 0 ${g.width} ${g.height}" aria-hidden="true">
        ${g.xTicks.map((k) => svg`<text class="axis" x=${k.x} y=${g.plot.bottom + 16} text-anchor="middle">${formatPercent(k.value, this.locale, 0)}</text>`)}
        <path class="curve" d=${g.path}></path>
      </svg>
      <table class="qk-visually-hidden preview-table"><caption>${t.previewTable}</caption>
        <tbody>${rows.map((p) => html`<tr><td>${formatPercent(p.attainment, this.locale)}</td><td>${money(p.payout)}</td></tr>`)}</tbody>
      </table>
    </figure>`;
  }
}
