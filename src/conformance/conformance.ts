/**
 * The QuotaKit REST conformance suite: checks any server that claims the protocol (see
 * src/adapter/rest-adapter.ts and openapi.json) from the outside, over HTTP, as four signed-in
 * users. Run it from the command line (`npx quotakit-conformance <baseUrl> --as admin=<token>
 * --as manager=<token> --as rep=<token> [--as other-manager=<token>]`) or from code
 * (`runConformance`).
 *
 * Who the tokens must be: `admin` may edit the whole org; `manager` edits one subtree (`canEdit`)
 * that contains the `rep`'s node, and is not an admin; `rep` is a rep with a `nodeId` under the
 * manager; `other-manager` (optional) manages a subtree that does not contain the rep. The suite
 * writes to the plan (cells of the manager's node and of the rep's node, metric `won`) and adds
 * adjustment requests with ids starting `conf-`: point it at a test copy, never at production.
 */
import {
  buildOrgIndex,
  cellKey,
  isPeriodClosed,
  fiscalYearMonths,
  type OrgIndex,
  type PlanSnapshot,
  type TargetCell,
  type User,
} from '../engine/index.js';
import { inScope } from '../engine/adjustment/access.js';
import { parseActualsSnapshot, parseAdjustment, parseAdjustments, parseOrgNodes, parsePlanSnapshot, parseSaveResult, parseUser } from '../adapter/validate.js';

export interface ConformanceOptions {
  /** The protocol's base, e.g. `http://127.0.0.1:8787/api/quota`. */
  baseUrl: string;
  /** Bearer tokens of the four users (the value of `authorization: Bearer …`); '' sends none (use `headersFor`). */
  tokens: { admin: string; manager: string; rep: string; otherManager?: string };
  /** Extra headers per request (e.g. a trusted-header deployment's user header instead of tokens). */
  headersFor?: (who: keyof ConformanceOptions['tokens']) => Record<string, string>;
  /** The server's today (`YYYY-MM-DD`) for the closed-period check. Default: the UTC date. */
  today?: string;
  fetch?: typeof fetch;
  /** Called with each result as it is known (the CLI prints them). */
  onResult?: (r: CheckResult) => void;
}

export interface CheckResult {
  name: string;
  status: 'pass' | 'fail' | 'skip';
  detail?: string;
}

export interface ConformanceReport {
  passed: number;
  failed: number;
  skipped: number;
  results: CheckResult[];
}

type Who = keyof ConformanceOptions['tokens'] | 'nobody';

class Skip extends Error {}
class Failure extends Error {}

function expect(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Failure(message);
}

interface Reply {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const run = `${Date.now().toString(36)}`;

  const call = async (who: Who, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Reply> => {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (who !== 'nobody') {
      const token = options.tokens[who];
      if (token) headers.authorization = `Bearer ${token}`;
      Object.assign(headers, options.headersFor?.(who) ?? {});
    }
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await doFetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text, headers: res.headers };
  };
  const status = (r: Reply, expected: number | number[], what: string) => {
    const list = Array.isArray(expected) ? expected : [expected];
    expect(list.includes(r.status), `${what}: expected HTTP ${list.join(' or ')}, got ${r.status} ${r.text.slice(0, 200)}`);
  };

  const results: CheckResult[] = [];
  const check = async (name: string, fn: () => Promise<void>) => {
    let r: CheckResult;
    try {
      await fn();
      r = { name, status: 'pass' };
    } catch (e) {
      if (e instanceof Skip) r = { name, status: 'skip', detail: e.message };
      else r = { name, status: 'fail', detail: e instanceof Error ? e.message : String(e) };
    }
    results.push(r);
    options.onResult?.(r);
  };

  // What every check needs: who the users are and the plan as the admin sees it.
  const users = {} as Record<'admin' | 'manager' | 'rep' | 'otherManager', User | undefined>;
  let full: PlanSnapshot | undefined;
  let ix: OrgIndex | undefined;

  await check('GET /me returns each user (schema User)', async () => {
    for (const who of ['admin', 'manager', 'rep', 'otherManager'] as const) {
      if (options.tokens[who] === undefined) continue;
      const r = await call(who, 'GET', '/me');
      status(r, 200, `GET /me as ${who}`);
      users[who] = parseUser(r.body, { source: `GET /me as ${who}` });
    }
    expect(users.manager!.canEdit.length > 0, 'the manager token must be a user with an edit scope (canEdit)');
    expect(users.rep!.nodeId, 'the rep token must be a user with a nodeId');
  });
  if (!users.admin || !users.manager || !users.rep) {
    return finish(results);
  }
  const admin = users.admin;
  const manager = users.manager;
  const rep = users.rep;
  const repNode = rep.nodeId!;

