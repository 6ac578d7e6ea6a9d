/**
 * The one way an error becomes text, wherever it comes from: an engine `Result` (`QkIssue`), a
 * schema check (the `invalid-data` error `parsePlanSnapshot` throws), the store (`StoreError`), an
 * adapter's rejection (through `toStoreError`) or a CSV line. The dictionary's sentence for its
 * `code`, with its params (an element may first put them in its own words: amounts in the metric's
 * format, node ids as names, period ids as labels), else the error's English message.
 *
 * The bad paths of an `invalid-data` error are worded one per line by `issueLine` (`issue-line.ts`).
 */
import type { Params, Translation } from './types.js';

/** The part of the strings an error needs: its message tables. */
type WithErrors = Pick<Translation, 'errors'>;

/** What `localizeIssue` reads from an error: a code for the dictionaries, an English message and params. */
export interface LocalizableIssue {
  /** Stable code, e.g. `cell-locked`, `invalid-data`; an error without one shows its message. */
  code?: string;
  /** English text for logs; shown only when the dictionaries have no sentence for `code`. */
  message: string;
  params?: Params;
}

export interface LocalizeIssueOptions {
  /**
   * Puts one param in the element's words before the sentence is built (return the value unchanged
   * to keep it). E.g. `(k, v) => k === 'node' ? nameOf(v) : v`.
   */
  param?: (key: string, value: string | number) => string | number;
}

/**
 * The localized sentence of an error.
 *
 * @example localizeIssue(getTranslation('en'), { code: 'cell-locked', message: '…', params: { node: 'east', period: 'FY2026' } },
 *   { param: (k, v) => (k === 'node' ? '华东' : v) })
 * // 'The target of 华东 for FY2026 is locked: a lock holds it against every edit. Unlock it to change it.'
 */
export function localizeIssue(t: WithErrors, issue: LocalizableIssue, options: LocalizeIssueOptions = {}): string {
  const sentence = issue.code ? t.errors[issue.code] : undefined;
  if (!sentence) return issue.message;
  const params: Params = { ...issue.params };
  if (options.param) for (const [k, v] of Object.entries(params)) params[k] = options.param(k, v);
  return sentence(params);
}
