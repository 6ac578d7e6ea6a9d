/**
 * The team's payouts as an export table: one row per person in the order shown, then the team
 * total, from the same engine figures as the table (money in minor units, attainment a ratio).
 */
import type { TeamPayouts } from '../../engine/incentive/team.js';
import type { ExportTable } from '../../export/table.js';

export interface PayoutHeaders {
  person: string;
  target: string;
  revenue: string;
  attainment: string;
  payout: string;
  mentoring: string;
  total: string;
}

export function payoutTable(rows: TeamPayouts['rows'], team: TeamPayouts, h: PayoutHeaders, currency: string, name: string): ExportTable {
  const credit = new Map(team.mentoring.map((m) => [m.mentorId, m.credit]));
  const tot = team.totals;
  return {
    name,
    currency,
    columns: [
      { header: h.person, kind: 'text' },
      { header: h.target, kind: 'money' },
      { header: h.revenue, kind: 'money' },
      { header: h.attainment, kind: 'percent' },
      { header: h.payout, kind: 'money' },
      { header: h.mentoring, kind: 'money' },
    ],
    rows: [
      // The figures, not the payouts: a company's export does not build 100,000 payouts' lines.
      ...rows.map((r) => [
        r.person.name ?? r.person.id,
        r.error === null ? r.figures.target : r.person.target,
        r.error === null ? r.figures.revenue : null,
        r.error === null ? r.figures.attainment : null,
        r.error === null ? r.figures.total : null,
        credit.get(r.person.id) ?? null,
      ]),
      [h.total, tot.target, tot.revenue, tot.attainment, tot.total, tot.mentoring],
    ],
  };
}