  await check('no identity: 401', async () => {
    status(await call('nobody', 'GET', '/plan'), 401, 'GET /plan without a token');
    status(await call('nobody', 'PUT', '/targets', { baseVersion: 0, cells: [] }), 401, 'PUT /targets without a token');
  });

  await check('GET /plan returns a valid PlanSnapshot', async () => {
    const r = await call('admin', 'GET', '/plan');
    status(r, 200, 'GET /plan as admin');
    full = parsePlanSnapshot(r.body, { source: 'GET /plan as admin' });
    ix = buildOrgIndex(full.org);
    expect(ix.byId.has(repNode), `the rep's node "${repNode}" is not in the admin's org`);
    expect(inScope(manager.canEdit, repNode, ix), `the rep's node "${repNode}" must be inside the manager's edit scope`);
  });
  if (!full || !ix) return finish(results);
  const org = ix;
  const managerNode = manager.canEdit.find((n) => org.byId.has(n))!;
  const fy = full.plan.fiscalYear;
  const months = fiscalYearMonths(fy, full.plan.calendar);
  const openMonth = [...months].reverse().find((m) => !isPeriodClosed(m, today, full!.plan.calendar));
  const closedMonth = months.find((m) => isPeriodClosed(m, today, full!.plan.calendar));

  const version = async (): Promise<number> => {
    const r = await call('admin', 'GET', '/plan');
    status(r, 200, 'GET /plan');
    return (r.body as PlanSnapshot).plan.version;
  };
  const save = (who: Who, baseVersion: number, cells: TargetCell[], extra: Record<string, string> = {}) => call(who, 'PUT', '/targets', { baseVersion, cells }, extra);
  const cellOf = (period: string, nodeId: string, value: number, more: Partial<TargetCell> = {}): TargetCell => ({ nodeId, period, metric: 'won', value, ...more });

  await check('scoped reads: a rep sees only their own subtree (org, targets, users, actuals)', async () => {
    const r = await call('rep', 'GET', '/plan');
    status(r, 200, 'GET /plan as rep');
    const mine = parsePlanSnapshot(r.body, { source: 'GET /plan as rep' });
    const allowed = (id: string) => inScope(rep.canView, id, org);
    const outside = mine.targets.filter((t) => !allowed(t.nodeId));
    expect(!outside.length, `the rep got targets of nodes outside their view: ${outside.slice(0, 3).map(cellKey).join(', ')}`);
    const strangers = mine.org.filter((n) => !allowed(n.id) && !org.ancestors(repNode).includes(n.id));
    expect(!strangers.length, `the rep got org nodes outside their subtree: ${strangers.slice(0, 3).map((n) => n.id).join(', ')}`);
    expect(mine.org.length < full!.org.length, 'the rep sees as many org nodes as the admin');
    const others = (mine.users ?? []).filter((u) => u.id !== rep.id && !(u.nodeId && allowed(u.nodeId)));
    expect(!others.length, `the rep got users outside their view: ${others.map((u) => u.id).join(', ')}`);
    const a = await call('rep', 'GET', `/actuals?from=${fy}-01-01&to=${fy}-12-31`);
    status(a, 200, 'GET /actuals as rep');
    const acts = parseActualsSnapshot(a.body, { source: 'GET /actuals as rep' });
    const foreign = [...acts.actuals, ...acts.pipeline, ...acts.stageCounts].filter((x) => !allowed(x.repId));
    expect(!foreign.length, `the rep got actuals of other reps: ${foreign.slice(0, 3).map((x) => x.repId).join(', ')}`);
  });

  await check('GET /actuals returns a valid ActualsSnapshot echoing the range; a bad range is 400', async () => {
    const r = await call('admin', 'GET', `/actuals?from=${fy}-03-01&to=${fy}-03-31`);
    status(r, 200, 'GET /actuals');
    const acts = parseActualsSnapshot(r.body, { source: 'GET /actuals', plan: full! });
    expect(acts.from === `${fy}-03-01` && acts.to === `${fy}-03-31`, 'from/to are not echoed');
    expect(acts.actuals.every((x) => x.date >= acts.from && x.date <= acts.to), 'an actual outside the range');
    status(await call('admin', 'GET', '/actuals?from=march&to=2026-03-31'), 400, 'GET /actuals with from=march');
  });

