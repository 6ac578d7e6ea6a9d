/**
 * Engine functions never throw on bad input and never return Infinity or NaN: they return a
 * `Result`. An error carries a stable `code` (the i18n dictionaries translate it, with `params`),
 * the path of the offending value where there is one, and an English `message` for logs.
 *
 * @example
 * const r = allocate(100, parts);
 * if (!r.ok) showError(t.errors[r.error.code]?.(r.error.params) ?? r.error.message);
 */
export interface QkIssue {
  /** Stable machine-readable code, e.g. `locked-exceeds-total`, `money-invalid`. */
  code: string;
  /** English description for logs and developers; UIs translate `code` instead. */
  message: string;
  /** Where the problem is, e.g. `['org', 3, 'parentId']`. */
  path?: (string | number)[];
  /** Values the localized message interpolates. */
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: QkIssue };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (
  code: string,
  message: string,
  params?: Record<string, string | number>,
  path?: (string | number)[],
): { ok: false; error: QkIssue } => ({
  ok: false,
  error: { code, message, ...(params ? { params } : {}), ...(path ? { path } : {}) },
});
