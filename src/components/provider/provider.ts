import { LitElement, html, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { adapterContext, localeContext, storeContext } from '../../context/keys.js';
import { QkStore } from '../../store/store.js';
import { browserPendingStorage } from '../../internal/web-pending-storage.js';
import type { CrmAdapter } from '../../adapter/adapter.js';
import type { QkLocale } from '../../i18n/types.js';
import { getTranslation, normalizeLocale, resolveLocale } from '../../i18n/localize.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import { QkErrorEvent } from '../../events/qk-error.js';
import { VERSION } from '../../internal/version.js';

/**
 * Holds the adapter, the shared store and the locale for every `qk-*` element inside it. Widgets
 * under one provider share one store: an edit or a selection in one updates the others. Shows
 * nothing itself but its slot.
 *
 * @tag qk-provider
 * @summary The shared engine state and locale of a QuotaKit dashboard.
 * @slot - The dashboard: any markup with `qk-*` elements anywhere inside.
 * @fires qk-error - The adapter failed to load or save (with a localized message and the bad paths).
 */
export class QkProvider extends LitElement {
  static qkVersion = VERSION;

  static override styles = css`
    /* Important: a page's \`* { all: unset }\` or \`* { display: inline }\` must not give the provider a box. */
    :host {
      display: contents !important;
    }
    :host([hidden]) {
      display: none !important;
    }
  `;

  /** The adapter to the host CRM. Setting it (re)loads the plan. */
  @provide({ context: adapterContext })
  @property({ attribute: false })
  adapter?: CrmAdapter;

  /** The provider's own language; used as the locale when `locale` is not set. */
  @property({ reflect: true }) override lang = '';

  /** The locale for the elements inside (`en`, `zh-CN`); an element's own `lang` wins. Defaults to the provider's `lang`, then `<html lang>`. */
  @property({ reflect: true }) locale = '';

  /** The day the dashboard treats as today (`YYYY-MM-DD`), for demos and tests; defaults to the real date. */
  @property({ attribute: 'as-of' }) asOf = '';

  /**
   * Zero-code dashboards: with no `adapter` set, load the built-in sample company (星辰科技) into a
   * MemoryAdapter. The generator is loaded on demand, so pages that set an adapter never download it.
   */
  @property({ type: Boolean, reflect: true }) sample = false;

  /** Save edits automatically after this many milliseconds of quiet; `0` saves only on request. */
  @property({ type: Number, attribute: 'autosave-ms' }) autosaveMs = 800;

  /** Every adapter call fails with `timeout` after this many milliseconds (the edits are kept and retried). */
  @property({ type: Number, attribute: 'timeout-ms' }) timeoutMs = 30_000;

  @provide({ context: localeContext })
  protected providedLocale?: QkLocale;

  /** The shared store (plan, targets, actuals, pending edits, undo, focus). */
  @provide({ context: storeContext })
  store: QkStore = new QkStore({ pendingStorage: browserPendingStorage() });

  private reported?: unknown;
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private watchStore(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.store.subscribe((s, change) => {
      const err = change === 'status' ? s.error : change === 'save' ? s.saveError : null;
      if (err && err !== this.reported) {
        this.reported = err;
        const t = getTranslation(resolveLocale(this.providedLocale, globalThis.document?.documentElement.lang));
        this.dispatchEvent(
          new QkErrorEvent({ code: err.code, message: localizeIssue(t, err), source: 'adapter', ...(err.issues ? { issues: err.issues } : {}) }),
        );
      }
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || changed.has('lang')) {
      this.providedLocale = normalizeLocale(this.locale) ?? normalizeLocale(this.lang);
    }
    if (changed.has('asOf') || changed.has('autosaveMs') || changed.has('timeoutMs')) {
      this.store.configure({ asOf: this.asOf || undefined, autosaveMs: this.autosaveMs > 0 ? this.autosaveMs : false, timeoutMs: this.timeoutMs > 0 ? this.timeoutMs : undefined });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('adapter') && (this.adapter || !this.sample)) void this.store.connect(this.adapter ?? null);
    else if (changed.has('sample') && this.sample && !this.adapter) void this.connectSample();
  }

  private async connectSample(): Promise<void> {
    this.store.setLoading();
    const [{ generateSampleCompany }, { MemoryAdapter }] = await Promise.all([
      import('../../sample/sample-data.js'),
      import('../../adapter/memory-adapter.js'),
    ]);
    if (this.adapter || !this.sample) return;
    const { plan, actuals } = generateSampleCompany(this.store.asOf ? { asOf: this.store.asOf } : {});
    this.adapter = new MemoryAdapter(plan, actuals);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  // The events of <qk-provider>, typed wherever this element is imported (a define module alone included).
  interface HTMLElementEventMap {
    'qk-error': QkErrorEvent;
  }
}
