/**
 * Starts the reference server for a Node test: on PGlite in memory, or on the PostgreSQL of
 * `QK_TEST_DATABASE_URL` (its public schema is emptied first: point it at a throwaway database).
 */
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

export async function startReference(options: { database?: 'pglite' | 'postgres'; maxBodyBytes?: number } = {}): Promise<Reference> {
  const url = process.env.QK_TEST_DATABASE_URL;
  const usePostgres = options.database === 'postgres';
  if (usePostgres && !url) throw new Error('QK_TEST_DATABASE_URL is not set');
  const db = usePostgres ? await openPostgres(url!) : await openPglite();
  if (usePostgres) await db.query('drop schema public cascade; create schema public').catch(async () => {
    await db.query('drop schema public cascade');
    await db.query('create schema public');
  });
  await migrate(db);
  await seed(db, sampleSeed());
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
      await db.close();
    },
  };
}
