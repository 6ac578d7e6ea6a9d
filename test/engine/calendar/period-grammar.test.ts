/**
 * Issue 19 item 1: the period grammar is parsed in one place. Month ids and dates are read by the
 * calendar (`parsePeriodId`, `isMonthId`, `isDate`, `dateParts` in src/engine/calendar/periods.ts);
 * no other source file matches them with a regular expression of its own. The one exception is the
 * zod date schema, which reports the shape of a bad date apart from a day the month lacks.
 */
import { expect } from '@open-wc/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateParts, isDate, isMonthId } from '../../../src/engine/calendar/periods.js';

const ALLOWED = ['src/engine/calendar/periods.ts', 'src/engine/plan/model-schema.ts'];
/** A regular expression literal that starts by matching a 4-digit year and a dash: `/^\d{4}-…/`, `/^(\d{4})-…/`. */
const YEAR_DASH = /\/\^\(?\\d\{4\}\)?-/;

describe('the period grammar lives in the calendar', () => {
  it('no source file outside it matches month ids or dates with a regular expression', () => {
    const found: string[] = [];
    for (const f of readdirSync('src', { recursive: true })) {
      const path = join('src', String(f)).split('\\').join('/');
      if (!path.endsWith('.ts') || ALLOWED.includes(path)) continue;
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (YEAR_DASH.test(line)) found.push(`${path}:${i + 1}`);
      });
    }
    expect(found).to.deep.equal([]);
  });

  it('isMonthId takes what parsePeriodId calls a month, nothing else', () => {
    expect(['2026-01', '2026-12', '0001-06'].map(isMonthId)).to.deep.equal([true, true, true]);
    expect(['2026-00', '2026-13', '2026-1', '2026-W05', 'FY2026', '2026-03-01', 202603, null].map(isMonthId)).to.deep.equal([false, false, false, false, false, false, false, false]);
  });

  it('isDate and dateParts take real calendar days only (2024-02-29 yes, 2026-02-29 and 2026-04-31 no)', () => {
    expect(['2024-02-29', '2026-12-31'].map(dateParts)).to.deep.equal([[2024, 2, 29], [2026, 12, 31]]);
    expect(['2026-02-29', '2026-04-31', '2026-13-01', '2026-3-1', '2026-03'].map(dateParts)).to.deep.equal([null, null, null, null, null]);
    expect([isDate('2024-02-29'), isDate('2026-02-29'), isDate(undefined)]).to.deep.equal([true, false, false]);
  });
});
