import { html, nothing, type TemplateResult } from 'lit';
import { checkRamp, DEFAULT_RAMP, type RampStep } from '../../engine/plan/ramp.js';
import type { ElementTranslation } from '../../i18n/sections.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import type { QkStore } from '../../store/store.js';

type Translation = ElementTranslation<'goalTree'>;

/** What the ramp editor needs from the element. */
export interface RampEditorHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  requestUpdate(): void;
}

/**
 * The ramp curve (爬坡) of one rep, under the inputs form (issue 16 item 2): tenure-month steps
 * and the share of a full target in each, starting from the rep's own curve or the default
 * 30% / 60% / 100%. Saved through the store's `saveInputs` (the adapter; a manager of the rep or an
 * admin), after `checkRamp`. The decomposition and the capacity split read the saved curve
 * (`rampOf`), so distributing the team again re-splits its targets with it.
 */
export class RampEditor {
  message = '';
  error = false;
  /** Steps being edited (added or removed rows) for `nodeId`, before a save. */
  private draft: { nodeId: string; steps: RampStep[] } | null = null;
  constructor(private readonly host: RampEditorHost) {}

  render(o: { t: Translation; store: QkStore; nodeId: string; name: string }): TemplateResult {
    const g = o.t.goalTree;
    const node = o.store.snapshot?.org.find((n) => n.id === o.nodeId);
    if (!node) return html``;
    if (this.draft && this.draft.nodeId !== o.nodeId) {
      this.draft = null;
      this.message = '';
    }
    const own = node.ramp && node.ramp.length > 0;
    const steps = this.draft?.steps ?? (own ? node.ramp! : DEFAULT_RAMP).map((s) => ({ ...s }));
    const read = (): RampStep[] =>
      [...this.host.renderRoot.querySelectorAll<HTMLElement>('[part~="ramp-step"]')].map((row) => {
        const v = (part: string) => Number(row.querySelector<HTMLInputElement>(`[part~="${part}"]`)?.value ?? NaN);
        return { fromMonth: v('ramp-from'), toMonth: v('ramp-to'), factor: v('ramp-factor') / 100 };
      });
    const edit = (steps: RampStep[]) => {
      this.draft = { nodeId: o.nodeId, steps };
      this.host.requestUpdate();
    };
    const save = async (steps: RampStep[]) => {
      const c = checkRamp(steps);
      if (!c.ok) {
        this.message = localizeIssue(o.t, c.error);
        this.error = true;
        this.host.requestUpdate();
        return;
      }
      const err = await o.store.saveInputs({ ramps: [{ nodeId: o.nodeId, steps }] });
      this.message = err ? localizeIssue(o.t, err) : g.rampSaved({ name: o.name });
      this.error = err !== null;
      if (!err) this.draft = null;
      this.host.requestUpdate();
    };
    const pct = (x: number) => String(Math.round(x * 1000) / 10);
    return html`<form class="inputs switches ramp" part="ramp-editor" aria-label=${g.rampTitle({ name: o.name })} @submit=${(e: Event) => { e.preventDefault(); void save(read()); }}>
      <strong>${g.rampTitle({ name: o.name })}</strong> <span part="ramp-kind">${own ? g.rampCustom : g.rampDefault}</span>
      ${steps.map(
        (s, i) => html`<span part="ramp-step">
          <label>${g.rampFrom} <input part="ramp-from" type="number" min="0" max="120" step="1" .value=${String(s.fromMonth)} /></label>
          <label>${g.rampTo} <input part="ramp-to" type="number" min="1" max="120" step="1" .value=${String(s.toMonth)} /></label>
          <label>${g.rampFactor} <input part="ramp-factor" type="number" min="0" max="100" step="1" .value=${pct(s.factor)} /></label>
          <button type="button" part="ramp-remove" aria-label=${`${g.rampRemove} ${i + 1}`} @click=${() => edit(read().filter((_, k) => k !== i))}>×</button>
        </span>`,
      )}
      <button type="button" part="ramp-add" @click=${() => {
        const cur = read();
        const last = cur[cur.length - 1];
        edit([...cur, { fromMonth: last ? last.toMonth : 0, toMonth: (last ? last.toMonth : 0) + 3, factor: 1 }]);
      }}>${g.rampAdd}</button>
      <button type="submit" part="ramp-save">${g.rampSave}</button>
      ${own ? html`<button type="button" part="ramp-reset" @click=${() => void save([])}>${g.rampReset}</button>` : nothing}
      ${this.message ? html`<span role=${this.error ? 'alert' : 'status'} part="ramp-message" class=${this.error ? 'error' : ''}>${this.message}</span>` : nothing}
    </form>`;
  }
}
