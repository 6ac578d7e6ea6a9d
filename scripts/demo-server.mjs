// `npm run demo:server`: the reference server on PGlite (sample company seeded; data kept in
// .demo-db/ between runs, delete it to start over) and the demo page demo/server.html through
// vite, which proxies /api/quota and /demo to the server. Open the printed URL.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const apiPort = Number(process.env.PORT ?? 8787);
const api = spawn(process.execPath, ['server/index.mjs', '--demo-logins'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { PGLITE_DIR: '.demo-db', QK_TODAY: '2026-11-27', ...process.env, PORT: String(apiPort) },
});
await new Promise((resolve, reject) => {
  api.stdout.on('data', (chunk) => {
    const text = String(chunk);
    if (process.env.QK_DEMO_LOGS) process.stdout.write(text);
    if (text.includes('"listening"')) resolve();
  });
  api.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
});
const target = `http://127.0.0.1:${apiPort}`;
const vite = await createServer({
  configFile: 'vite.config.ts',
  server: { port: Number(process.env.DEMO_PORT ?? 5173), strictPort: false, proxy: { '/api/quota': target, '/demo/logins': target } },
});
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
console.log(`QuotaKit on the reference server: ${url}server.html  (API ${target}/api/quota)`);
const stop = () => {
  api.kill('SIGTERM');
  void vite.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
