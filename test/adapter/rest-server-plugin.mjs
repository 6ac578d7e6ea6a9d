/**
 * A @web/test-runner plugin that serves a real HTTP JSON API implementing the QuotaKit REST
 * contract (see src/adapter/rest-adapter.ts) on the test server itself, so RestAdapter is tested
 * with the browser's real fetch against a real server, on the same origin.
 *
 * Routes live under `/__qk-rest/{session}/…`; each session (one per test file or test) has its own
 * in-memory data, so parallel test files never see each other's saves. Test control routes:
 * - `POST {base}/__control/reset` body `{ plan, actuals, user }`: replaces the data (the test posts
 *   its TypeScript fixture as JSON, so nothing here imports TypeScript) and clears any scenario;
 * - `POST {base}/__control/next` body `{ status?, delayMs?, rawBody?, json? }`: the next API request
 *   answers with this status (500, 403…), after this delay, with this raw (e.g. non-JSON) body, or
 *   with this JSON body instead of the real one;
 * - `POST {base}/__control/bump`: another user saved: the plan version moves on by one;
 * - `GET {base}/__control/state`: `{ version, sent, adjustments }` as the server sees them.
 */

const PREFIX = '/__qk-rest/';

async function readJson(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

function send(ctx, status, body) {
  ctx.status = status;
  ctx.set('cache-control', 'no-store');
  if (body !== undefined) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(body);
  }
}

const key = (c) => [c.nodeId, c.period, c.metric, c.product ?? ''].join('\u0000');

/** The host's side of the contract, over one session's data. Returns [status, body]. */
function handleApi(session, method, path, query, body) {
  const { plan, actuals } = session;
  if (method === 'GET' && path === '/plan') return [200, plan];
  if (method === 'GET' && path === '/actuals') {
    const from = query.get('from');
    const to = query.get('to');
    if (!from || !to) return [400, { message: 'from and to are required' }];
    const inRange = (d) => d >= from && d <= to;
    return [
      200,
      {
        from,
        to,
        actuals: actuals.actuals.filter((a) => inRange(a.date)),
        stageCounts: actuals.stageCounts.filter((c) => c.month >= from.slice(0, 7) && c.month <= to.slice(0, 7)),
        pipeline: actuals.pipeline.filter((o) => inRange(o.expectedClose)),
      },
    ];
  }
  if (method === 'PUT' && path === '/targets') {
    if (!body || !Number.isInteger(body.baseVersion) || !Array.isArray(body.cells)) return [400, { message: 'expected { baseVersion, cells }' }];
    if (body.baseVersion !== plan.plan.version) return [409, { currentVersion: plan.plan.version }];
    const incoming = new Map(body.cells.map((c) => [key(c), c]));
    plan.targets = plan.targets.map((t) => {
      const next = incoming.get(key(t));
      incoming.delete(key(t));
      return next ?? t;
    });
    plan.targets.push(...incoming.values());
    const removed = new Set((body.removed ?? []).map(key));
    plan.targets = plan.targets.filter((t) => !removed.has(key(t)));
    plan.plan.version += 1;
    return [200, { version: plan.plan.version }];
  }
  // Planning inputs, as the reference server keeps them: the rights come from the signed-in user
  // (a rep only their own commitment; market, blend and ramp curves need a manager or an admin).
  if (method === 'PUT' && path === '/inputs') {
    if (!body || !Number.isInteger(body.baseVersion)) return [400, { message: 'expected { baseVersion, … }' }];
    const roles = session.user.roles ?? [];
    const manager = roles.includes('manager') || roles.includes('admin');
    const foreign = (body.commitments ?? []).find((c) => c.nodeId !== session.user.nodeId);
    if (foreign && !manager) return [403, { message: 'a rep may enter only their own commitment', reason: 'input-commitment-not-own', params: { node: foreign.nodeId } }];
    if ((body.market?.length || body.blend || body.ramps?.length) && !manager) return [403, { message: 'only a manager or an admin', reason: 'edit-forbidden-role', params: { node: plan.org[0]?.name ?? '' } }];
    const unknown = [...(body.commitments ?? []), ...(body.market ?? []), ...(body.ramps ?? [])].find((x) => !plan.org.some((n) => n.id === x.nodeId));
    if (unknown) return [400, { message: `unknown node "${unknown.nodeId}"` }];
    if (body.baseVersion !== plan.plan.version) return [409, { currentVersion: plan.plan.version }];
    const merge = (current, incoming, k) => [...new Map([...(current ?? []), ...incoming].map((x) => [k(x), x])).values()];
    if (body.commitments) plan.commitments = merge(plan.commitments, body.commitments.map((c) => ({ ...c, by: session.user.id })), (c) => [c.nodeId, c.period, c.metric].join('|'));
    if (body.market) plan.market = merge(plan.market, body.market, (m) => [m.nodeId, m.product ?? ''].join('|'));
    if (body.blend) plan.blend = body.blend;
    for (const r of body.ramps ?? []) {
      plan.org = plan.org.map((n) => {
        if (n.id !== r.nodeId) return n;
        const { ramp: _old, ...rest } = n;
        return r.steps.length ? { ...rest, ramp: r.steps } : rest;
      });
    }
    plan.plan.version += 1;
    return [200, { version: plan.plan.version }];
  }
  if (method === 'GET' && path === '/me') return [200, session.user];
  if (method === 'POST' && path === '/notify') {
    session.sent.push(body);
    return [204, undefined];
  }
  if (method === 'GET' && path === '/adjustments') return [200, session.adjustments];
  if (method === 'POST' && path === '/adjustments') {
    session.adjustments = [...session.adjustments.filter((a) => a.id !== body.id), body];
    return [200, body];
  }
  const decision = /^\/adjustments\/([^/]+)\/decision$/.exec(path);
  if (method === 'POST' && decision) {
    const id = decodeURIComponent(decision[1]);
    const found = session.adjustments.find((a) => a.id === id);
    if (!found) return [404, { message: `no adjustment "${id}"` }];
    // Identity is the session's, never the body's: a body naming another user is refused.
    if (body.by !== undefined && body.by !== session.user.id) return [403, { message: `"${body.by}" is not the signed-in user` }];
    const record = { approve: body.approve, by: session.user.id, ...(body.comment === undefined ? {} : { comment: body.comment }) };
    const decided = { ...found, status: body.approve ? 'approved' : 'rejected', decision: record };
    session.adjustments = session.adjustments.map((a) => (a.id === id ? decided : a));
    return [200, decided];
  }
  // The commission plan, as the reference server keeps it: the signed-in user's role decides (finance
  // or admin), a stale base version is a conflict, a rate outside 0–100 % is refused.
  if (method === 'GET' && path === '/incentive-plan') return [200, session.incentivePlan ?? null];
  if (method === 'PUT' && path === '/incentive-plan') {
    const roles = session.user.roles ?? [];
    if (!roles.includes('finance') && !roles.includes('admin')) return [403, { message: 'only finance or an administrator may change the commission plan' }];
    const current = session.incentivePlan?.version ?? 0;
    if (!body || !Number.isInteger(body.baseVersion) || typeof body.plan !== 'object' || body.plan === null) return [400, { message: 'expected { baseVersion, plan }' }];
    if (body.baseVersion !== current) return [409, { currentVersion: current }];
    const tiers = body.plan.tiers;
    if (!Array.isArray(tiers) || !tiers.every((t) => typeof t?.rate === 'number' && t.rate >= 0 && t.rate <= 1)) return [400, { message: 'every tier rate must be between 0 and 1' }];
    session.incentivePlan = { version: current + 1, plan: body.plan };
    return [200, { version: current + 1 }];
  }
  const children = /^\/org\/([^/]+)\/children$/.exec(path);
  if (method === 'GET' && children) {
    const id = decodeURIComponent(children[1]);
    if (!plan.org.some((n) => n.id === id)) return [404, { message: `no org node "${id}"` }];
    return [200, plan.org.filter((n) => n.parentId === id)];
  }
  return [404, { message: `no route ${method} ${path}` }];
}

