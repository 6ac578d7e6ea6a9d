/**
 * The database behind the reference server: PostgreSQL when `DATABASE_URL` is set (through `pg`),
 * else PGlite, an embedded Postgres compiled to WebAssembly (in memory, or in a data directory), so
 * the demo runs on a fresh machine with no service to install. Both speak the same SQL; the server
 * only uses `query` and `transaction`.
 */
import type { PGlite } from '@electric-sql/pglite';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction (READ COMMITTED); rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Opens PGlite (`dataDir` absent: in memory). */
export async function openPglite(dataDir?: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  return pgliteDb(pg);
}

/** A `Db` over a PGlite the caller opened (and waited for), e.g. one loaded from a dumped data dir. */
export function pgliteDb(pg: PGlite): Db {
  // PGlite has one connection: transactions are serialized, which is what a single process needs.
  return {
    kind: 'pglite',
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await pg.query<T>(text, params)).rows }),
    transaction: <T>(fn: (tx: Sql) => Promise<T>) =>
      pg.transaction(async (tx) => fn({ query: async <U>(text: string, params?: unknown[]) => ({ rows: (await tx.query<U>(text, params)).rows }) })),
    close: () => pg.close(),
  };
}

/** Opens a pool on a real PostgreSQL (`postgres://user:pass@host/db`). */
export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await pool.query(text, params as unknown[])).rows as T[] }),
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn({ query: async <U>(text: string, params?: unknown[]) => ({ rows: (await client.query(text, params as unknown[])).rows as U[] }) });
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** `DATABASE_URL` set: PostgreSQL; else PGlite in `PGLITE_DIR` (or in memory). */
export function openFromEnv(env: Record<string, string | undefined> = process.env): Promise<Db> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.PGLITE_DIR || undefined);
}
