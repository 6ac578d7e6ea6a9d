/**
 * `node server/index.mjs [--seed sample] [--print-tokens] [--static dir]`: the reference server.
 *
 * Environment: `PORT` (8787), `HOST` (127.0.0.1), `DATABASE_URL` (PostgreSQL; else PGlite in
 * `PGLITE_DIR`, else in memory), `QK_AUTH` (`hmac`, the default, or `header` behind a trusted
 * proxy), `QK_TOKEN_SECRET` (HMAC secret; a random one when unset, for a demo), `QK_USER_HEADER`
 * (`x-quotakit-user`), `CORS_ORIGINS` (comma-separated), `QK_TODAY` (YYYY-MM-DD, for demos),
 * `QK_MAX_BODY` (bytes).
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { createServer } from './app.js';
import { hmacTokens, trustedHeader } from './auth.js';
import { seed } from './data.js';
import { openFromEnv } from './db.js';
import { migrate } from './migrations.js';
import { sampleSeed } from './sample.js';
import { listen } from './listen.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const env = process.env;
const log = (e: Record<string, unknown>) => process.stdout.write(JSON.stringify({ t: new Date().toISOString(), ...e }) + '\n');

const db = await openFromEnv(env);
const applied = await migrate(db);
log({ level: 'info', msg: 'migrated', db: db.kind, applied });
const sample = sampleSeed();
if (value('--seed') === 'sample' || !env.DATABASE_URL) {
  if (await seed(db, sample)) log({ level: 'info', msg: 'seeded the sample company' });
}
const secret = env.QK_TOKEN_SECRET ?? randomBytes(24).toString('base64url');
const tokens = hmacTokens(secret);
const authenticate = env.QK_AUTH === 'header' ? trustedHeader(env.QK_USER_HEADER || 'x-quotakit-user') : tokens.authenticate;
const today = env.QK_TODAY;
const server = await createServer({
  db,
  authenticate,
  log,
  corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  ...(today ? { today: () => today } : {}),
  ...(env.QK_MAX_BODY ? { maxBodyBytes: Number(env.QK_MAX_BODY) } : {}),
});

const staticDir = value('--static');
const demoLogins = flag('--demo-logins');
if (demoLogins) {
  // Demo only: hands out tokens for the sample logins so the page's user switcher can sign in.
  server.app.get('/demo/logins', (c) => c.json(sample.logins.map((l) => ({ role: l.role, id: l.user.id, name: l.user.name, token: tokens.sign(l.user.id) }))));
}
if (staticDir) {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.map': 'application/json' };
  server.app.get('*', async (c) => {
    const path = normalize(decodeURIComponent(new URL(c.req.url).pathname)).replace(/^(\.\.[/\\])+/, '');
    for (const file of [join(staticDir, path), join(staticDir, path, 'index.html')]) {
      try {
        if ((await stat(file)).isFile()) return c.body(await readFile(file), 200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      } catch {
        /* next candidate */
      }
    }
    return c.notFound();
  });
}

const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const http = await listen(server.app, port, host);
log({ level: 'info', msg: 'listening', url: `${http.url}/api/quota`, auth: env.QK_AUTH === 'header' ? 'header' : 'hmac' });
if (flag('--print-tokens')) {
  for (const l of sample.logins) process.stdout.write(`${l.role.padEnd(9)} ${l.user.id.padEnd(14)} ${tokens.sign(l.user.id)}\n`);
  // A manager of another region, for the conformance suite's --as other-manager.
  process.stdout.write(`${'other-manager'} u-mgr-2 ${tokens.sign('u-mgr-2')}\n`);
}
const shutdown = async () => {
  await server.close();
  await http.close();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
