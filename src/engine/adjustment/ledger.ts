/**
 * The audit trail of target adjustments: an append-only ledger (who, when, what, why, before and
 * after), its CSV export, and the facts of the team notice sent after a change.
 */
import { METRICS } from '../plan/model.js';
import { toDecimalString } from '../money/money.js';
import { parseWith } from '../plan/model-schema.js';
import { fail, ok, type Result } from '../shared/result.js';
import { cmpId } from '../plan/allocate.js';
import { LedgerEntrySchema, type AdjustmentRequest, type LedgerEntry } from './model.js';
import type { AdjustmentPreview } from './preview.js';

/** A ledger: a frozen list of frozen entries. There is no way to edit or remove one. */
export type Ledger = readonly Readonly<LedgerEntry>[];

const freezeEntry = (e: LedgerEntry): Readonly<LedgerEntry> => Object.freeze({ ...e, periods: Object.freeze([...e.periods]) as string[] });

const order = (a: LedgerEntry, b: LedgerEntry) => cmpId(a.at, b.at) || cmpId(a.requestId, b.requestId) || a.seq - b.seq;

/**
 * Appends one entry and returns a new frozen ledger (the old one is unchanged, and frozen too).
 * Entries are kept in time order; an entry of the same request with the same `seq` is refused, as
 * is one older than the request's last entry. Fails with `ledger-entry-invalid` (params `path`,
 * `detail`), `ledger-duplicate` or `ledger-out-of-order` (params `requestId`, `seq`).
 *
 * @example
 * const l1 = appendLedger(createLedger(), entry) // ok([entry]) — Object.isFrozen(l1.value) === true
 * l1.value[0].after = 0 // TypeError: the entry is frozen
 */
export function appendLedger(ledger: Ledger, entry: LedgerEntry): Result<Ledger> {
  const parsed = parseWith(LedgerEntrySchema, entry);
  if (!parsed.ok) {
    const i = parsed.issues[0]!;
    return fail('ledger-entry-invalid', `invalid ledger entry at ${i.path.join('.')}: ${i.message}`, { path: i.path.join('.'), detail: i.message });
  }
  const e = parsed.value;
  const same = ledger.filter((x) => x.requestId === e.requestId);
  if (same.some((x) => x.seq === e.seq)) return fail('ledger-duplicate', `entry ${e.seq} of ${e.requestId} is already recorded`, { requestId: e.requestId, seq: e.seq });
  if (same.some((x) => x.seq > e.seq || x.at > e.at)) return fail('ledger-out-of-order', `entry ${e.seq} of ${e.requestId} is older than one already recorded`, { requestId: e.requestId, seq: e.seq });
  return ok(Object.freeze([...ledger, freezeEntry(e)].sort(order)));
}

/** An empty ledger, or one made of `entries` (copied, checked, sorted by time, frozen); invalid entries fail as in `appendLedger`. */
export function createLedger(entries: readonly LedgerEntry[] = []): Result<Ledger> {
  let ledger: Ledger = Object.freeze([]);
  for (const e of [...entries].sort(order)) {
    const next = appendLedger(ledger, e);
    if (!next.ok) return next;
    ledger = next.value;
  }
  return ok(ledger);
}

/**
 * The ledger of a set of requests: every entry of every request's `history`, in time order.
 *
 * @example ledgerOf(requests).value.map((e) => `${e.at} ${e.by} ${e.action} ${e.requestId}`)
 */
export function ledgerOf(requests: readonly AdjustmentRequest[]): Result<Ledger> {
  return createLedger(requests.flatMap((r) => r.history ?? []));
}

/** Column names of the ledger CSV, in order. */
export interface LedgerCsvHeaders {
  at: string;
  by: string;
  action: string;
  status: string;
  request: string;
  node: string;
  metric: string;
  periods: string;
  before: string;
  after: string;
  reason: string;
  comment: string;
}

export const LEDGER_CSV_HEADERS: Readonly<Record<'en' | 'zh-CN', LedgerCsvHeaders>> = Object.freeze({
  en: { at: 'Time', by: 'By', action: 'Action', status: 'Status', request: 'Request', node: 'Node', metric: 'Metric', periods: 'Periods', before: 'Before', after: 'After', reason: 'Reason', comment: 'Comment' },
  'zh-CN': { at: '时间', by: '操作人', action: '操作', status: '状态', request: '申请编号', node: '组织节点', metric: '指标', periods: '期间', before: '调整前', after: '调整后', reason: '原因', comment: '审批意见' },
});

