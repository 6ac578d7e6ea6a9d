import { expect } from '@open-wc/testing';
import { QkAdapterError } from '../../src/adapter/adapter.js';
import {
  checkActualsSnapshot,
  parseActualsSnapshot,
  parseDateRange,
  parseOrgNodes,
  parsePlanSnapshot,
  parseSaveResult,
  parseTargetChange,
  parseUser,
} from '../../src/adapter/validate.js';
import { smallFixture } from '../fixtures/small-plan.js';

function thrown(fn: () => unknown): QkAdapterError {
  try {
    fn();
  } catch (e) {
    if (QkAdapterError.is(e)) return e;
    throw e;
  }
  throw new Error('expected a QkAdapterError, nothing was thrown');
}

const paths = (e: QkAdapterError) => e.issues.map((i) => i.path.join('.'));
/** The issues as path and English log message (the code and params are checked in their own tests). */
const logged = (e: QkAdapterError) => e.issues.map(({ path, message }) => ({ path, message }));

describe('adapter validation', () => {
  it('accepts the small fixture and returns it unchanged', () => {
    const { plan, actuals } = smallFixture();
    expect(parsePlanSnapshot(plan)).to.deep.equal(plan);
    expect(parseActualsSnapshot(actuals, { plan })).to.deep.equal(actuals);
  });

  it('rejects a snapshot with field errors, listing every path, and returns nothing', () => {
    const { plan } = smallFixture();
    plan.plan.currency = 'yuan';
    plan.targets[0]!.value = 1.5;
    (plan.org[1] as { kind: string }).kind = 'country';
    const e = thrown(() => parsePlanSnapshot(plan, { source: 'GET /plan' }));
    expect(e.code).to.equal('invalid-data');
    expect(paths(e)).to.have.members(['plan.currency', 'targets.0.value', 'org.1.kind']);
    expect(e.message).to.match(/^GET \/plan: invalid plan snapshot \(3 problems\): /);
  });

  it('cross-checks: unknown parent, target for an unknown node or product, duplicate target', () => {
    const { plan } = smallFixture();
    plan.org.push({ id: 'r7', name: '孙丽', parentId: 'west', kind: 'rep' });
    plan.targets.push({ nodeId: 'r99', period: 'FY2026', metric: 'revenue', value: 100 });
    plan.targets.push({ nodeId: 'co', period: 'FY2026', metric: 'revenue', product: 'hardware', value: 100 });
    plan.targets.push({ nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 5 });
    const e = thrown(() => parsePlanSnapshot(plan));
    // The fixture has 12 org nodes and 10 targets, so the additions sit at org.12 and targets.10 … 12.
    expect(logged(e)).to.deep.equal([
      { path: ['org', 12, 'parentId'], message: 'unknown parent "west"' },
      { path: ['targets', 10, 'nodeId'], message: 'unknown node "r99"' },
      { path: ['targets', 11, 'product'], message: 'unknown product "hardware"' },
      { path: ['targets', 12], message: 'duplicate target for node "east", period FY2026, metric revenue' },
    ]);
  });

  it('finds duplicate product and stage ids', () => {
    const { plan } = smallFixture();
    plan.products.push({ id: 'ai', name: 'again', new: false });
    plan.stages.push({ id: 'won' });
    expect(paths(thrown(() => parsePlanSnapshot(plan)))).to.deep.equal(['products.2.id', 'stages.4.id']);
  });

  it('cross-checks actuals against the plan: reps, products, stages and the date range', () => {
    const { plan, actuals } = smallFixture();
    actuals.actuals[0]!.repId = 'ghost';
    actuals.actuals[1]!.productId = 'hardware';
    actuals.actuals[2]!.date = '2027-01-02';
    actuals.stageCounts[0]!.stageId = 'visit';
    actuals.pipeline[0]!.stageId = 'negotiation';
    const e = thrown(() => parseActualsSnapshot(actuals, { plan }));
    expect(logged(e)).to.deep.equal([
      { path: ['actuals', 0, 'repId'], message: 'unknown rep "ghost"' },
      { path: ['actuals', 1, 'productId'], message: 'unknown product "hardware"' },
      { path: ['actuals', 2, 'date'], message: 'dated 2027-01-02, outside 2026-01-01 … 2026-12-31' },
      { path: ['stageCounts', 0, 'stageId'], message: 'unknown funnel stage "visit"' },
      { path: ['pipeline', 0, 'stageId'], message: 'unknown funnel stage "negotiation"' },
    ]);
  });

  it('skips the rep check for a lazily loaded org, and checks only the snapshot itself without a plan', () => {
    const { plan, actuals } = smallFixture();
    actuals.actuals[0]!.repId = 'not-loaded-yet';
    expect(checkActualsSnapshot(actuals, { plan, checkReps: false }).ok).to.equal(true);
    actuals.stageCounts[0]!.stageId = 'visit';
    expect(checkActualsSnapshot(actuals).ok).to.equal(true);
    actuals.to = '2025-12-31';
    const e = thrown(() => parseActualsSnapshot(actuals));
    expect(logged(e)[0]).to.deep.equal({ path: ['to'], message: '"to" (2025-12-31) is before "from" (2026-01-01)' });
  });

  it('parseOrgNodes checks that every node is a child of the requested parent', () => {
    const { plan } = smallFixture();
    const ok = parseOrgNodes(plan.org.filter((n) => n.parentId === 'east'), { parentId: 'east' });
    expect(ok.map((n) => n.id)).to.deep.equal(['east-sh', 'east-hz']);
    const e = thrown(() => parseOrgNodes([plan.org[3], plan.org[5], plan.org[3]], { parentId: 'east' }));
    expect(logged(e)).to.deep.equal([
      { path: [2, 'id'], message: 'duplicate node id "east-sh"' },
      { path: [1, 'parentId'], message: 'expected a child of "east", got parent "south"' },
    ]);
  });

  it('parseUser, parseSaveResult, parseTargetChange and parseDateRange name the bad paths', () => {
    expect(paths(thrown(() => parseUser({ id: 'u', name: 'x', roles: ['boss'], canView: [], canEdit: 'all' })))).to.have.members([
      'roles.0',
      'canEdit',
    ]);
    expect(paths(thrown(() => parseSaveResult({ version: -1 })))).to.deep.equal(['version']);
    const { plan } = smallFixture();
    const change = { baseVersion: 1, cells: [{ nodeId: 'nobody', period: 'FY2026', metric: 'revenue' as const, value: 1 }] };
    expect(parseTargetChange(change)).to.deep.equal(change);
    expect(paths(thrown(() => parseTargetChange(change, { plan })))).to.deep.equal(['cells.0.nodeId']);
    expect(paths(thrown(() => parseDateRange({ from: '2026-13-01', to: '2026-02-30x' })))).to.deep.equal(['from', 'to']);
  });

  it('says "and N more" in the message when there are many issues, but keeps all of them', () => {
    const { plan } = smallFixture();
    plan.targets.forEach((t, i) => (t.nodeId = `gone-${i}`));
    const e = thrown(() => parsePlanSnapshot(plan));
    expect(e.issues).to.have.length(10);
    expect(e.message).to.contain('(10 problems)');
    expect(e.message).to.contain('; and 5 more');
  });

  it('issues carry a code and params for the dictionaries, beside the English message', () => {
    const { plan } = smallFixture();
    plan.org.push({ id: 'r7', name: '孙丽', parentId: 'west', kind: 'rep' });
    plan.targets[0]!.value = -5;
    const e = thrown(() => parsePlanSnapshot(plan));
    expect(e.issues).to.deep.equal([
      { path: ['targets', 0, 'value'], code: 'too-small', params: { minimum: 0, value: '-5' }, message: 'must be at least 0, got -5' },
    ]);
    plan.targets[0]!.value = 5;
    expect(thrown(() => parsePlanSnapshot(plan)).issues).to.deep.equal([
      { path: ['org', 12, 'parentId'], code: 'unknown-parent', params: { id: 'west' }, message: 'unknown parent "west"' },
    ]);
  });

  describe('calendar dates', () => {
    const withHireDate = (date: string) => {
      const { plan } = smallFixture();
      plan.org[6]!.hireDate = date;
      return plan;
    };
    for (const date of ['2026-02-30', '2026-02-31', '2025-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-13-01', '2026-01-00', '2026-1-5', '20260105', '2026-01-05T00:00']) {
      it(`rejects ${date}`, () => {
        const e = thrown(() => parsePlanSnapshot(withHireDate(date)));
        expect(paths(e)).to.deep.equal(['org.6.hireDate']);
      });
    }
    for (const date of ['2024-02-29', '2000-02-29', '2026-02-28', '2026-12-31', '2026-04-30']) {
      it(`accepts ${date}`, () => {
        expect(parsePlanSnapshot(withHireDate(date)).org[6]!.hireDate).to.equal(date);
      });
    }

    it('says why: a day the month does not have, or not a date at all', () => {
      expect(thrown(() => parsePlanSnapshot(withHireDate('2025-02-29'))).issues[0]).to.deep.equal({
        path: ['org', 6, 'hireDate'],
        code: 'date-nonexistent',
        params: { value: '2025-02-29', year: 2025, month: 2, days: 28 },
        message: '"2025-02-29" is not a real date (2025-02 has 28 days)',
      });
      expect(thrown(() => parsePlanSnapshot(withHireDate('2026-04-31'))).issues[0]!.message).to.equal('"2026-04-31" is not a real date (2026-04 has 30 days)');
      expect(thrown(() => parsePlanSnapshot(withHireDate('next week'))).issues[0]).to.deep.equal({
        path: ['org', 6, 'hireDate'],
        code: 'date',
        params: { value: 'next week' },
        message: 'expected a date YYYY-MM-DD, got "next week"',
      });
    });

    it('checks the dates of actuals, the range and holidays too', () => {
      const { actuals } = smallFixture();
      actuals.to = '2026-02-31';
      actuals.pipeline[0]!.expectedClose = '2026-06-31';
      expect(paths(thrown(() => parseActualsSnapshot(actuals)))).to.deep.equal(['to', 'pipeline.0.expectedClose']);
      const { plan } = smallFixture();
      plan.plan.calendar.holidays = ['2026-10-01', '2026-09-31'];
      expect(paths(thrown(() => parsePlanSnapshot(plan)))).to.deep.equal(['plan.calendar.holidays.1']);
      expect(paths(thrown(() => parseDateRange({ from: '2026-02-29', to: '2026-03-01' })))).to.deep.equal(['from']);
    });
  });

  describe('currencies', () => {
    const withCurrency = (currency: string) => {
      const { plan } = smallFixture();
      plan.plan.currency = currency;
      return plan;
    };
    for (const code of ['CNY', 'USD', 'EUR', 'JPY', 'HKD', 'TWD', 'SGD', 'KWD', 'CHF', 'INR']) {
      it(`accepts ${code}`, () => {
        expect(parsePlanSnapshot(withCurrency(code)).plan.currency).to.equal(code);
      });
    }
    for (const code of ['ZZZ', 'RMB', 'XXX', 'cny', 'CN', 'CNYY', '']) {
      it(`rejects ${JSON.stringify(code)}`, () => {
        const e = thrown(() => parsePlanSnapshot(withCurrency(code)));
        expect(e.issues).to.deep.equal([
          { path: ['plan', 'currency'], code: 'currency', params: { value: code }, message: `"${code}" is not an ISO 4217 currency code such as CNY or USD` },
        ]);
      });
    }
  });

  describe('numbers', () => {
    it('rejects counts, ratios, weights and versions out of range, each once', () => {
      const { plan, actuals } = smallFixture();
      actuals.stageCounts[0]!.count = 2.5;
      actuals.stageCounts[1]!.count = -1;
      actuals.pipeline[0]!.probability = 1.5;
      actuals.pipeline[1]!.probability = -0.1;
      const e = thrown(() => parseActualsSnapshot(actuals));
      expect(e.issues.map((i) => [i.path.join('.'), (i as { code?: string }).code])).to.deep.equal([
        ['stageCounts.0.count', 'count'],
        ['stageCounts.1.count', 'count'],
        ['pipeline.0.probability', 'too-big'],
        ['pipeline.1.probability', 'too-small'],
      ]);
      plan.org[6]!.potential = -1;
      plan.plan.version = 1.5;
      plan.plan.fiscalYear = 12026;
      plan.stages[0]!.avgDays = Infinity;
      expect(thrown(() => parsePlanSnapshot(plan)).issues.map((i) => [i.path.join('.'), (i as { code?: string }).code])).to.deep.equal([
        ['plan.fiscalYear', 'too-big'],
        ['plan.version', 'type'],
        ['org.6.potential', 'weight'],
        ['stages.0.avgDays', 'type'],
      ]);
    });

    it('rejects amounts beyond the safe integer range', () => {
      const { actuals } = smallFixture();
      actuals.actuals[0]!.amount = 2 ** 53;
      expect(thrown(() => parseActualsSnapshot(actuals)).issues.map((i) => [i.path.join('.'), (i as { code?: string }).code])).to.deep.equal([
        ['actuals.0.amount', 'amount'],
      ]);
    });
  });

  it('an org with a cycle and a detached subtree reports the cycle, never drops it', () => {
    const { plan } = smallFixture();
    plan.org[2]!.parentId = 'south-sz'; // 华南 ↔ 深圳组; the reps under 深圳组 hang below the cycle
    const e = thrown(() => parsePlanSnapshot(plan));
    expect(logged(e)).to.deep.equal([
      { path: ['org', 2, 'parentId'], message: 'node "south" is part of a cycle: south → south-sz → south' },
      { path: ['org', 5, 'parentId'], message: 'node "south-sz" is part of a cycle: south-sz → south → south-sz' },
    ]);
  });

  it('an org without any root says so once', () => {
    const { plan } = smallFixture();
    plan.org[0]!.parentId = 'east';
    const e = thrown(() => parsePlanSnapshot(plan));
    expect(logged(e)).to.deep.equal([
      { path: ['org'], message: 'expected exactly one root node, found 0' },
      { path: ['org', 0, 'parentId'], message: 'node "co" is part of a cycle: co → east → co' },
      { path: ['org', 1, 'parentId'], message: 'node "east" is part of a cycle: east → co → east' },
    ]);
  });
});
