/**
 * Starts the reference server for a Node test: on PGlite in memory, or on the PostgreSQL of
 * `QK_TEST_DATABASE_URL` (its public schema is emptied first: point it at a throwaway database).
 *
 * PGlite: one instance per process, shared by the suites (scripts/test-server.mjs runs every server
 * test file in one process). Starting PGlite costs 3–5 s of CPU (more for the first, which compiles
 * the WebAssembly), emptying its public schema and migrating and seeding it again about 0.3 s; each
 * suite still starts from a freshly migrated, freshly seeded database, as on PostgreSQL. It is
 * closed after the last test of the process.
 */
import { after } from 'node:test';
import { createServer, hmacTokens, listen, migrate, openPglite, openPostgres, sampleSeed, seed, type Db, type QuotaServer } from '../../server/src/index.js';

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

/** The process's PGlite, emptied: no table, no migration applied. */
async function freshPglite(): Promise<Db> {
  if (inUse) throw new Error('startReference: the shared PGlite is in use by another suite (close it first)');
  shared ??= openPglite();
  const db = await shared;
  await emptyPublicSchema(db);
  inUse = true;
  return db;
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
  if (usePostgres) await emptyPublicSchema(db);
  try {
    await migrate(db);
    await seed(db, sampleSeed());
  } catch (e) {
    if (usePostgres) await db.close();
    else inUse = false;
    throw e;
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
