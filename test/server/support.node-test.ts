/**
 * The test support itself: every suite's startReference() gives it the database as a fresh migrate
 * and seed leave it, although on PGlite the later suites get the seeded rows copied back instead of
 * migrating and seeding again (support.ts, freshPglite).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startReference, type Reference } from './support.js';

describe('startReference: every suite starts from the freshly seeded database', () => {
  const plan = async (ref: Reference) =>
    (await (await fetch(`${ref.base}/plan`, { headers: { authorization: `Bearer ${ref.token('u-admin')}` } })).json()) as { plan: { version: number }; targets: unknown[] };
  const save = async (ref: Reference, baseVersion: number, value: number) =>
    (
      await fetch(`${ref.base}/targets`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${ref.token('u-admin')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ baseVersion, cells: [{ nodeId: 'region-1', period: '2026-12', metric: 'won', value }] }),
      })
    ).status;
  const ledger = async (ref: Reference) => (await ref.db.query<{ seq: string | number }>('select seq from audit_ledger order by seq')).rows.map((r) => Number(r.seq));
  const tables = async (ref: Reference) => (await ref.db.query<{ t: string }>("select tablename as t from pg_tables where schemaname = 'public' order by 1")).rows.map((r) => r.t);

  it("a suite's saves, ledger entries and sequence numbers, and a table it made, are gone for the next", async () => {
    let fresh: { version: number; targets: string; tables: string[] } | undefined;
    // Three suites in a row: the second starts after a suite that only wrote rows, the third after
    // one that also changed the schema.
    for (const round of [1, 2, 3]) {
      const ref = await startReference();
      try {
        const p = await plan(ref);
        const now = { version: p.plan.version, targets: JSON.stringify(p.targets), tables: await tables(ref) };
        fresh ??= now;
        assert.deepEqual(now, fresh, `round ${round}: the seeded plan, targets and tables`);
        assert.deepEqual(await ledger(ref), [], `round ${round}: an empty ledger`);
        // Two saves: the ledger numbers them 1 and 2 on a fresh database (its sequence restarted).
        assert.equal(await save(ref, fresh.version, 10 + round), 200);
        assert.equal(await save(ref, fresh.version + 1, 20 + round), 200);
        assert.deepEqual(await ledger(ref), [1, 2], `round ${round}: the ledger's sequence starts at 1`);
        assert.equal((await plan(ref)).plan.version, fresh.version + 2);
        if (round === 2) await ref.db.query('create table stray (id integer)');
      } finally {
        await ref.close();
      }
    }
  });
});
