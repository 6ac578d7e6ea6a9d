/**
 * The reference server: the QuotaKit REST protocol (see src/adapter/rest-adapter.ts and the
 * OpenAPI document) over SQL, with identity from an authenticator and every permission decided by
 * the engine's own rules (`checkCellEdits`, `checkSubmission`, `decideAs`): one definition of each
 * rule, shared by the browser, the built-in adapters and this server.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import {
  buildOrgIndex,
  cellKey,
  checkCellEdits,
  checkSubmission,
  decideAs,
  type OrgIndex,
  type OrgNode,
  type PlanSnapshot,
  type TargetCell,
  type User,
} from '../../src/engine/index.js';
import { inScope } from '../../src/engine/adjustment/access.js';
import { canEditIncentivePlan } from '../../src/engine/incentive/access.js';
import { parseCommissionPlan } from '../../src/engine/incentive/plan.js';
import { checkTargetChange, AdjustmentPayloadSchema, NoticeSchema } from '../../src/adapter/validate.js';
import { type SchemaIssue } from '../../src/engine/plan/model.js';
import { parseWith } from '../../src/engine/plan/model-schema.js';
import type { AdjustmentPayload } from '../../src/adapter/adapter.js';
import type { Authenticator } from './auth.js';
import { DecisionBodySchema } from './protocol.js';
import { openApiDocument } from './openapi.js';
import type { Db, Sql } from './db.js';
import { appendLedger, findUser, loadActuals, loadInputs, loadStatic, loadTargets, loadUsers, planVersion, str, type StaticPlan } from './data.js';
import { checkInputsChange, commitmentKey, marketKey } from '../../src/engine/plan/edit-rights.js';
import { checkRamp } from '../../src/engine/plan/ramp.js';
import { PlanInputsChangeSchema } from '../../src/engine/plan/model-schema.js';
import type { PlanInputsChange } from '../../src/engine/plan/model.js';

export interface ServerOptions {
  db: Db;
  authenticate: Authenticator;
  /** Where the routes live (default `/api/quota`). */
  basePath?: string;
  /** The server's today (`YYYY-MM-DD`): cells of periods that ended before it keep their value. Default: the UTC date. */
  today?: () => string;
  /** Origins (e.g. `https://crm.example.com`) allowed to call across origins; same-origin calls always pass. */
  corsOrigins?: readonly string[];
  /** Largest request body in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** One structured entry per request and per notable event (default: JSON lines on stdout). */
  log?: (entry: Record<string, unknown>) => void;
  /** Seconds between SSE keep-alive comments (default 20). */
  keepAliveSeconds?: number;
}

export interface PlanEvent {
  type: 'plan';
  version: number;
  by: string;
}

type Env = { Variables: { user: User; requestId: string } };

/** An HTTP answer thrown from inside a route or a transaction (the transaction rolls back). */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? status));
  }
}
const fail = (status: number, message: string, extra: Record<string, unknown> = {}) => new HttpError(status, { message, ...extra });
const statusOf = (code: 'forbidden' | 'conflict' | 'invalid-data') => (code === 'forbidden' ? 403 : code === 'conflict' ? 409 : 400);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface QuotaServer {
  app: Hono<Env>;
  /** Subscribe to committed plan saves (the SSE route uses it). */
  onPlan(listener: (e: PlanEvent) => void): () => void;
  /** Open SSE streams. */
  readonly streams: number;
  close(): Promise<void>;
}

