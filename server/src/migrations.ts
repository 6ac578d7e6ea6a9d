/**
 * Schema migrations, applied in order, each once, each in its own transaction, recorded in
 * `schema_migrations`. Never edit a released migration: add the next one.
 *
 * The audit ledger is append-only in the database itself: a trigger refuses every UPDATE, DELETE
 * and TRUNCATE on `audit_ledger`, whoever connects, so no code path (and no SQL console) rewrites it.
 */
import type { Db } from './db.js';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'plan, org, users, targets, actuals, adjustments, audit ledger, idempotency',
    sql: `
create table plan (
  id text primary key,
  meta jsonb not null,
  version integer not null check (version >= 0),
  products jsonb not null,
  stages jsonb not null
);
create table org_node (
  id text primary key,
  parent_id text references org_node(id),
  ord integer not null,
  doc jsonb not null
);
create table app_user (
  id text primary key,
  doc jsonb not null
);
create table target (
  key text primary key,
  node_id text not null references org_node(id),
  doc jsonb not null
);
create table actuals (
  id integer primary key check (id = 1),
  doc jsonb not null
);
create table adjustment (
  id text primary key,
  node_id text,
  requester_id text,
  doc jsonb not null,
  updated_at timestamptz not null default now()
);
create table audit_ledger (
  seq bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  subject text not null,
  node_id text,
  detail jsonb not null
);
create function audit_ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_ledger is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_ledger_no_update before update or delete on audit_ledger
  for each row execute function audit_ledger_append_only();
create trigger audit_ledger_no_truncate before truncate on audit_ledger
  for each statement execute function audit_ledger_append_only();
create table idempotency (
  key text not null,
  user_id text not null,
  request text not null,
  status integer not null,
  body jsonb,
  at timestamptz not null default now(),
  primary key (user_id, key)
);
`,
  },
  {
    version: 2,
    name: 'the commission plan (one row, versioned)',
    sql: `
create table incentive_plan (
  id text primary key,
  version integer not null check (version >= 0),
  doc jsonb not null,
  updated_at timestamptz not null default now()
);
`,
  },
  {
    version: 3,
    name: 'planning inputs: commitments, market entries, the blend, ramp curves',
    sql: `
create table plan_input (
  kind text not null check (kind in ('commitment', 'market', 'blend', 'ramp')),
  key text not null,
  node_id text references org_node(id),
  doc jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (kind, key)
);
`,
  },
  {
    version: 4,
    name: "planning inputs: the plan's new-product minimum share of targets",
    sql: `
alter table plan_input drop constraint plan_input_kind_check;
alter table plan_input add constraint plan_input_kind_check check (kind in ('commitment', 'market', 'blend', 'ramp', 'new-product-min-share'));
`,
  },
];

/** Applies the migrations `db` has not seen; returns the versions applied now. */
export async function migrate(db: Db): Promise<number[]> {
  await db.query(`create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      // Two servers starting on one PostgreSQL at once: the second waits here, then sees the row.
      if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(7271)');
      const seen = await tx.query('select 1 from schema_migrations where version = $1', [m.version]);
      if (seen.rows.length) return false;
      for (const statement of splitSql(m.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** Splits a migration into statements (PGlite's `query` takes one); `$$` bodies stay whole. */
function splitSql(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    current += line + '\n';
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