  await check('GET /org/{id}/children: the direct children; 404 for an unknown node', async () => {
    const root = org.roots[0]!;
    const r = await call('admin', 'GET', `/org/${encodeURIComponent(root)}/children`);
    status(r, 200, 'GET children of the root');
    const kids = parseOrgNodes(r.body, { source: 'children', parentId: root });
    expect(kids.map((k) => k.id).join() === org.children(root).join(), 'the children differ from the plan org');
    status(await call('admin', 'GET', `/org/conf-no-such-node-${run}/children`), 404, 'children of an unknown node');
  });

  await check('PUT /targets: a save moves the version by one; a stale base version is 409 with the current version, changing nothing', async () => {
    if (!openMonth) throw new Skip(`no open month in FY${fy} as of ${today}`);
    const v = await version();
    const ok = await save('admin', v, [cellOf(openMonth, managerNode, 11)]);
    status(ok, 200, 'a save from the current version');
    expect(parseSaveResult(ok.body, { source: 'PUT /targets' }).version === v + 1, `expected version ${v + 1}, got ${JSON.stringify(ok.body)}`);
    const stale = await save('admin', v, [cellOf(openMonth, managerNode, 12)]);
    status(stale, 409, 'a save from a stale version');
    expect(stale.body?.currentVersion === v + 1, `409 must carry currentVersion ${v + 1}, got ${stale.text}`);
    const after = parsePlanSnapshot((await call('admin', 'GET', '/plan')).body);
    const cell = after.targets.find((t) => cellKey(t) === cellKey(cellOf(openMonth, managerNode, 0)));
    expect(cell?.value === 11 && after.plan.version === v + 1, 'the stale save changed the plan');
  });

  await check('malformed bodies: 400 with the path of each bad field', async () => {
    const v = await version();
    const r = await call('admin', 'PUT', '/targets', { baseVersion: 'seven', cells: [{ nodeId: managerNode, metric: 'revenue', value: -5 }] });
    status(r, 400, 'a malformed target change');
    const paths: string[] = (r.body?.issues ?? []).map((i: { path: unknown[] }) => JSON.stringify(i.path));
    for (const p of [['baseVersion'], ['cells', 0, 'period'], ['cells', 0, 'value']]) {
      expect(paths.includes(JSON.stringify(p)), `issues must name ${JSON.stringify(p)}; got ${paths.join(' ')}`);
    }
    status(await call('admin', 'PUT', '/targets', '{"baseVersion": 1, "cells": ['), 400, 'a body that is not JSON');
    const bad = await call('admin', 'POST', `/adjustments/conf-x/decision`, { approve: 'yes' });
    expect([400, 404].includes(bad.status), `a decision with approve "yes": expected 400 (or 404), got ${bad.status}`);
    expect((await version()) === v, 'a malformed body changed the version');
  });

  await check('403: a rep edits nothing; a manager edits nothing outside their subtree', async () => {
    if (!openMonth) throw new Skip(`no open month in FY${fy} as of ${today}`);
    const v = await version();
    status(await save('rep', v, [cellOf(openMonth, repNode, 3)]), 403, 'a rep saving their own target');
    const outside = [...org.byId.keys()].find((id) => !inScope(manager.canEdit, id, org))!;
    status(await save('manager', v, [cellOf(openMonth, outside, 3)]), 403, `the manager saving "${outside}" outside their scope`);
    expect((await version()) === v, 'a refused save moved the version');
  });

  await check('403: a locked cell keeps its value against every edit until unlocked', async () => {
    if (!openMonth) throw new Skip(`no open month in FY${fy} as of ${today}`);
    const v = await version();
    status(await save('admin', v, [cellOf(openMonth, repNode, 40, { locked: true })]), 200, 'the admin locking a cell');
    status(await save('manager', v + 1, [cellOf(openMonth, repNode, 41, { locked: true })]), 403, 'the manager changing a locked cell');
    status(await save('admin', v + 1, [cellOf(openMonth, repNode, 42, { locked: true })]), 403, 'the admin changing a locked cell');
    status(await save('manager', v + 1, [cellOf(openMonth, repNode, 40, { locked: false })]), 200, 'the manager unlocking it (value kept)');
    status(await save('manager', v + 2, [cellOf(openMonth, repNode, 43)]), 200, 'the manager changing it once unlocked');
  });

