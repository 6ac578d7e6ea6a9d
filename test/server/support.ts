/**
 * Starts the reference server for a Node test: on PGlite in memory, or on the PostgreSQL of
 * `QK_TEST_DATABASE_URL` (its public schema is emptied first: point it at a throwaway database).
 *
 * PGlite: one instance per process, shared by the suites (scripts/test-server.mjs runs every server
 * test file in one process), started from a dump of a new cluster when scripts/test-server.mjs names
 * one (QK_PGLITE_SNAPSHOT, see openSnapshotPglite). Each suite starts from a freshly migrated,
 * freshly seeded database, as on PostgreSQL (after the first, the seeded rows are copied back: see
 * freshPglite). It is closed after the last test of the process.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { after } from 'node:test';
import { createServer, hmacTokens, listen, migrate, openPostgres, sampleSeed, seed, type Db, type QuotaServer } from '../../server/src/index.js';
import { pgliteDb } from '../../server/src/db.js';

export const TODAY = '2026-11-27';
export const SECRET = 'conformance-secret-0123456789';

export interface Reference {
  db: Db;
  server: QuotaServer;
  /** The protocol's base URL, e.g. http://127.0.0.1:40123/api/quota */
  base: string;
  token(userId: string): string;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

let shared: Promise<Db> | undefined;
let inUse = false;

/** The tables of `public` as the first migrate + seed of the process left them, copied into `qk_seed`. */
let seedTables: string[] | undefined;

/**
 * The process's PGlite, freshly migrated and seeded. The first suite empties the public schema,
 * migrates and seeds it, then copies every table into the schema `qk_seed`; the next suites get the
 * same rows back from that copy (every table of `public` emptied, sequences restarted, the rows
 * copied back, in one transaction) instead of migrating and seeding again: a seed writes about a
 * hundred rows one by one and a 1 MB actuals document PostgreSQL parses anew, 0.15–0.25 CPU-s a
 * suite, the copy back a tenth of it. When the tables of `public` are no longer the ones copied (a
 * test changed the schema), or the copy back fails, the schema is made afresh as for the first.
 */
async function freshPglite(): Promise<Db> {
  if (inUse) throw new Error('startReference: the shared PGlite is in use by another suite (close it first)');
  inUse = true;
  try {
    shared ??= openSnapshotPglite(process.env.QK_PGLITE_SNAPSHOT);
    const db = await shared;
    if (seedTables && (await restoreSeed(db, seedTables))) return db;
    seedTables = undefined;
    await emptyPublicSchema(db);
    await migrate(db);
    await seed(db, sampleSeed());
    const tables = await tablesOf(db, 'public');
    await db.query('drop schema if exists qk_seed cascade');
    await db.query('create schema qk_seed');
    for (const t of tables) await db.query(`create table qk_seed.${t} as table public.${t}`);
    seedTables = tables;
    return db;
  } catch (e) {
    inUse = false;
    throw e;
  }
}

const tablesOf = async (db: Db, schema: string): Promise<string[]> =>
  (await db.query<{ t: string }>('select quote_ident(tablename) as t from pg_tables where schemaname = $1 order by tablename', [schema])).rows.map((r) => r.t);

/** Puts back the rows of `qk_seed` into `public`; false when it could not (then nothing changed). */
async function restoreSeed(db: Db, tables: string[]): Promise<boolean> {
  if ((await tablesOf(db, 'public')).join() !== tables.join()) return false;
  return db
    .transaction(async (tx) => {
      // Replica mode: no trigger fires, so the audit ledger's append-only trigger lets this TRUNCATE
      // through and the foreign keys do not order the copy. Only for this transaction.
      await tx.query('set local session_replication_role = replica');
      await tx.query(`truncate ${tables.map((t) => `public.${t}`).join(', ')} restart identity`);
      for (const t of tables) await tx.query(`insert into public.${t} select * from qk_seed.${t}`);
      return true;
    })
    .catch(() => false);
}

/**
 * PGlite in memory. With `snapshot` (scripts/test-server.mjs passes a file in node_modules/.cache,
 * named after PGlite's version and files), it starts from that dump of a new cluster's data
 * directory instead of running initdb, which was most of a start's CPU (7–9 CPU-s of 10–11 on a
 * loaded 2-core machine; from the dump 1.5). The first run writes the dump (to a temporary name,
 * then renamed, so two runs at once never read half a file); a dump that does not load is removed
 * and the cluster made afresh.
 *
 * shared_buffers 16MB instead of PostgreSQL's 128MB: a start initializes every buffer (0.5 CPU-s of
 * it); the tests' database is a few MB, so it still all fits in the buffers.
 */
async function openSnapshotPglite(snapshot: string | undefined): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
  if (snapshot && existsSync(snapshot)) {
    try {
      const pg = new PGlite({ loadDataDir: new BytesBlob(readFileSync(snapshot)), startParams });
      await pg.waitReady;
      return pgliteDb(pg);
    } catch (e) {
      console.warn(`PGlite did not start from ${snapshot} (${String(e)}): removed, making a new cluster`);
      rmSync(snapshot, { force: true });
    }
  }
  const pg = new PGlite({ startParams });
  await pg.waitReady;
  if (snapshot) {
    // The data directory as initdb left it: nothing of the tests in it yet.
    const dump = Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
    const tmp = `${snapshot}.${process.pid}.tmp`;
    mkdirSync(dirname(snapshot), { recursive: true });
    writeFileSync(tmp, dump);
    renameSync(tmp, snapshot);
  }
  return pgliteDb(pg);
}

/**
 * A Blob of bytes already in memory whose `arrayBuffer()` hands them over at once: Node 20's own
 * reads a 40 MB Blob back in 64 KB chunks and joins them (0.8 CPU-s of the start from a dump).
 */
class BytesBlob extends Blob {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  constructor(bytes: Uint8Array<ArrayBuffer>) {
    super([bytes]);
    this.#bytes = bytes;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#bytes;
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }
}

async function emptyPublicSchema(db: Db): Promise<void> {
  await db.query('drop schema public cascade; create schema public').catch(async () => {
    await db.query('drop schema public cascade');
    await db.query('create schema public');
  });
}

// After the last test of the process (a root-level hook of node:test).
after(async () => {
  const db = await shared;
  shared = undefined;
  await db?.close();
});

export async function startReference(options: { database?: 'pglite' | 'postgres'; maxBodyBytes?: number } = {}): Promise<Reference> {
  const url = process.env.QK_TEST_DATABASE_URL;
  const usePostgres = options.database === 'postgres';
  if (usePostgres && !url) throw new Error('QK_TEST_DATABASE_URL is not set');
  const db = usePostgres ? await openPostgres(url!) : await freshPglite();
  if (usePostgres) {
    try {
      await emptyPublicSchema(db);
      await migrate(db);
      await seed(db, sampleSeed());
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  const tokens = hmacTokens(SECRET);
  const logs: Record<string, unknown>[] = [];
  const server = await createServer({ db, authenticate: tokens.authenticate, today: () => TODAY, log: (e) => logs.push(e), keepAliveSeconds: 5, corsOrigins: ['https://crm.example'], ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) });
  const http = await listen(server.app);
  return {
    db,
    server,
    base: `${http.url}/api/quota`,
    token: (id) => tokens.sign(id),
    logs,
    async close() {
      await server.close();
      await http.close();
      if (usePostgres) await db.close();
      else inUse = false;
    },
  };
}