export async function createServer(options: ServerOptions): Promise<QuotaServer> {
  const { db, authenticate } = options;
  const base = (options.basePath ?? '/api/quota').replace(/\/+$/, '');
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const allowed = new Set(options.corsOrigins ?? []);
  const log = options.log ?? ((e: Record<string, unknown>) => process.stdout.write(JSON.stringify({ t: new Date().toISOString(), ...e }) + '\n'));
  const fixed: StaticPlan = await loadStatic(db);
  const index: OrgIndex = buildOrgIndex(fixed.org);
  const listeners = new Set<(e: PlanEvent) => void>();
  const closers = new Set<() => void>();
  let streams = 0;
  const emit = (e: PlanEvent) => {
    for (const l of [...listeners]) {
      try {
        l(e);
      } catch (err) {
        log({ level: 'error', msg: 'listener failed', error: String(err) });
      }
    }
  };

  /** Every node the user may see: the subtrees of `canView` (all of them for an admin). */
  const visibleOf = (user: User): Set<string> => {
    if (user.roles.includes('admin')) return new Set(index.byId.keys());
    return new Set([...index.byId.keys()].filter((id) => inScope(user.canView, id, index)));
  };

  /**
   * The org as the user may see it: their subtrees; with a single top node it becomes the root
   * (parentId null), with several the ancestors that join them are kept (names only: no targets).
   */
  const scopedOrg = (visible: Set<string>): OrgNode[] => {
    const tops = fixed.org.filter((n) => visible.has(n.id) && !(n.parentId && visible.has(n.parentId)));
    if (tops.length === 1) return fixed.org.filter((n) => visible.has(n.id)).map((n) => (n.id === tops[0]!.id ? { ...n, parentId: null } : n));
    const keep = new Set(visible);
    for (const t of tops) for (const a of index.ancestors(t.id)) keep.add(a);
    return fixed.org.filter((n) => keep.has(n.id));
  };

  const app = new Hono<Env>();

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json(err.body, err.status as 400);
    log({ level: 'error', msg: 'unhandled', requestId: c.get('requestId'), error: err instanceof Error ? err.stack : String(err) });
    return c.json({ message: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ message: `no route ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));

  // Structured log line per request.
  app.use('*', async (c, next) => {
    const t0 = performance.now();
    const requestId = c.req.header('x-request-id') ?? crypto.randomUUID();
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    await next();
    c.header('cache-control', 'no-store');
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId,
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      ms: Math.round((performance.now() - t0) * 10) / 10,
      user: c.get('user')?.id ?? null,
    });
  });

  app.use(
    `${base}/*`,
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'PUT', 'POST', 'OPTIONS'],
      allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'last-event-id', 'x-request-id'],
      exposeHeaders: ['x-request-id'],
      credentials: true,
      maxAge: 600,
    }),
  );

  // CSRF: a write comes from the same origin or an allowed one, and carries JSON (which a plain
  // HTML form cannot send, and which makes a browser ask CORS first).
  app.use(`${base}/*`, async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const self = new URL(c.req.url).origin;
      if (origin && origin !== self && !allowed.has(origin)) throw fail(403, `csrf: origin ${origin} may not write here`, { reason: 'csrf-origin' });
      if (!origin && c.req.header('sec-fetch-site') === 'cross-site') throw fail(403, 'csrf: a cross-site write without an Origin', { reason: 'csrf-origin' });
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(type)) throw fail(415, 'a write must be sent as application/json', { reason: 'csrf-content-type' });
    }
    await next();
  });

  app.use(
    `${base}/*`,
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 1024 * 1024,
      onError: (c) => c.json({ message: `the body is larger than ${options.maxBodyBytes ?? 1024 * 1024} bytes` }, 413),
    }),
  );

  app.get(`${base}/openapi.json`, (c) => c.json(openApiDocument({ serverUrl: base })));
  app.get(`${base}/health`, async (c) => c.json({ ok: true, db: db.kind, version: await planVersion(db) }));

  // Identity: from the authenticator alone.
  app.use(`${base}/*`, async (c, next) => {
    if (c.req.method === 'OPTIONS' || c.req.path === `${base}/health` || c.req.path === `${base}/openapi.json`) return next();
    const id = await authenticate(c.req.raw);
    if (!id) throw fail(401, 'sign in first: no valid token or session');
    const user = await findUser(db, id);
    if (!user) throw fail(403, `"${id}" is not a user of this plan`);
    c.set('user', user);
    await next();
  });

  const readJson = async (c: Context<Env>): Promise<unknown> => {
    const text = await c.req.text();
    try {
      return text.trim() === '' ? undefined : JSON.parse(text);
    } catch (e) {
      throw fail(400, 'the body is not JSON', { issues: [{ path: [], message: e instanceof Error ? e.message : String(e) }] });
    }
  };
  const invalid = (what: string, issues: SchemaIssue[]) =>
    fail(400, `invalid ${what}: ${issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, {
      issues: issues.map((i) => ({ path: i.path, message: i.message, ...(i.code ? { code: i.code } : {}) })),
    });

  /**
   * Runs a write once per `Idempotency-Key` (per user): a retry of the same request gets the first
   * answer again; the same key with another request gets 422.
   */
  const idempotent = async (
    c: Context<Env>,
    request: unknown,
    write: (tx: Sql) => Promise<{ status: number; body: unknown; after?: () => void }>,
  ) => {
    const key = c.req.header('idempotency-key');
    const user = c.get('user');
    const fingerprint = JSON.stringify([c.req.method, new URL(c.req.url).pathname, request]);
    const out = await db.transaction(async (tx) => {
      if (key) {
        const seen = await tx.query<{ request: string; status: number; body: unknown }>('select request, status, body from idempotency where user_id = $1 and key = $2', [user.id, key]);
        const hit = seen.rows[0];
        if (hit) {
          if (hit.request !== fingerprint) throw fail(422, `Idempotency-Key "${key}" was used for another request`, { reason: 'idempotency-key-reused' });
          return { status: hit.status, body: hit.body, replay: true as const };
        }
      }
      const r = await write(tx);
      if (key) {
        await tx.query('insert into idempotency (key, user_id, request, status, body) values ($1, $2, $3, $4, $5::jsonb)', [key, user.id, fingerprint, r.status, JSON.stringify(r.body ?? null)]);
      }
      return { ...r, replay: false as const };
    });
    if (!out.replay) out.after?.();
    if (out.replay) c.header('idempotent-replay', 'true');
    return out.status === 204 ? c.body(null, 204) : c.json(out.body as object, out.status as 200);
  };

  app.get(`${base}/me`, (c) => c.json(c.get('user')));

  app.get(`${base}/plan`, async (c) => {
    const user = c.get('user');
    const visible = visibleOf(user);
    const [version, targets, users, inputs] = await Promise.all([planVersion(db), loadTargets(db), loadUsers(db), loadInputs(db)]);
    const commitments = inputs.commitments.filter((x) => visible.has(x.nodeId));
    const market = inputs.market.filter((x) => visible.has(x.nodeId));
    const snapshot: PlanSnapshot = {
      // The new-product minimum share saved through /inputs overrides the seeded plan's.
      plan: { ...fixed.meta, version, ...(inputs.newProductMinShare !== null ? { newProductMinShare: inputs.newProductMinShare } : {}) },
      // A rep's ramp curve set through /inputs overrides the seeded one.
      org: scopedOrg(visible).map((n) => (inputs.ramps.has(n.id) ? { ...n, ramp: inputs.ramps.get(n.id)! } : n)),
      products: fixed.products,
      stages: fixed.stages,
      targets: targets.filter((t) => visible.has(t.nodeId)),
      users: users.filter((u) => u.id === user.id || (u.nodeId !== undefined && visible.has(u.nodeId)) || (!user.roles.includes('rep') && u.canView.some((v) => visible.has(v)))),
      ...(commitments.length ? { commitments } : {}),
      ...(market.length ? { market } : {}),
      ...(inputs.blend ? { blend: inputs.blend } : {}),
    };
    return c.json(snapshot);
  });

  app.get(`${base}/org/:id/children`, (c) => {
    const id = c.req.param('id');
    if (!index.byId.has(id)) throw fail(404, `no org node "${id}"`);
    const visible = visibleOf(c.get('user'));
    if (!visible.has(id)) throw fail(403, `"${id}" is outside what you may see`, { reason: 'scope' });
    return c.json(index.children(id).filter((k) => visible.has(k)).map((k) => index.byId.get(k)!));
  });

  app.get(`${base}/actuals`, async (c) => {
    const from = c.req.query('from') ?? '';
    const to = c.req.query('to') ?? '';
    const issues: SchemaIssue[] = [];
    const date = /^\d{4}-\d{2}-\d{2}$/;
    if (!date.test(from)) issues.push({ path: ['from'], message: 'expected YYYY-MM-DD' });
    if (!date.test(to)) issues.push({ path: ['to'], message: 'expected YYYY-MM-DD' });
    if (!issues.length && from > to) issues.push({ path: ['to'], message: 'to is before from' });
    if (issues.length) throw invalid('date range', issues);
    const visible = visibleOf(c.get('user'));
    const all = await loadActuals(db);
    const inRange = (d: string) => d >= from && d <= to;
    return c.json({
      from,
      to,
      actuals: all.actuals.filter((a) => inRange(a.date) && visible.has(a.repId)),
      stageCounts: all.stageCounts.filter((s) => s.month >= from.slice(0, 7) && s.month <= to.slice(0, 7) && visible.has(s.repId)),
      pipeline: all.pipeline.filter((o) => inRange(o.expectedClose) && visible.has(o.repId)),
    });
  });

  app.put(`${base}/targets`, async (c) => {
    const user = c.get('user');
    const data = await readJson(c);
    const checked = checkTargetChange(data, { org: fixed.org, products: fixed.products, plan: { ...fixed.meta, version: 0 } });
    if (!checked.ok) throw invalid('target change', checked.issues);
    const change = checked.value;
    return idempotent(c, change, async (tx) => {
      // The conditional update takes the plan row's lock: concurrent saves queue here, and only the
      // first one based on the current version passes.
      const moved = await tx.query<{ version: number }>('update plan set version = version + 1 where version = $1 returning version', [change.baseVersion]);
      if (!moved.rows.length) {
        const current = await planVersion(tx);
        throw fail(409, `based on version ${change.baseVersion}, but the plan is at version ${current}`, { currentVersion: current });
      }
      const version = moved.rows[0]!.version;
      const keys = [...change.cells.map(cellKey), ...(change.removed ?? []).map(cellKey)];
      const before = new Map((await tx.query<{ key: string; doc: TargetCell }>('select key, doc from target where key = any($1::text[])', [keys])).rows.map((r) => [r.key, r.doc]));
      const removed = [...new Set((change.removed ?? []).map(cellKey))].filter((k) => before.has(k));
      const refused = checkCellEdits(
        user,
        [...change.cells.map((cell) => ({ before: before.get(cellKey(cell)), after: cell })), ...removed.map((k) => ({ key: k, before: before.get(k), after: undefined }))],
        { index, calendar: fixed.meta.calendar, asOf: today(), lockClosedPeriods: true },
      );
      if (refused) throw fail(403, `${refused.reason} (${refused.cell})`, { reason: refused.reason, params: refused.params, cell: refused.cell });
      for (const cell of change.cells) {
        await tx.query('insert into target (key, node_id, doc) values ($1, $2, $3::jsonb) on conflict (key) do update set doc = excluded.doc', [cellKey(cell), cell.nodeId, JSON.stringify(cell)]);
      }
      if (removed.length) await tx.query('delete from target where key = any($1::text[])', [removed]);
      await appendLedger(tx, {
        actor: user.id,
        action: 'targets.save',
        subject: `plan@${version}`,
        nodeId: change.cells[0]?.nodeId ?? null,
        detail: { baseVersion: change.baseVersion, version, cells: change.cells, removed: change.removed ?? [] },
      });
      return { status: 200, body: { version }, after: () => emit({ type: 'plan', version, by: user.id }) };
    });
  });

  // Planning inputs (issue 16 item 1): the rights from the signed-in user alone (`checkInputsChange`:
  // a rep only their own commitment; market, blend and ramp curves need edit rights over the node),
  // from the plan version they read; the version moves on like a target save.
  app.put(`${base}/inputs`, async (c) => {
    const user = c.get('user');
    const parsed = parseWith<PlanInputsChange>(PlanInputsChangeSchema as never, await readJson(c));
    if (!parsed.ok) throw invalid('inputs change', parsed.issues);
    const change = parsed.value;
    for (const [i, r] of (change.ramps ?? []).entries()) {
      const ok = checkRamp(r.steps);
      if (!ok.ok) throw invalid('inputs change', [{ path: ['ramps', i, 'steps', ...(ok.error.path ?? [])], message: ok.error.message }]);
    }
    const unknown = [...(change.commitments ?? []), ...(change.market ?? []), ...(change.ramps ?? [])].find((x) => !index.byId.has(x.nodeId));
    if (unknown) throw invalid('inputs change', [{ path: ['nodeId'], message: `unknown node "${unknown.nodeId}"` }]);
    const verdict = checkInputsChange(user, change, index);
    if (!verdict.allowed) throw fail(403, `${verdict.reason} (${JSON.stringify(verdict.params)})`, { reason: verdict.reason, params: verdict.params });
    return idempotent(c, change, async (tx) => {
      const moved = await tx.query<{ version: number }>('update plan set version = version + 1 where version = $1 returning version', [change.baseVersion]);
      if (!moved.rows.length) {
        const current = await planVersion(tx);
        throw fail(409, `based on version ${change.baseVersion}, but the plan is at version ${current}`, { currentVersion: current });
      }
      const version = moved.rows[0]!.version;
      const put = (kind: string, key: string, nodeId: string | null, doc: unknown) =>
        tx.query(
          `insert into plan_input (kind, key, node_id, doc) values ($1, $2, $3, $4::jsonb)
           on conflict (kind, key) do update set doc = excluded.doc, updated_at = now()`,
          [kind, key, nodeId, JSON.stringify(doc)],
        );
      // A commitment is the signed-in user's entry, whatever the body says.
      for (const x of change.commitments ?? []) await put('commitment', commitmentKey(x), x.nodeId, { ...x, by: user.id });
      for (const x of change.market ?? []) await put('market', marketKey(x), x.nodeId, x);
      if (change.blend) await put('blend', 'plan', null, change.blend);
      if (change.newProductMinShare !== undefined) await put('new-product-min-share', 'plan', null, change.newProductMinShare);
      for (const r of change.ramps ?? []) {
        if (r.steps.length) await put('ramp', r.nodeId, r.nodeId, r.steps);
        else await tx.query(`delete from plan_input where kind = 'ramp' and key = $1`, [r.nodeId]);
      }
      await appendLedger(tx, {
        actor: user.id,
        action: 'inputs.save',
        subject: `plan@${version}`,
        nodeId: change.commitments?.[0]?.nodeId ?? change.market?.[0]?.nodeId ?? change.ramps?.[0]?.nodeId ?? null,
        detail: { ...change, version },
      });
      return { status: 200, body: { version }, after: () => emit({ type: 'plan', version, by: user.id }) };
    });
  });

  // The commission plan: anyone signed in reads it; only finance or an admin changes it (from the
  // signed-in identity), from the version they read.
  app.get(`${base}/incentive-plan`, async (c) => {
    const row = (await db.query<{ version: number; doc: Record<string, unknown> }>('select version, doc from incentive_plan where id = $1', ['plan'])).rows[0];
    return c.json(row ? { version: row.version, plan: row.doc } : null);
  });

  app.put(`${base}/incentive-plan`, async (c) => {
    const user = c.get('user');
    const may = canEditIncentivePlan(user);
    if (!may.allowed) throw fail(403, `${may.reason}: only finance or an administrator may change the commission plan`, { reason: may.reason, params: may.params });
    const body = (await readJson(c)) as { baseVersion?: unknown; plan?: unknown } | null;
    const baseVersion = body?.baseVersion;
    if (typeof baseVersion !== 'number' || !Number.isInteger(baseVersion) || baseVersion < 0) throw invalid('commission plan', [{ path: ['baseVersion'], message: 'expected a whole number ≥ 0' }]);
    const parsed = parseCommissionPlan(body?.plan);
    if (!parsed.ok) throw invalid('commission plan', (parsed.issues ?? []).map((i) => ({ ...i, path: ['plan', ...i.path] })));
    return idempotent(c, body, async (tx) => {
      const current = (await tx.query<{ version: number }>('select version from incentive_plan where id = $1 for update', ['plan'])).rows[0]?.version ?? 0;
      if (current !== baseVersion) throw fail(409, `based on version ${baseVersion}, but the commission plan is at version ${current}`, { currentVersion: current });
      const version = current + 1;
      await tx.query(
        `insert into incentive_plan (id, version, doc) values ($1, $2, $3::jsonb)
         on conflict (id) do update set version = excluded.version, doc = excluded.doc, updated_at = now()`,
        ['plan', version, JSON.stringify(parsed.value)],
      );
      await appendLedger(tx, { actor: user.id, action: 'incentive-plan.save', subject: `incentive-plan@${version}`, nodeId: null, detail: { baseVersion, version } });
      return { status: 200, body: { version } };
    });
  });

  app.post(`${base}/notify`, async (c) => {
    const user = c.get('user');
    const parsed = parseWith(NoticeSchema, await readJson(c));
    if (!parsed.ok) throw invalid('notice', parsed.issues);
    await db.transaction((tx) => appendLedger(tx, { actor: user.id, action: 'notify', subject: parsed.value.subject, detail: parsed.value }));
    return c.body(null, 204);
  });

  const canSeeAdjustment = (user: User, visible: Set<string>, a: AdjustmentPayload) =>
    a.requesterId === user.id || (typeof a.nodeId === 'string' ? visible.has(a.nodeId) : user.roles.includes('admin'));

  app.get(`${base}/adjustments`, async (c) => {
    const user = c.get('user');
    const visible = visibleOf(user);
    const rows = await db.query<{ doc: AdjustmentPayload }>('select doc from adjustment order by updated_at, id');
    return c.json(rows.rows.map((r) => r.doc).filter((a) => canSeeAdjustment(user, visible, a)));
  });

  app.post(`${base}/adjustments`, async (c) => {
    const user = c.get('user');
    const parsed = parseWith(AdjustmentPayloadSchema, await readJson(c));
    if (!parsed.ok) throw invalid('adjustment', parsed.issues);
    const incoming = parsed.value as AdjustmentPayload;
    return idempotent(c, incoming, async (tx) => {
      const existing = (await tx.query<{ doc: AdjustmentPayload }>('select doc from adjustment where id = $1 for update', [incoming.id])).rows[0]?.doc;
      if (existing && !canSeeAdjustment(user, visibleOf(user), existing)) throw fail(404, `no adjustment "${incoming.id}"`);
      const answer = checkSubmission(user, incoming, existing, index);
      if (!answer.allowed) throw fail(statusOf(answer.code), answer.message, { reason: answer.reason, params: answer.params });
      await tx.query(
        `insert into adjustment (id, node_id, requester_id, doc) values ($1, $2, $3, $4::jsonb)
         on conflict (id) do update set doc = excluded.doc, updated_at = now()`,
        [incoming.id, str(incoming.nodeId), str(incoming.requesterId), JSON.stringify(incoming)],
      );
      await appendLedger(tx, {
        actor: user.id,
        action: existing ? 'adjustment.update' : 'adjustment.create',
        subject: incoming.id,
        nodeId: str(incoming.nodeId),
        detail: { from: existing?.status ?? null, to: incoming.status ?? null },
      });
      return { status: 200, body: incoming };
    });
  });

  app.post(`${base}/adjustments/:id/decision`, async (c) => {
    const user = c.get('user');
    const id = c.req.param('id');
    const parsed = parseWith(DecisionBodySchema, await readJson(c));
    if (!parsed.ok) throw invalid('decision', parsed.issues);
    const body = parsed.value;
    // Identity is the session's: a body naming someone else is refused, never believed.
    if (body.by !== undefined && body.by !== user.id) {
      throw fail(403, `adjustment-not-signed-in: "${body.by}" is not the signed-in user "${user.id}"`, { reason: 'adjustment-not-signed-in', params: { by: body.by } });
    }
    return idempotent(c, { id, ...body }, async (tx) => {
      const existing = (await tx.query<{ doc: AdjustmentPayload }>('select doc from adjustment where id = $1 for update', [id])).rows[0]?.doc;
      if (!existing || !canSeeAdjustment(user, visibleOf(user), existing)) throw fail(404, `no adjustment "${id}"`);
      const decided = decideAs(user, existing, { approve: body.approve, by: user.id, ...(body.comment !== undefined ? { comment: body.comment } : {}) }, index, new Date().toISOString());
      if (!decided.ok) {
        const r = decided.refusal;
        throw fail(r ? statusOf(r.code) : 403, r?.message ?? decided.error.message, { reason: r?.reason ?? decided.error.code, params: r?.params ?? {} });
      }
      await tx.query('update adjustment set doc = $2::jsonb, updated_at = now() where id = $1', [id, JSON.stringify(decided.value)]);
      await appendLedger(tx, { actor: user.id, action: body.approve ? 'adjustment.approve' : 'adjustment.reject', subject: id, nodeId: str(existing.nodeId), detail: { comment: body.comment ?? null } });
      return { status: 200, body: decided.value };
    });
  });

  app.get(`${base}/audit`, async (c) => {
    const user = c.get('user');
    const visible = visibleOf(user);
    const after = Number(c.req.query('after') ?? 0) || 0;
    const rows = await db.query<{ seq: string | number; at: string | Date; actor: string; action: string; subject: string; node_id: string | null; detail: unknown }>(
      'select seq, at, actor, action, subject, node_id, detail from audit_ledger where seq > $1 order by seq limit 1000',
      [after],
    );
    const admin = user.roles.includes('admin');
    return c.json(
      rows.rows
        .filter((r) => admin || r.actor === user.id || (r.node_id !== null && visible.has(r.node_id)))
        .map((r) => ({ seq: Number(r.seq), at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, subject: r.subject, nodeId: r.node_id, detail: r.detail })),
    );
  });

  // Push: every committed save, to every open dashboard; each reloads its own scoped plan.
  app.get(`${base}/events`, (c) =>
    streamSSE(c, async (stream) => {
      streams++;
      let wake: () => void = () => undefined;
      const queue: PlanEvent[] = [];
      const off = (() => {
        const l = (e: PlanEvent) => {
          queue.push(e);
          wake();
        };
        listeners.add(l);
        return () => listeners.delete(l);
      })();
      let closed = false;
      const stop = () => {
        closed = true;
        wake();
      };
      closers.add(stop);
      stream.onAbort(stop);
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ version: await planVersion(db) }) });
        const keepAlive = (options.keepAliveSeconds ?? 20) * 1000;
        while (!closed) {
          if (!queue.length) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              const t = setTimeout(resolve, keepAlive);
              t.unref?.();
            });
          }
          if (closed) break;
          if (!queue.length) {
            await stream.write(': keep-alive\n\n');
            continue;
          }
          const e = queue.shift()!;
          await stream.writeSSE({ event: 'plan', id: String(e.version), data: JSON.stringify({ version: e.version, by: e.by }) });
        }
      } finally {
        off();
        closers.delete(stop);
        streams--;
      }
    }),
  );

  return {
    app,
    onPlan(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get streams() {
      return streams;
    },
    async close() {
      for (const stop of [...closers]) stop();
    },
  };
}
