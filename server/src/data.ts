/**
 * Reading and writing the plan in SQL. The org, products and stages change only by seeding (the
 * protocol has no route that edits them), so the server keeps the org index in memory.
 */
import type { ActualsSnapshot, OrgNode, PlanSnapshot, TargetCell, User } from '../../src/engine/index.js';
import { cellKey } from '../../src/engine/index.js';
import type { AdjustmentPayload } from '../../src/adapter/adapter.js';
import type { BlendWeights, Commitment, MarketInput } from '../../src/engine/plan/model.js';
import type { Db, Sql } from './db.js';

export interface SeedData {
  plan: PlanSnapshot;
  actuals: ActualsSnapshot;
  adjustments?: AdjustmentPayload[];
  /** Users besides `plan.users` (e.g. the demo's director and finance logins). */
  users?: User[];
}

/** Seeds an empty database; does nothing when a plan is there already. Returns whether it seeded. */
export async function seed(db: Db, data: SeedData): Promise<boolean> {
  return db.transaction(async (tx) => {
    const has = await tx.query('select 1 from plan limit 1');
    if (has.rows.length) return false;
    const { plan, org, products, stages, targets, users = [] } = data.plan;
    const { version, ...meta } = plan;
    await tx.query('insert into plan (id, meta, version, products, stages) values ($1, $2::jsonb, $3, $4::jsonb, $5::jsonb)', [
      plan.id,
      JSON.stringify(meta),
      version,
      JSON.stringify(products),
      JSON.stringify(stages),
    ]);
    // Parents before children (the foreign key), in the given sibling order.
    const byParent = new Map<string | null, OrgNode[]>();
    for (const n of org) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
    const ordered: OrgNode[] = [];
    const walk = (parent: string | null) => {
      for (const n of byParent.get(parent) ?? []) {
        ordered.push(n);
        walk(n.id);
      }
    };
    walk(null);
    const ord = new Map(org.map((n, i) => [n.id, i]));
    for (const n of ordered) await tx.query('insert into org_node (id, parent_id, ord, doc) values ($1, $2, $3, $4::jsonb)', [n.id, n.parentId, ord.get(n.id), JSON.stringify(n)]);
    for (const u of [...users, ...(data.users ?? [])]) await insertJson(tx, 'insert into app_user (id, doc) values ($1, $2::jsonb) on conflict (id) do update set doc = excluded.doc', u.id, u);
    for (const t of targets) await tx.query('insert into target (key, node_id, doc) values ($1, $2, $3::jsonb)', [cellKey(t), t.nodeId, JSON.stringify(t)]);
    await tx.query('insert into actuals (id, doc) values (1, $1::jsonb)', [JSON.stringify(data.actuals)]);
    // Planning inputs that come with the seed (the same rows PUT /inputs writes).
    const input = (kind: string, key: string, nodeId: string | null, doc: unknown) =>
      tx.query('insert into plan_input (kind, key, node_id, doc) values ($1, $2, $3, $4::jsonb)', [kind, key, nodeId, JSON.stringify(doc)]);
    for (const c of data.plan.commitments ?? []) await input('commitment', `${c.nodeId}|${c.period}|${c.metric}`, c.nodeId, c);
    for (const m of data.plan.market ?? []) await input('market', `${m.nodeId}|${m.product ?? ''}`, m.nodeId, m);
    if (data.plan.blend) await input('blend', 'plan', null, data.plan.blend);
    for (const a of data.adjustments ?? []) {
      await tx.query('insert into adjustment (id, node_id, requester_id, doc) values ($1, $2, $3, $4::jsonb)', [a.id, str(a.nodeId), str(a.requesterId), JSON.stringify(a)]);
    }
    return true;
  });
}

const insertJson = (tx: Sql, sql: string, id: string, doc: unknown) => tx.query(sql, [id, JSON.stringify(doc)]);
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** What stays fixed while the server runs: the plan's meta data, org, products and stages. */
export interface StaticPlan {
  meta: Omit<PlanSnapshot['plan'], 'version'>;
  org: OrgNode[];
  products: PlanSnapshot['products'];
  stages: PlanSnapshot['stages'];
}

export async function loadStatic(db: Sql): Promise<StaticPlan> {
  const p = await db.query<{ meta: StaticPlan['meta']; products: StaticPlan['products']; stages: StaticPlan['stages'] }>('select meta, products, stages from plan limit 1');
  const row = p.rows[0];
  if (!row) throw new Error('the database holds no plan: seed it first (npm run server -- --seed sample)');
  const org = await db.query<{ doc: OrgNode }>('select doc from org_node order by ord');
  return { meta: row.meta, products: row.products, stages: row.stages, org: org.rows.map((r) => r.doc) };
}

export async function planVersion(db: Sql): Promise<number> {
  const r = await db.query<{ version: number }>('select version from plan limit 1');
  return r.rows[0]!.version;
}

export async function loadTargets(db: Sql): Promise<TargetCell[]> {
  return (await db.query<{ doc: TargetCell }>('select doc from target order by key')).rows.map((r) => r.doc);
}

export async function loadUsers(db: Sql): Promise<User[]> {
  return (await db.query<{ doc: User }>('select doc from app_user order by id')).rows.map((r) => r.doc);
}

export async function findUser(db: Sql, id: string): Promise<User | null> {
  return (await db.query<{ doc: User }>('select doc from app_user where id = $1', [id])).rows[0]?.doc ?? null;
}

export async function loadActuals(db: Sql): Promise<ActualsSnapshot> {
  return (await db.query<{ doc: ActualsSnapshot }>('select doc from actuals where id = 1')).rows[0]!.doc;
}

/** Appends one entry to the ledger (the table refuses any other write). */
export async function appendLedger(tx: Sql, entry: { actor: string; action: string; subject: string; nodeId?: string | null; detail: unknown }): Promise<number> {
  const r = await tx.query<{ seq: string | number }>('insert into audit_ledger (actor, action, subject, node_id, detail) values ($1, $2, $3, $4, $5::jsonb) returning seq', [
    entry.actor,
    entry.action,
    entry.subject,
    entry.nodeId ?? null,
    JSON.stringify(entry.detail ?? {}),
  ]);
  return Number(r.rows[0]!.seq);
}

/** The planning inputs as stored: commitments and market entries by node, the blend, reps' ramp curves, the new-product minimum share. */
export interface StoredInputs {
  commitments: Commitment[];
  market: MarketInput[];
  blend: BlendWeights | null;
  newProductMinShare: number | null;
  ramps: Map<string, OrgNode['ramp']>;
}

export async function loadInputs(db: Sql): Promise<StoredInputs> {
  const rows = (await db.query<{ kind: string; key: string; node_id: string | null; doc: unknown }>('select kind, key, node_id, doc from plan_input order by kind, key')).rows;
  const out: StoredInputs = { commitments: [], market: [], blend: null, newProductMinShare: null, ramps: new Map() };
  for (const r of rows) {
    if (r.kind === 'commitment') out.commitments.push(r.doc as StoredInputs['commitments'][number]);
    else if (r.kind === 'market') out.market.push(r.doc as StoredInputs['market'][number]);
    else if (r.kind === 'blend') out.blend = r.doc as StoredInputs['blend'];
    else if (r.kind === 'new-product-min-share') out.newProductMinShare = r.doc as number;
    else if (r.kind === 'ramp' && r.node_id) out.ramps.set(r.node_id, r.doc as OrgNode['ramp']);
  }
  return out;
}
