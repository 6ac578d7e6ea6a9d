import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext, localeContext } from '../context/keys.js';
import type { QkStore, StoreError } from '../store/store.js';
import type { StoreView } from '../store/read-store.js';
import { getTranslation, loadLocale, localeReady, onTranslationChange, resolveLocale } from '../i18n/localize.js';
import { localizeIssue } from '../i18n/localize-issue.js';
import { issueLine } from '../i18n/issue-line.js';
import type { QkLocale, SectionKey } from '../i18n/types.js';
import type { ElementTranslation, StringSections } from '../i18n/sections.js';
import { QkErrorEvent, type QkErrorDetail } from '../events/qk-error.js';
import { VERSION } from './version.js';
import { firstUpdateBudgetSpent, firstUpdateStarts, nextTask } from './first-updates.js';

/** Data an element can be given directly, without a provider (Storybook, hosts without an adapter). */
export interface QkData {
  plan: unknown;
  actuals?: unknown;
}

/**
 * The validator and the store for `.data`, loaded by the first element given data: `./data-store.ts`
 * (the editing store, for elements that edit) or `./read-data-store.ts` (the read model alone, for
 * display elements: `dataStoreKind = 'read'` and their own `importDataStore`, so that a page without
 * them never references that module). A promise from `feedStore` means the check needs a module
 * still arriving (the element waits for it like for the module itself).
 */
export interface DataStoreModule {
  dataStore(): StoreView;
  feedStore(store: StoreView, data: QkData): StoreError | null | Promise<StoreError | null>;
  preloadValidator?(): Promise<unknown>;
}
export type DataStoreKind = 'edit' | 'read';
const dataStoreModules: Partial<Record<DataStoreKind, DataStoreModule>> = {};
const dataStoreLoading: Partial<Record<DataStoreKind, Promise<DataStoreModule>>> = {};
/**
 * Loads the validator and store of `.data` of elements that edit ahead of time: afterwards an
 * element given data shows it in the same update (server rendering awaits this and
 * `provideDataStore('read', …)`, so it never paints the loading state).
 */
export const preloadDataStore = (): Promise<unknown> => loadDataStore('edit', () => import('./data-store.js')).then((m) => m.preloadValidator?.());
/** Hands over a data module already loaded (server rendering). */
export const provideDataStore = (kind: DataStoreKind, m: DataStoreModule): void => {
  dataStoreModules[kind] = m;
};
/**
 * Where `quotakit/ssr/hydrate` leaves the modules, so a hydrating element renders its figures in its
 * first update instead of the loading state. The hydrate entry must not import this module: that
 * would load lit before Lit's hydration support is installed (bundlers hoist the chunk import above
 * the support's), and every element would draw again.
 */
const PROVIDED = { edit: Symbol.for('quotakit.dataStore'), read: Symbol.for('quotakit.readDataStore') };
const providedDataStore = (kind: DataStoreKind): DataStoreModule | undefined =>
  (globalThis as { [key: symbol]: DataStoreModule | undefined })[PROVIDED[kind]];
const loadDataStore = (kind: DataStoreKind, load: () => Promise<DataStoreModule>): Promise<DataStoreModule> =>
  (dataStoreLoading[kind] ??= Promise.resolve(providedDataStore(kind) ?? load()).then(
    (m) => (dataStoreModules[kind] = m),
    (e) => {
      dataStoreLoading[kind] = undefined;
      throw e;
    },
  ));

// One observer of <html lang> for every mounted element.
const mounted = new Set<LitElement>();
let htmlObserver: MutationObserver | null = null;
function watchDocumentLang(el: LitElement, on: boolean): void {
  if (on) mounted.add(el);
  else mounted.delete(el);
  if (mounted.size && !htmlObserver && typeof MutationObserver !== 'undefined') {
    htmlObserver = new MutationObserver(() => mounted.forEach((e) => e.requestUpdate()));
    htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  } else if (!mounted.size && htmlObserver) {
    htmlObserver.disconnect();
    htmlObserver = null;
  }
}

/**
 * The base of every `qk-*` element: resolves its store (own `store` property → the provider's
 * through context → a private one fed by the `data` property), its locale (own `lang` → the
 * provider's → `<html lang>`), re-renders when either changes, and reports errors as `qk-error`.
 *
 * @cssprop [--qk-display=block] - The element's `display` (it is set with `!important`, so that host
 *   rules such as `* { all: unset }` cannot change an element's layout; choose another display here).
 */
export abstract class QkElementBase<K extends SectionKey = never, S extends StoreView = QkStore> extends LitElement {
  static qkVersion = VERSION;

  /**
   * Which store a standalone element builds from `.data`: `edit`, the editing store (elements that
   * edit: undo, pending edits); `read`, the read model alone (display elements: a page that shows
   * only those loads no editing store and, for valid data, no zod).
   */
  protected static dataStoreKind: DataStoreKind = 'edit';
  /**
   * Loads the module of `dataStoreKind`. Here none: `QkElement` loads the editing store; a display
   * element (`dataStoreKind = 'read'`) loads the read model. The base names no module, so that a page
   * of display elements only does not keep the editing store's code reachable (issue 14).
   */
  protected static importDataStore(): Promise<DataStoreModule> {
    return Promise.reject(new Error(`${this.name} names no module for .data`));
  }

