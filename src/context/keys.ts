import { createContext } from '@lit/context';
import type { QkStore } from '../store/store.js';
import type { CrmAdapter } from '../adapter/adapter.js';
import type { QkLocale } from '../i18n/types.js';

/** The shared store of a `qk-provider` (plan, targets, actuals, focus, undo). */
export const storeContext = createContext<QkStore | undefined>(Symbol.for('quotakit.store'));
/** The adapter a `qk-provider` talks to the host CRM through. */
export const adapterContext = createContext<CrmAdapter | undefined>(Symbol.for('quotakit.adapter'));
/** The locale a `qk-provider` sets for its descendants (an element's own `lang` wins). */
export const localeContext = createContext<QkLocale | undefined>(Symbol.for('quotakit.locale'));
