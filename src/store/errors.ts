/**
 * How the store turns what an adapter threw into an error it can show: a stable code for the
 * dictionaries, an English message and the details. Host adapters reject with anything — an
 * Error, a string, a fetch-like `{ status: 500 }`, `undefined` — and each one becomes a sentence a
 * person can read (never "[object Object]" or "undefined").
 */
import { QkAdapterError, type QkAdapterErrorCode } from '../adapter/adapter.js';

/** An error the store shows: a code for the dictionaries, an English message, and details. */
export interface StoreError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  /** For `invalid-data`: every bad path, with a code and params for the dictionaries where known. */
  issues?: { path: (string | number)[]; message: string; code?: string; params?: Record<string, string | number> }[];
}

const ADAPTER_CODES: readonly string[] = ['invalid-data', 'network', 'conflict', 'forbidden', 'not-found'] satisfies QkAdapterErrorCode[];

/** A short, safe text of any value (JSON for plain data, never a getter's exception). */
function textOf(v: unknown): string {
  try {
    const json = JSON.stringify(v);
    if (json !== undefined && json !== '{}') return json.length > 200 ? `${json.slice(0, 200)}…` : json;
  } catch {
    // cyclic or throwing: fall through
  }
  try {
    return String(v);
  } catch {
    return typeof v;
  }
}

/** The English sentence for a rejection that is not an Error. */
function describeRejection(e: unknown): string {
  if (e === undefined || e === null || e === '') return 'The host failed without saying why';
  if (typeof e === 'string') return e;
  if (typeof e === 'object') {
    const o = e as Record<string, unknown>;
    let message: unknown, status: unknown, statusText: unknown;
    try {
      ({ message, status, statusText } = o);
    } catch {
      return 'The host failed with an unreadable error';
    }
    if (typeof message === 'string' && message) return message;
    if (typeof status === 'number' || (typeof status === 'string' && status)) {
      return `The host answered with status ${String(status)}${typeof statusText === 'string' && statusText ? ` (${statusText})` : ''}`;
    }
    return `The host failed with ${textOf(e)}`;
  }
  return `The host failed with ${textOf(e)}`;
}

/**
 * Turns anything thrown by an adapter into a StoreError with a code the dictionaries know: the
 * adapter's code for a `QkAdapterError` (or a plain object carrying one of its codes), else
 * `fallbackCode` (e.g. `load-failed`) with a readable `reason`.
 *
 * @example toStoreError({ status: 500 }, 'load-failed')
 * // { code: 'load-failed', message: 'The host answered with status 500', params: { reason: '…', status: 500 } }
 */
export function toStoreError(e: unknown, fallbackCode: string): StoreError {
  if (QkAdapterError.is(e)) {
    // A refusal by a named rule keeps the rule's code, so the message says which rule and why.
    if (e.rule && typeof e.rule.reason === 'string') {
      return { code: e.rule.reason, message: e.message, params: { ...e.rule.params, reason: e.message }, issues: e.issues };
    }
    return {
      code: e.code,
      message: e.message,
      params: {
        reason: e.message,
        ...(e.currentVersion !== undefined ? { currentVersion: e.currentVersion } : {}),
        ...(e.issues.length ? { issues: e.issues.length } : {}),
      },
      issues: e.issues,
    };
  }
  if (e instanceof Error) return { code: fallbackCode, message: e.message || e.name, params: { reason: e.message || e.name } };
  const message = describeRejection(e);
  let code = fallbackCode;
  const params: Record<string, string | number> = { reason: message };
  if (e && typeof e === 'object') {
    try {
      const { code: c, status } = e as { code?: unknown; status?: unknown };
      if (typeof c === 'string' && ADAPTER_CODES.includes(c)) code = c;
      if (typeof status === 'number') params.status = status;
    } catch {
      // a throwing getter: keep the fallback code
    }
  }
  return { code, message, params };
}