  /**
   * The string sections the element reads and their registration (`i18n/loaders/`), e.g.
   * `protected override get strings() { return goalTreeStrings; }`. Required: `this.t` holds only
   * the sections registered here, so an element that forgets its strings does not compile.
   * Registered when the element is constructed (a getter is read then; a field on first use).
   */
  protected abstract readonly strings: StringSections<K>;
  private stringsRegistered = false;

  constructor() {
    super();
    this.registerStrings();
  }

  private registerStrings(): void {
    if (this.stringsRegistered || !this.strings) return;
    this.stringsRegistered = true;
    this.strings.register();
  }

  /** The language of this element (`en`, `zh-CN`); inherits the provider's, then the page's. */
  @property({ reflect: true }) override lang = '';

  /** A store to use instead of the provider's (advanced hosts). */
  @property({ attribute: false }) store?: QkStore;

  /**
   * Data to show without a provider: `{ plan: PlanSnapshot, actuals?: ActualsSnapshot }`. Validated;
   * bad data shows a localized error and fires `qk-error`. The validator arrives by `import()` the
   * first time: the element shows its loading state until then (`updateComplete` waits for it).
   */
  @property({ attribute: false }) data?: QkData;

  @consume({ context: storeContext, subscribe: true })
  @state()
  protected contextStore?: QkStore;

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected providerLocale?: QkLocale;

  private ownStore?: StoreView;
  private dataLoad?: Promise<void>;
  private subscribed?: StoreView;
  private unsubscribe?: () => void;
  private unsubscribeTranslations?: () => void;

  /** The store this element shows: its own, the provider's, or one fed by `data`. */
  get activeStore(): S | undefined {
    // `ownStore` is a QkStore unless the class chose `dataStoreKind = 'read'` (and then S is StoreView).
    return (this.store ?? (this.data ? this.ownStore : undefined) ?? this.contextStore) as S | undefined;
  }

  get locale(): QkLocale {
    return resolveLocale(this.lang, this.providerLocale, globalThis.document?.documentElement.lang);
  }

  /** The strings of the current locale: the shared ones, error messages and the element's sections. */
  get t(): ElementTranslation<K> {
    this.registerStrings();
    return getTranslation(this.locale);
  }

  /**
   * Properties a host without JavaScript may set from a JSON child:
   * `<script type="application/json" data-prop="data">{…}</script>` (`data-prop` defaults to `data`).
   */
  protected static jsonProps: readonly string[] = ['data'];

  override connectedCallback(): void {
    this.readJsonChildren();
    super.connectedCallback();
    watchDocumentLang(this, true);
    this.unsubscribeTranslations = onTranslationChange(() => this.requestUpdate());
  }