  await check('403: a cell of a closed period keeps its value', async () => {
    if (!closedMonth) throw new Skip(`no month of FY${fy} has closed as of ${today}`);
    const v = await version();
    const existing = full!.targets.find((t) => t.period === closedMonth && inScope(admin.canEdit, t.nodeId, org));
    const target = existing ?? cellOf(closedMonth, repNode, 5);
    let base = v;
    if (!existing) {
      const created = await save('admin', v, [target]);
      status(created, [200, 403], 'creating a cell in a closed period');
      if (created.status === 200) base = v + 1;
      else return;
    }
    status(await save('admin', base, [{ ...target, value: target.value + 1 }]), 403, `changing ${cellKey(target)} of closed ${closedMonth}`);
  });

  await check('idempotent retries: the same Idempotency-Key gets the first answer, and the plan moves once', async () => {
    if (!openMonth) throw new Skip(`no open month in FY${fy} as of ${today}`);
    const v = await version();
    const key = `conf-${run}-save`;
    const first = await save('admin', v, [cellOf(openMonth, managerNode, 77)], { 'idempotency-key': key });
    status(first, 200, 'the first save');
    const retry = await save('admin', v, [cellOf(openMonth, managerNode, 77)], { 'idempotency-key': key });
    status(retry, 200, 'the retried save (same key)');
    expect(retry.body?.version === first.body?.version, `the retry answered ${retry.text}, the first ${first.text}`);
    expect((await version()) === v + 1, 'the retry saved a second time');
  });

  const request = (id: string, requester: User, nodeId: string, status = 'pending') => {
    const at = new Date().toISOString();
    const period = openMonth ?? months[months.length - 1]!;
    return {
      id,
      planId: full!.plan.id,
      nodeId,
      metric: 'won',
      periods: [period],
      change: { kind: 'value', value: 9 },
      trigger: 'market-shift',
      reason: 'conformance: a new key account in the territory',
      absorption: { mode: 'parent' },
      requesterId: requester.id,
      createdAt: at,
      status,
      preview: { baseVersion: full!.plan.version, before: 0, after: 9, cells: [{ nodeId, period, before: 0, after: 9, created: true }] },
      history: [
        { seq: 1, at, by: requester.id, action: 'submit', requestId: id, nodeId, metric: 'won', periods: [period], status, reason: 'conformance: a new key account in the territory', before: 0, after: 9 },
      ],
    };
  };

  await check('a body that claims another user is refused (requesterId, decision by)', async () => {
    const forged = request(`conf-${run}-forged`, manager, repNode);
    status(await call('rep', 'POST', '/adjustments', forged), 403, "the rep submitting a request in the manager's name");
    const mine = request(`conf-${run}-claim`, rep, repNode);
    status(await call('rep', 'POST', '/adjustments', mine), 200, 'the rep submitting their own request');
    status(await call('rep', 'POST', `/adjustments/${encodeURIComponent(mine.id)}/decision`, { approve: true, by: manager.id }), 403, 'the rep deciding in the manager\'s name');
  });

  await check('403: nobody approves their own request', async () => {
    const own = request(`conf-${run}-own`, manager, managerNode);
    const r = await call('manager', 'POST', '/adjustments', own);
    status(r, 200, 'the manager submitting a request for their own node');
    parseAdjustment(r.body, { source: 'POST /adjustments' });
    status(await call('manager', 'POST', `/adjustments/${encodeURIComponent(own.id)}/decision`, { approve: true }), 403, 'the manager approving their own request');
  });

  await check("403: approving outside one's scope", async () => {
    if (!users.otherManager) throw new Skip('no --as other-manager token');
    const other = users.otherManager;
    const parent = org.parent(repNode) ?? repNode;
    if (inScope(other.canEdit, parent, org) || other.roles.includes('admin')) throw new Skip("the other manager's scope contains the rep's team");
    const req = request(`conf-${run}-scope`, rep, repNode);
    status(await call('rep', 'POST', '/adjustments', req), 200, 'the rep submitting a request');
    const r = await call('otherManager', 'POST', `/adjustments/${encodeURIComponent(req.id)}/decision`, { approve: true });
    status(r, [403, 404], 'the other manager approving it');
  });

