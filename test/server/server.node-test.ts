/** The reference server's own guarantees, beyond what the conformance suite can see from outside. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hmacTokens, migrate, trustedHeader } from '../../server/src/index.js';
import { startReference, type Reference } from './support.js';

const json = (token: string, body: unknown, extra: Record<string, string> = {}) => ({
  method: 'PUT',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

describe('reference server', () => {
  let ref: Reference;
  before(async () => {
    ref = await startReference({ maxBodyBytes: 64 * 1024 });
  });
  after(async () => {
    await ref?.close();
  });

  const version = async () => ((await (await fetch(`${ref.base}/plan`, { headers: { authorization: `Bearer ${ref.token('u-admin')}` } })).json()) as { plan: { version: number } }).plan.version;

  it('the audit ledger refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const admin = ref.token('u-admin');
    const v = await version();
    const r = await fetch(`${ref.base}/targets`, json(admin, { baseVersion: v, cells: [{ nodeId: 'region-1', period: '2026-12', metric: 'won', value: 5 }] }));
    assert.equal(r.status, 200);
    const rows = await ref.db.query<{ seq: number }>('select seq from audit_ledger');
    assert.ok(rows.rows.length >= 1);
    for (const sql of ["update audit_ledger set actor = 'someone-else'", 'delete from audit_ledger', 'truncate audit_ledger']) {
      await assert.rejects(ref.db.query(sql), /audit_ledger is append-only/, sql);
    }
    const again = await ref.db.query<{ actor: string }>('select actor from audit_ledger order by seq');
    assert.equal(again.rows.at(-1)!.actor, 'u-admin');
  });

  it('migrations run once: a second run applies nothing', async () => {
    assert.deepEqual(await migrate(ref.db), []);
  });

  it('ten saves from the same version at once: exactly one is stored, nine get 409 with the version it made', async () => {
    const admin = ref.token('u-admin');
    const v = await version();
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => fetch(`${ref.base}/targets`, json(admin, { baseVersion: v, cells: [{ nodeId: 'region-2', period: '2026-12', metric: 'won', value: 100 + i }] }))),
    );
    const statuses = replies.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const bodies = await Promise.all(replies.map((r) => r.json() as Promise<{ version?: number; currentVersion?: number }>));
    for (const b of bodies) assert.equal(b.version ?? b.currentVersion, v + 1);
    assert.equal(await version(), v + 1);
  });

  it('a decision whose body names another user is refused with 403, whatever the rules would say for that user', async () => {
    const rep = ref.token('u-rep-1-1-1');
    const id = 'srv-claim';
    const at = '2026-11-27T08:00:00.000Z';
    const request = {
      id, planId: 'sample-fy2026', nodeId: 'rep-1-1-1', metric: 'won', periods: ['2026-12'], change: { kind: 'value', value: 3 }, trigger: 'other',
      reason: 'a key account moved to this territory', absorption: { mode: 'parent' }, requesterId: 'u-rep-1-1-1', createdAt: at, status: 'pending',
    };
    const submitted = await fetch(`${ref.base}/adjustments`, { ...json(rep, request), method: 'POST' });
    assert.equal(submitted.status, 200);
    const mgr = ref.token('u-mgr-1');
    const claim = await fetch(`${ref.base}/adjustments/${id}/decision`, { ...json(mgr, { approve: true, by: 'u-admin' }), method: 'POST' });
    assert.equal(claim.status, 403);
    assert.equal(((await claim.json()) as { reason: string }).reason, 'adjustment-not-signed-in');
    const ok = await fetch(`${ref.base}/adjustments/${id}/decision`, { ...json(mgr, { approve: true }), method: 'POST' });
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { decision: { by: string } }).decision.by, 'u-mgr-1');
  });

  it('a tampered, expired or foreign token is 401; a valid token of an unknown user is 403', async () => {
    const good = ref.token('u-admin');
    const [head, payload, sig] = good.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ sub: 'u-admin', exp: 4102444800 })).toString('base64url')}.${sig}`;
    const expired = hmacTokens('conformance-secret-0123456789', () => Date.now() - 13 * 3600_000).sign('u-admin');
    const foreign = hmacTokens('another-secret-0123456789').sign('u-admin');
    for (const t of [forged, expired, foreign, `${head}.${payload}`]) {
      assert.equal((await fetch(`${ref.base}/me`, { headers: { authorization: `Bearer ${t}` } })).status, 401, t);
    }
    assert.equal((await fetch(`${ref.base}/me`, { headers: { authorization: `Bearer ${ref.token('u-nobody')}` } })).status, 403);
  });

  it('a body over the limit is 413 and changes nothing', async () => {
    const v = await version();
    const cells = Array.from({ length: 2000 }, (_, i) => ({ nodeId: 'region-3', period: '2026-12', metric: 'won', value: i, product: `p-${i}` }));
    // On a connection of its own: the server answers 413 without reading the rest of the body and
    // drops the connection, and a loaded machine let the next test's request reuse it ("other side closed").
    const r = await fetch(`${ref.base}/targets`, json(ref.token('u-admin'), { baseVersion: v, cells }, { connection: 'close' }));
    assert.equal(r.status, 413);
    assert.equal(await version(), v);
  });

  it('CORS: an allowed origin gets its preflight answered; others get no CORS headers', async () => {
    const ask = (origin: string) =>
      fetch(`${ref.base}/targets`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,content-type,idempotency-key' } });
    const ok = await ask('https://crm.example');
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://crm.example');
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
    assert.equal((await ask('https://evil.example')).headers.get('access-control-allow-origin'), null);
    const write = await fetch(`${ref.base}/targets`, json(ref.token('u-admin'), { baseVersion: 0, cells: [] }, { origin: 'https://crm.example' }));
    assert.equal(write.status, 409, 'an allowed origin passes the CSRF check (and meets the version check)');
  });

  it('logs one structured entry per request: method, path, status, user, duration, request id', async () => {
    await fetch(`${ref.base}/me`, { headers: { authorization: `Bearer ${ref.token('u-finance')}`, 'x-request-id': 'trace-42' } });
    const entry = ref.logs.find((e) => e.requestId === 'trace-42');
    assert.deepEqual({ ...entry, ms: typeof entry?.ms }, { level: 'info', msg: 'request', requestId: 'trace-42', method: 'GET', path: '/api/quota/me', status: 200, user: 'u-finance', ms: 'number' });
  });

  it('trustedHeader reads the user id from the proxy header, and nothing else', async () => {
    const auth = trustedHeader('x-quotakit-user');
    assert.equal(await auth(new Request('http://x/', { headers: { 'x-quotakit-user': 'u-mgr-1' } })), 'u-mgr-1');
    assert.equal(await auth(new Request('http://x/', { headers: { authorization: 'Bearer u-mgr-1' } })), null);
  });
});
