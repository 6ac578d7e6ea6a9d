import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runConformance } from '../../src/conformance/index.js';
import { startReference, TODAY, type Reference } from './support.js';

const databases: ('pglite' | 'postgres')[] = ['pglite', ...(process.env.QK_TEST_DATABASE_URL ? (['postgres'] as const) : [])];

for (const database of databases) {
  describe(`conformance: the reference server on ${database}`, () => {
    let ref: Reference;
    before(async () => {
      ref = await startReference({ database });
    });
    after(async () => {
      await ref?.close();
    });

    it('passes every check, none skipped', async () => {
      const report = await runConformance({
        baseUrl: ref.base,
        today: TODAY,
        tokens: { admin: ref.token('u-admin'), manager: ref.token('u-mgr-1'), rep: ref.token('u-rep-1-1-1'), otherManager: ref.token('u-mgr-2') },
      });
      const problems = report.results.filter((r) => r.status !== 'pass').map((r) => `${r.status}: ${r.name}: ${r.detail}`);
      assert.deepEqual(problems, []);
      assert.equal(report.passed, 19);
    });

    it('fails a server that trusts the body or does not scope its reads (the suite can fail)', async () => {
      const tokens = { admin: ref.token('u-admin'), manager: ref.token('u-mgr-1'), rep: ref.token('u-rep-1-1-1'), otherManager: ref.token('u-mgr-2') };
      const byUser: Record<string, string> = { 'u-admin': tokens.admin, 'u-mgr-1': tokens.manager, 'u-rep-1-1-1': tokens.rep, 'u-mgr-2': tokens.otherManager };
      // A careless server in front of the real one: it answers GET /plan with the whole org, and
      // acts for whoever a decision's body names.
      const careless: typeof fetch = async (input, init) => {
        const url = String(input);
        const headers = new Headers(init?.headers);
        if (url.endsWith('/plan') && headers.has('authorization')) headers.set('authorization', `Bearer ${tokens.admin}`);
        if (url.endsWith('/decision') && init?.body) {
          const by = (JSON.parse(String(init.body)) as { by?: string }).by;
          if (by && byUser[by]) headers.set('authorization', `Bearer ${byUser[by]}`);
        }
        return fetch(input, { ...init, headers });
      };
      const report = await runConformance({ baseUrl: ref.base, today: TODAY, tokens, fetch: careless });
      const failed = report.results.filter((r) => r.status === 'fail').map((r) => r.name);
      assert.deepEqual(failed, [
        'scoped reads: a rep sees only their own subtree (org, targets, users, actuals)',
        'a body that claims another user is refused (requesterId, decision by)',
      ]);
    });
  });
}
