/**
 * The request form as the user typed it, kept on the device (localStorage, one key per plan and
 * user) until it is submitted, so a reload or an adapter failure loses nothing.
 */
import * as z from 'zod/mini';
import { ADJUSTMENT_TRIGGERS, type AdjustmentChange, type AdjustmentTrigger } from '../../engine/adjustment/index.js';
import { METRIC_IDS, METRICS, type MetricId } from '../../engine/plan/model.js';
import { parseMoney, type MoneyLocale } from '../../engine/money/money.js';
import { fail, ok, type Result } from '../../engine/shared/result.js';

export interface DraftForm {
  nodeId: string;
  metric: MetricId;
  periods: string[];
  changeKind: 'value' | 'percent';
  /** Text as typed: money in major units (`1,500,000`), counts as whole numbers. */
  value: string;
  percent: string;
  trigger: AdjustmentTrigger;
  reason: string;
  evidence: string;
  absorption: 'siblings' | 'parent' | 'recipients';
  recipients: string[];
  /** One product line's target (a new-product suggestion); absent: all products. */
  product?: string;
}

const DraftSchema = z.object({
  nodeId: z.string(),
  metric: z.enum(METRIC_IDS),
  periods: z.array(z.string()),
  changeKind: z.enum(['value', 'percent']),
  value: z.string(),
  percent: z.string(),
  trigger: z.enum(ADJUSTMENT_TRIGGERS),
  reason: z.string(),
  evidence: z.string(),
  absorption: z.enum(['siblings', 'parent', 'recipients']),
  recipients: z.array(z.string()),
  product: z.optional(z.string()),
});

export const emptyForm = (nodeId = '', metric: MetricId = 'revenue', period?: string): DraftForm => ({
  nodeId,
  metric,
  periods: period ? [period] : [],
  changeKind: 'value',
  value: '',
  percent: '',
  trigger: 'market-shift',
  reason: '',
  evidence: '',
  absorption: 'siblings',
  recipients: [],
});

export const draftKey = (planId: string, userId: string) => `quotakit.adjustment-draft.${planId}.${userId}`;

/** The stored draft, or null when there is none, storage is unavailable, or it no longer parses. */
export function loadDraft(key: string): DraftForm | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return null;
    const r = z.safeParse(DraftSchema, JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Stores the draft; returns false when storage is unavailable or full. */
export function saveDraft(key: string, form: DraftForm): boolean {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(form));
    return !!globalThis.localStorage;
  } catch {
    return false;
  }
}

export function clearDraft(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // Storage unavailable: there is nothing to clear.
  }
}

/**
 * The change the form describes: money parsed exactly into minor units, counts as whole numbers,
 * percent as a number. Fails with the money codes of `parseMoney`, or `adjustment-invalid`.
 */
export function formChange(form: DraftForm, options: { currency: string; locale: MoneyLocale }): Result<AdjustmentChange> {
  if (form.changeKind === 'percent') {
    const text = form.percent.trim().replace(/[%％]$/, '').replace(/^\+/, '');
    const v = Number(text);
    if (!text || !Number.isFinite(v)) return fail('adjustment-invalid', `"${form.percent}" is not a percentage`, { path: 'change.percent', detail: form.percent || '—' });
    return ok({ kind: 'percent', percent: v });
  }
  if (METRICS[form.metric].unit === 'money') {
    const r = parseMoney(form.value, options);
    return r.ok ? ok({ kind: 'value', value: r.value }) : r;
  }
  const n = Number(form.value.trim().replace(/[,，\s]/g, ''));
  if (!form.value.trim() || !Number.isSafeInteger(n) || n < 0) return fail('adjustment-invalid', `"${form.value}" is not a whole number`, { path: 'change.value', detail: form.value || '—' });
  return ok({ kind: 'value', value: n });
}