/** A text field, inert for spreadsheets (no formulas) and quoted when RFC 4180 requires it. */
function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The ledger as CSV (RFC 4180, `\r\n`): a header row, then one line per entry in ledger order.
 * Money metrics are written in major units with the currency's decimals (150000000 分 → 1500000.00),
 * counts as whole numbers; periods are joined with spaces; `names` turns ids into names (node and
 * user ids are kept when absent). Text a spreadsheet would run as a formula gets a leading `'`.
 *
 * @example
 * ledgerToCsv(ledger, { currency: 'CNY', headers: LEDGER_CSV_HEADERS.en })
 * // 'Time,By,Action,Status,Request,Node,Metric,Periods,Before,After,Reason,Comment\r\n
 * //  2026-06-20T09:00:00Z,u-east,submit,pending,adj-1,r2,revenue,FY2026,1500000.00,0.00,李强 leaves on 30 June,\r\n'
 */
export function ledgerToCsv(
  ledger: Ledger,
  options: { currency: string; headers: LedgerCsvHeaders; names?: Readonly<Record<string, string>>; bom?: boolean },
): string {
  const { currency, headers: h, names = {}, bom = false } = options;
  const name = (id: string) => names[id] ?? id;
  const lines = [[h.at, h.by, h.action, h.status, h.request, h.node, h.metric, h.periods, h.before, h.after, h.reason, h.comment].map(field).join(',')];
  for (const e of ledger) {
    const amount = (v: number) => (METRICS[e.metric].unit === 'money' ? toDecimalString(v, currency) : String(v));
    lines.push(
      [e.at, name(e.by), e.action, e.status, e.requestId, name(e.nodeId), e.metric, e.periods.join(' ')].map(field).join(',') +
        `,${amount(e.before)},${amount(e.after)},${field(e.reason)},${field(e.comment ?? '')}`,
    );
  }
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/** What the team notice says, as data: the element words it in the reader's language. */
export interface NoticeFacts {
  requestId: string;
  nodeId: string;
  nodeName: string;
  trigger: AdjustmentRequest['trigger'];
  reason: string;
  metric: AdjustmentRequest['metric'];
  periods: string[];
  before: number;
  after: number;
  delta: number;
  /** Every node whose target changes, with its total over the periods. */
  changes: { nodeId: string; name: string; before: number; after: number }[];
  /** Each affected person's new target, what is done, and what is left to reach it (null without actuals). */
  expectations: { nodeId: string; name: string; target: number; actual: number | null; remaining: number | null }[];
}

/**
 * The facts of the notice to the team after an adjustment: why (trigger and reason), what changed
 * (every node's target before and after) and the new expectations (each person's new target and
 * the remaining gap, never below 0).
 *
 * @example
 * noticeFacts(request, preview).expectations
 * // [{ nodeId: 'r1', name: '王芳', target: 400_000_000, actual: 16_500_000, remaining: 383_500_000 }]
 */
export function noticeFacts(request: AdjustmentRequest, preview: AdjustmentPreview): NoticeFacts {
  const target = preview.nodes.find((n) => n.nodeId === request.nodeId);
  return {
    requestId: request.id,
    nodeId: request.nodeId,
    nodeName: target?.name ?? request.nodeId,
    trigger: request.trigger,
    reason: request.reason.trim(),
    metric: request.metric,
    periods: [...request.periods],
    before: preview.before,
    after: preview.after,
    delta: preview.delta,
    changes: preview.nodes.filter((n) => n.before !== n.after).map((n) => ({ nodeId: n.nodeId, name: n.name, before: n.before, after: n.after })),
    expectations: preview.people
      .filter((p) => p.after !== p.before || p.nodeId === request.nodeId)
      .map((p) => ({ nodeId: p.nodeId, name: p.name, target: p.after, actual: p.actual, remaining: p.actual === null ? null : Math.max(0, p.after - p.actual) })),
  };
}