  private readJsonChildren(): void {
    const allowed = (this.constructor as unknown as { jsonProps: readonly string[] }).jsonProps;
    for (const script of this.querySelectorAll(':scope > script[type="application/json"]')) {
      const prop = script.getAttribute('data-prop') || 'data';
      if (!allowed.includes(prop)) {
        this.reportError({ code: 'json-unknown-prop', message: `"${prop}" cannot be set from JSON`, params: { prop, allowed: allowed.join(', ') } }, 'data');
        continue;
      }
      try {
        (this as unknown as Record<string, unknown>)[prop] = JSON.parse(script.textContent ?? '');
      } catch (e) {
        this.reportError({ code: 'json-invalid', message: `The JSON for "${prop}" is not valid: ${(e as Error).message}`, params: { prop, reason: (e as Error).message } }, 'data');
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchDocumentLang(this, false);
    this.unsubscribeTranslations?.();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribed = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data')) this.loadData();
    const s = this.activeStore;
    if (s !== this.subscribed) {
      this.unsubscribe?.();
      this.subscribed = s;
      this.unsubscribe = s?.subscribe((_, change) => this.storeChanged(change));
      this.storeAttached(s);
    }
    super.willUpdate(changed);
  }

  /** Called when the element starts to show another store. */
  protected storeAttached(_store: S | undefined): void {}

  /** Called on every change of the store; re-renders by default. */
  protected storeChanged(_change: string): void {
    this.requestUpdate();
  }

  private loadData(): void {
    const data = this.data;
    if (!data) return;
    const ctor = this.constructor as typeof QkElementBase;
    const kind = ctor.dataStoreKind;
    const report = (error: StoreError | null) => {
      if (error && this.data === data) this.reportError(error, 'data');
    };
    const feed = (m: DataStoreModule): Promise<void> | undefined => {
      if (this.data !== data) return; // replaced meanwhile: the newer data is fed instead
      this.ownStore ??= m.dataStore();
      const result = m.feedStore(this.ownStore, data);
      if (!(result instanceof Promise)) {
        report(result);
        return;
      }
      return result.then(report);
    };
    const loaded = (dataStoreModules[kind] ??= providedDataStore(kind));
    const ready = loaded ? feed(loaded) : undefined;
    if (loaded && !ready) return;
    const loadFailed = (e: unknown) => {
      const reason = e instanceof Error ? e.message : String(e);
      this.reportError({ code: 'load-failed', message: `The data module could not be loaded: ${reason}`, params: { reason } }, 'data');
    };
    const load: Promise<void> = (ready ?? loadDataStore(kind, () => ctor.importDataStore()).then(feed, loadFailed))
      .finally(() => {
        if (this.dataLoad === load) this.dataLoad = undefined;
        this.requestUpdate();
      });
    this.dataLoad = load;
  }

  /**
   * The first update waits for a task of its own once elements' first updates have used this task's
   * budget (`first-updates.ts`: eight elements added at once over a large plan are not one long task).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    if (firstUpdateBudgetSpent()) return nextTask().then(() => this.scheduleUpdate());
    firstUpdateStarts();
    return super.scheduleUpdate();
  }

  /** Also waits for the validator of `.data` while it is arriving (see `loadData`), and for the strings of the element's language. */
  protected override async getUpdateComplete(): Promise<boolean> {
    // The update that starts the load may still be ahead: wait for it first.
    let done = await super.getUpdateComplete();
    for (;;) {
      if (this.dataLoad) await this.dataLoad;
      else if (!localeReady(this.locale)) await loadLocale(this.locale);
      else return done;
      done = await super.getUpdateComplete();
    }
  }

  /** Localizes an error and fires `qk-error` with it; returns the localized message. */
  protected reportError(error: StoreError | { code: string; message: string; params?: Record<string, string | number> }, source: QkErrorDetail['source']): string {
    const message = localizeIssue(this.t, error);
    const issues = 'issues' in error ? error.issues : undefined;
    this.dispatchEvent(new QkErrorEvent({ code: error.code, message, source, ...(issues ? { issues } : {}) }));
    return message;
  }

  private announced = '';

  /**
   * Fires `qk-error` for the error an element shows, once per distinct error: re-rendering the same
   * error stays quiet; `null` (no error shown) re-arms it. `key` tells errors apart.
   */
  protected announceError(shown: { key: string; detail: QkErrorDetail } | null): void {
    if (!shown) {
      this.announced = '';
      return;
    }
    if (shown.key === this.announced) return;
    this.announced = shown.key;
    this.dispatchEvent(new QkErrorEvent(shown.detail));
  }

  /**
   * The loading / error / no-data states every element shares, or `null` when the store is ready.
   * Error details list the bad paths (text only: nothing from the host is rendered as HTML).
   */
  protected renderStatus(): TemplateResult | null {
    // The strings of the element's language still on their way (zh-CN loads on demand): the loading
    // state without words, not the content in English standing in (issue 16 item 3: the goal tree's
    // switches read "View", "Metric" for seconds in the zh-CN demo). They re-render it on arrival.
    if (!localeReady(this.locale)) {
      return html`<div part="state loading" class="qk-state" role="status" aria-busy="true"><span class="qk-spinner" aria-hidden="true"></span></div>`;
    }
    const s = this.activeStore;
    const t = this.t;
    if (!s && !this.dataLoad) {
      return html`<div part="state empty" class="qk-state" role="status">${t.common.noAdapter}</div>`;
    }
    // Also while the validator of `.data` is arriving (no store yet).
    if (!s || s.status === 'loading' || s.status === 'idle') {
      return html`<div part="state loading" class="qk-state" role="status" aria-live="polite" aria-busy="true">
        <span class="qk-spinner" aria-hidden="true"></span>${t.common.loading}
      </div>`;
    }
    if (s.status === 'error' && s.error) {
      const e = s.error;
      return html`<div part="state error" class="qk-state qk-error" role="alert">
        <strong>${t.common.errorTitle}</strong>
        <p>${localizeIssue(t, e)}</p>
        ${e.issues?.length
          ? html`<ul part="error-issues">
              ${e.issues.slice(0, 8).map((i) => html`<li>${issueLine(t, i, () => this.requestUpdate())}</li>`)}
              ${e.issues.length > 8 ? html`<li>…</li>` : nothing}
            </ul>`
          : nothing}
        ${s.hasAdapter ? html`<button part="retry" @click=${() => s.load()}>${t.common.retry}</button>` : nothing}
      </div>`;
    }
    return null;
  }
}

/**
 * The base of every `qk-*` element that edits, and of a host's own elements: `QkElementBase` with
 * `.data` fed into the editing store (`./data-store.ts`, loaded by `import()` the first time).
 *
 * @cssprop [--qk-display=block] - The element's `display` (it is set with `!important`, so that host
 *   rules such as `* { all: unset }` cannot change an element's layout; choose another display here).
 */
export abstract class QkElement<K extends SectionKey = never, S extends StoreView = QkStore> extends QkElementBase<K, S> {
  protected static override importDataStore(): Promise<DataStoreModule> {
    return import('./data-store.js');
  }
}
