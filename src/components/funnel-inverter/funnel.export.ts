/**
 * The funnel quotas as export tables: per rep (ramp and the count each stage needs), per week
 * (working days and counts) and the monthly schedule (the month's target and counts), the same
 * engine figures the tables show. Only the parts the element computed are exported.
 */
import type { FunnelResults } from '../../engine/funnel/view.js';
import type { ExportTable } from '../../export/table.js';
import type { FunnelStrings } from '../../i18n/strings/funnel.js';

export function funnelTables(r: FunnelResults, t: FunnelStrings, stageName: (id: string) => string, repName: (id: string) => string, currency: string): ExportTable[] {
  const ids = r.requirement.stages.map((s) => s.id);
  const stageCols = ids.map((id) => ({ header: stageName(id), kind: 'count' as const }));
  const counts = (c: Record<string, number>) => ids.map((id) => c[id] ?? 0);
  const out: ExportTable[] = [];
  if (r.perRep?.ok) {
    out.push({
      name: t.perRepTitle,
      currency,
      columns: [{ header: t.rep, kind: 'text' }, { header: t.ramp, kind: 'percent', decimals: 0 }, ...stageCols],
      rows: r.perRep.value.reps.map((x) => [repName(x.id), x.ramp, ...counts(x.counts)]),
    });
  }
  if (r.weekly?.ok) {
    out.push({
      name: t.perWeekTitle,
      currency,
      columns: [{ header: t.week, kind: 'text' }, { header: t.workingDays, kind: 'count' }, ...stageCols],
      rows: r.weekly.value.weeks.map((w) => [String(w.week), w.workingDays, ...counts(w.counts)]),
    });
  }
  if (r.schedule?.ok) {
    out.push({
      name: t.scheduleTitle,
      currency,
      columns: [{ header: t.month, kind: 'text' }, { header: t.monthTarget, kind: 'money' }, ...stageCols],
      rows: r.schedule.value.months.map((m) => [m.month, m.target, ...m.stages.map((s) => s.count)]),
    });
  }
  return out;
}
