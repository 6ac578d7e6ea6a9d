// `npm run bench:server-load`: a bounded load test of the reference server on loopback.
// EDITORS (50) simulated editors each make SAVES (200) edits, each edit to a cell of its own, and
// send a save after every edit, the way the kit's store does: the save carries every edit not yet
// confirmed, from the version the editor last saw; a 409 keeps them pending (the next save, from
// the version the 409 names, carries them again, after a short random backoff). At the end every
// edit must be in the plan, and in exactly one successful save of the audit ledger (no lost or
// duplicated edit). Prints request latency percentiles and how long an edit waited to be saved.
// On PostgreSQL when DATABASE_URL is set (its public schema is emptied!), else on PGlite.
// Fails when it takes longer than DEADLINE_S (600) seconds.
import { loadServer } from '../../server/build.mjs';

const EDITORS = Number(process.env.EDITORS ?? 50);
const SAVES = Number(process.env.SAVES ?? 200);
const DEADLINE_S = Number(process.env.DEADLINE_S ?? 600);
const { createServer, hmacTokens, listen, migrate, openPglite, openPostgres, sampleSeed, seed } = await loadServer();

const url = process.env.DATABASE_URL;
const db = url ? await openPostgres(url, 20) : await openPglite();
if (url) await db.query('drop schema public cascade').then(() => db.query('create schema public'));
await migrate(db);
const data = sampleSeed();
await seed(db, data);
const tokens = hmacTokens('load-test-secret-0123456789');
const server = await createServer({ db, authenticate: tokens.authenticate, today: () => '2026-11-27', log: () => undefined });
const http = await listen(server.app);
const base = `${http.url}/api/quota`;

const reps = data.plan.org.filter((n) => n.kind === 'rep').slice(0, EDITORS);
if (reps.length < EDITORS) throw new Error(`the sample has only ${reps.length} reps`);
const editorUsers = ['u-admin', 'u-director'];
const requestMs = [];
const saveMs = [];
let conflicts = 0;
let attempts = 0;
const deadline = Date.now() + DEADLINE_S * 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const months = Array.from({ length: 12 }, (_, k) => `2026-${String(k + 1).padStart(2, '0')}`);
const cellsOfEditor = [];
for (const product of [undefined, ...data.plan.products.map((p) => p.id)]) {
  for (const metric of ['leads', 'visits', 'demos', 'quotes', 'won']) for (const period of months) cellsOfEditor.push({ period, metric, ...(product ? { product } : {}) });
}
if (cellsOfEditor.length < SAVES) throw new Error(`at most ${cellsOfEditor.length} edits per editor`);
const keyOf = (c) => `${c.nodeId}|${c.period}|${c.metric}|${c.product ?? ''}`;
let saves = 0;

async function editor(i) {
  const token = tokens.sign(editorUsers[i % editorUsers.length]);
  const nodeId = reps[i].id;
  let version = 1;
  /** Edits not confirmed yet: key → [cell, time of the edit]. */
  const pending = new Map();
  let n = 0;
  let tries = 0;
  while (n < SAVES || pending.size) {
    if (Date.now() > deadline) throw new Error(`over the ${DEADLINE_S} s deadline`);
    if (n < SAVES) {
      n++;
      const cell = { nodeId, ...cellsOfEditor[n - 1], value: n };
      pending.set(keyOf(cell), [cell, performance.now()]);
    }
    const sent = [...pending.values()];
    const a = performance.now();
    const res = await fetch(`${base}/targets`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `load-${i}-${attempts}-${a}` },
      body: JSON.stringify({ baseVersion: version, cells: sent.map(([c]) => c) }),
    });
    const body = await res.json();
    const done = performance.now();
    requestMs.push(done - a);
    attempts++;
    if (res.status === 200) {
      version = body.version;
      saves++;
      tries = 0;
      for (const [c, t] of sent) {
        pending.delete(keyOf(c));
        saveMs.push(done - t);
      }
      continue;
    }
    if (res.status !== 409) throw new Error(`editor ${i} edit ${n}: HTTP ${res.status} ${JSON.stringify(body)}`);
    conflicts++;
    version = body.currentVersion;
    await sleep(Math.random() * Math.min(50, 2 ** Math.min(++tries, 6)));
  }
}

const t0 = performance.now();
let failure = null;
try {
  await Promise.all(Array.from({ length: EDITORS }, (_, i) => editor(i)));
} catch (e) {
  failure = e;
}
const seconds = (performance.now() - t0) / 1000;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const fmt = (xs) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`;

const problems = [];
if (failure) problems.push(String(failure.message ?? failure));
const stored = new Map((await db.query('select key, doc from target')).rows.map((r) => [r.key, r.doc.value]));
const inLedger = new Map();
for (const { detail } of (await db.query("select detail from audit_ledger where action = 'targets.save' order by seq")).rows) {
  for (const c of detail.cells) inLedger.set(keyOf(c), (inLedger.get(keyOf(c)) ?? 0) + 1);
}
let edits = 0;
for (let i = 0; i < EDITORS; i++) {
  for (let n = 1; n <= SAVES; n++) {
    edits++;
    const key = keyOf({ nodeId: reps[i].id, ...cellsOfEditor[n - 1] });
    if (stored.get(key) !== n) problems.push(`lost: ${key} holds ${stored.get(key)}, expected ${n}`);
    if (inLedger.get(key) !== 1) problems.push(`${inLedger.get(key) ? 'duplicated' : 'not in the ledger'}: ${key} is in ${inLedger.get(key) ?? 0} saves`);
  }
}
const version = (await db.query('select version from plan')).rows[0].version;
if (version !== 1 + saves) problems.push(`the plan is at version ${version} after ${saves} successful saves`);

console.log(`server load (${db.kind}, loopback): ${EDITORS} editors × ${SAVES} edits, a save after each = ${edits} edits in ${seconds.toFixed(1)} s`);
console.log(`  save requests: ${attempts}: ${saves} stored, ${conflicts} answered 409 (their edits went with a later save)`);
console.log(`  request latency: ${fmt(requestMs)}`);
console.log(`  edit → stored: ${fmt(saveMs)}`);
console.log(problems.length ? `  FAILED (${problems.length}):\n  - ${problems.slice(0, 20).join('\n  - ')}` : `  no lost or duplicated edit: all ${edits} in the plan and each in exactly one stored save; version ${version}`);
await server.close();
await http.close();
await db.close();
process.exit(problems.length ? 1 : 0);