  await check("a decision is recorded for the signed-in approver; a decided request cannot be decided again (409)", async () => {
    const req = request(`conf-${run}-ok`, rep, repNode);
    status(await call('rep', 'POST', '/adjustments', req), 200, 'the rep submitting a request');
    status(await call('rep', 'POST', `/adjustments/${encodeURIComponent(req.id)}/decision`, { approve: true }), 403, 'the rep approving their own request');
    const r = await call('manager', 'POST', `/adjustments/${encodeURIComponent(req.id)}/decision`, { approve: true, comment: 'ok' });
    status(r, 200, "the rep's manager approving it");
    const decided = parseAdjustment(r.body, { source: 'decision' }) as { status?: string; decision?: { by?: string } };
    expect(decided.status === 'approved' && decided.decision?.by === manager.id, `expected approved by ${manager.id}, got ${r.text.slice(0, 200)}`);
    status(await call('manager', 'POST', `/adjustments/${encodeURIComponent(req.id)}/decision`, { approve: false, comment: 'again' }), 409, 'deciding it again');
    status(await call('manager', 'POST', `/adjustments/conf-${run}-missing/decision`, { approve: true }), 404, 'deciding an unknown request');
    const list = await call('rep', 'GET', '/adjustments');
    status(list, 200, 'GET /adjustments');
    const all = parseAdjustments(list.body, { source: 'GET /adjustments' });
    expect(all.some((a) => a.id === req.id && a.status === 'approved'), 'the decided request is not listed as approved');
  });

  await check('append-only audit: an adjustment\'s trail only grows; the ledger never changes', async () => {
    const req = request(`conf-${run}-audit`, rep, repNode);
    status(await call('rep', 'POST', '/adjustments', req), 200, 'the rep submitting a request');
    const rewritten = { ...req, history: [] };
    status(await call('rep', 'POST', '/adjustments', rewritten), [403, 409], 'the rep erasing its trail');
    const first = await call('admin', 'GET', '/audit');
    if (first.status === 404) throw new Skip('the server has no GET /audit (the trail check above passed)');
    status(first, 200, 'GET /audit');
    expect(Array.isArray(first.body) && first.body.length > 0, 'GET /audit is empty after writes');
    status(await call('manager', 'POST', `/adjustments/${encodeURIComponent(req.id)}/decision`, { approve: false, comment: 'not now' }), 200, 'a rejection');
    const second = await call('admin', 'GET', '/audit');
    const before = first.body as unknown[];
    const after = second.body as unknown[];
    expect(after.length > before.length, 'the ledger did not grow');
    expect(JSON.stringify(after.slice(0, before.length)) === JSON.stringify(before), 'an earlier ledger entry changed');
  });

  await check('CSRF: a write that is not JSON, or from a foreign origin, is refused', async () => {
    const v = await version();
    const form = await call('admin', 'PUT', '/targets', `baseVersion=${v}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status >= 400 && form.status < 500, `a form-encoded write: expected 4xx, got ${form.status}`);
    const foreign = await call('admin', 'PUT', '/targets', { baseVersion: v, cells: [] }, { origin: 'https://evil.example' });
    expect(foreign.status === 403, `a write from https://evil.example: expected 403, got ${foreign.status}`);
    expect((await version()) === v, 'a refused write moved the version');
  });

  await check('GET /events: a save is pushed as an SSE "plan" event with the new version', async () => {
    if (!openMonth) throw new Skip(`no open month in FY${fy} as of ${today}`);
    const controller = new AbortController();
    const auth: Record<string, string> = options.tokens.rep ? { authorization: `Bearer ${options.tokens.rep}` } : {};
    const res = await doFetch(`${base}/events`, { headers: { accept: 'text/event-stream', ...auth, ...(options.headersFor?.('rep') ?? {}) }, signal: controller.signal });
    if (res.status === 404) throw new Skip('the server has no GET /events');
    try {
      expect(res.ok && (res.headers.get('content-type') ?? '').startsWith('text/event-stream'), `expected 200 text/event-stream, got ${res.status} ${res.headers.get('content-type')}`);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const until = async (re: RegExp) => {
        const deadline = Date.now() + 30_000;
        while (!re.test(text)) {
          expect(Date.now() < deadline, `no ${re} on the event stream within 30 s; got ${JSON.stringify(text.slice(0, 200))}`);
          const { value, done } = await reader.read();
          expect(!done, 'the event stream ended');
          text += decoder.decode(value, { stream: true });
        }
      };
      await until(/\n\n/);
      const v = await version();
      status(await save('admin', v, [cellOf(openMonth, managerNode, 99)]), 200, 'a save');
      await until(new RegExp(`event: plan\\ndata: \\{"version":${v + 1}\\b`));
    } finally {
      controller.abort();
    }
  });

  return finish(results);
}

function finish(results: CheckResult[]): ConformanceReport {
  return {
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    skipped: results.filter((r) => r.status === 'skip').length,
    results,
  };
}
