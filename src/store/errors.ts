/**
 * How the store turns what an adapter threw into an error it can show: a stable code for the
 * dictionaries, an English message and the details.
 */
import { QkAdapterError } from '../adapter/adapter.js';

/** An error the store shows: a code for the dictionaries, an English message, and details. */
export interface StoreError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  issues?: { path: (string | number)[]; message: string }[];
}

/** Turns anything thrown by an adapter into a StoreError with a code the dictionaries know. */
export function toStoreError(e: unknown, fallbackCode: string): StoreError {
  if (QkAdapterError.is(e)) {
    return {
      code: e.code,
      message: e.message,
      params: { reason: e.message, ...(e.currentVersion !== undefined ? { currentVersion: e.currentVersion } : {}) },
      issues: e.issues,
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: fallbackCode, message, params: { reason: message } };
}