export function restTestServerPlugin() {
  /** session id → { plan, actuals, user, sent, adjustments, incentivePlan, next } */
  const sessions = new Map();

  async function handle(ctx) {
    const [sessionId, ...rest] = ctx.path.slice(PREFIX.length).split('/');
    const path = `/${rest.join('/')}`;
    const body = ['POST', 'PUT'].includes(ctx.method) ? await readJson(ctx) : undefined;

    if (path === '/__control/reset' && ctx.method === 'POST') {
      sessions.set(sessionId, { ...structuredClone(body), sent: [], adjustments: [], next: null });
      return send(ctx, 204);
    }
    const session = sessions.get(sessionId);
    if (!session) return send(ctx, 404, { message: `no session "${sessionId}": POST ${PREFIX}${sessionId}/__control/reset first` });
    if (path === '/__control/next' && ctx.method === 'POST') {
      session.next = body;
      return send(ctx, 204);
    }
    if (path === '/__control/bump' && ctx.method === 'POST') {
      session.plan.plan.version += 1;
      return send(ctx, 200, { version: session.plan.plan.version });
    }
    if (path === '/__control/state' && ctx.method === 'GET') {
      return send(ctx, 200, { version: session.plan.plan.version, sent: session.sent, adjustments: session.adjustments });
    }

    const scenario = session.next;
    session.next = null;
    if (scenario?.delayMs) await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
    const [status, result] = scenario?.status
      ? [scenario.status, { message: `forced HTTP ${scenario.status}` }]
      : handleApi(session, ctx.method, path, new URLSearchParams(ctx.querystring), body);
    if (scenario?.rawBody !== undefined) {
      ctx.status = status;
      ctx.set('cache-control', 'no-store');
      ctx.type = 'application/json';
      ctx.body = scenario.rawBody;
      return;
    }
    send(ctx, status, scenario?.json !== undefined ? scenario.json : result);
  }

  return {
    name: 'qk-rest-test-server',
    // The `serve` hook sees every request, whatever its method, as a koa context. (Middleware added
    // with app.use() in serverStart is never reached: koa composed its middleware list already.)
    // It answers by setting status and body itself and returns nothing, so it can send 204, 409 or
    // 500 (a returned serve result is always sent as 200); the static file middleware then leaves
    // the answered request alone.
    async serve(ctx) {
      if (!ctx.path.startsWith(PREFIX)) return undefined;
      try {
        await handle(ctx);
      } catch (e) {
        send(ctx, 400, { message: `test server: ${e instanceof Error ? e.message : String(e)}` });
      }
      return undefined;
    },
  };
}
