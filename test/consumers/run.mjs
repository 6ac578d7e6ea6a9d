// `npm run test:consumers`: the kit as a CRM vendor installs it (issue #15). Packs the tarball,
// installs it with React 19, Vue 3, TypeScript and Node tooling into one scratch app in the OS temp
// dir (the repository's own install stays as it is), then typechecks, builds and runs each consumer.
// Expects a built dist/ (npm run build; CI builds first). Ends with one line: N passed, N failed.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const repo = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'qk-consumers-'));
const results = [];
const started = Date.now();

function step(name, cmd, args, options = {}) {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: work, encoding: 'utf8', env: { ...process.env, ...options.env }, maxBuffer: 64 << 20 });
  const ok = r.status === 0;
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  results.push({ name, ok, seconds: (Date.now() - t) / 1000 });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  if (!ok || options.show) console.log(out.split('\n').slice(-60).map((l) => `     ${l}`).join('\n'));
  return ok;
}

if (!existsSync(join(repo, 'dist/index.js'))) execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8' }))[0];
const tgz = join(work, packed.filename);
console.log(`packed ${packed.filename}: ${(packed.size / 1e6).toFixed(2)} MB packed, ${(packed.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${packed.entryCount} files`);

cpSync(join(import.meta.dirname, 'apps'), work, { recursive: true });
cpSync(join(import.meta.dirname, 'browser.mjs'), join(work, 'browser.mjs'));
// The README's React example, compiled as written (issue #20): every ```tsx block becomes a file
// of the React app, which the two React type checks below include.
{
  const blocks = [...readFileSync(join(repo, 'README.md'), 'utf8').matchAll(/```tsx\n([\s\S]*?)```/g)].map((m) => m[1]);
  if (!blocks.length) throw new Error('README.md has no tsx example to compile');
  blocks.forEach((code, i) => writeFileSync(join(work, 'react', `readme-example-${i + 1}.tsx`), code));
}
// The Next.js recipe of the server-rendering guide, compiled and run as written: every code block
// marked ```tsx file=<path> (or ts) becomes ssr/recipe/<path>.
{
  const guide = readFileSync(join(repo, 'docs/guides/server-rendering.mdx'), 'utf8');
  const blocks = [...guide.matchAll(/```tsx? file=(\S+)\n([\s\S]*?)```/g)];
  if (blocks.length < 2) throw new Error('docs/guides/server-rendering.mdx has no recipe to compile');
  for (const [, file, code] of blocks) {
    const to = join(work, 'ssr', 'recipe', file);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, code);
  }
}
const repoPkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
writeFileSync(
  join(work, 'package.json'),
  JSON.stringify(
    {
      name: 'qk-consumers',
      private: true,
      type: 'module',
      dependencies: {
        quotakit: `file:${tgz}`,
        react: '^19.2.0',
        'react-dom': '^19.2.0',
        vue: '^3.5.0',
      },
      devDependencies: {
        '@types/react': '^19.2.0',
        '@types/react-dom': '^19.2.0',
        '@types/node': '^20.0.0',
        typescript: repoPkg.devDependencies.typescript,
        vite: repoPkg.devDependencies.vite,
        '@vitejs/plugin-vue': '^6.0.0',
        'vue-tsc': '^3.0.0',
        // quotakit/ssr's optional peer: a server that renders the elements installs it.
        '@lit-labs/ssr': repoPkg.devDependencies['@lit-labs/ssr'],
        vitest: '^4.0.0',
        jest: '^30.0.0',
        publint: '^0.3.0',
        '@arethetypeswrong/cli': '^0.18.0',
        // The repository's own copy: Debian's Chromium, no browser download.
        'puppeteer-core': `file:${join(repo, 'node_modules/puppeteer-core')}`,
      },
    },
    null,
    2,
  ),
);

const bin = (name) => join(work, 'node_modules/.bin', name);
if (!step('npm install (tarball + React 19, Vue 3, TypeScript, vite, vitest, jest, publint, attw)', 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'])) {
  process.exit(1);
}

step('publint --strict (the installed package)', bin('publint'), ['--strict', 'node_modules/quotakit']);
// Every resolution mode, node10 included; only "CJS can load it by dynamic import alone" is expected of an ESM-only package.
step('attw (the tarball, node10 included)', bin('attw'), [tgz, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'table-flipped']);

step('plain TS: events typed from a define module alone', bin('tsc'), ['-p', 'plain/tsconfig.events.json']);
for (const mode of ['bundler', 'node16', 'node10']) step(`plain TS: every subpath under moduleResolution ${mode}`, bin('tsc'), ['-p', `plain/tsconfig.${mode}.json`]);
step('Node TS (no DOM lib): adapter and engine types', bin('tsc'), ['-p', 'node/tsconfig.json']);

step('React 19 + TS strict, skipLibCheck false', bin('tsc'), ['-p', 'react/tsconfig.json']);
step('React 19 + TS strict, skipLibCheck true', bin('tsc'), ['-p', 'react/tsconfig.skiplib.json']);
if (step('React: vite build', bin('vite'), ['build', '--config', 'react/vite.config.mjs'], { env: { QK_PAGE: 'index' } })) {
  step('React: runs in Chromium', 'node', ['browser.mjs', 'react', 'react/dist-index'], { show: true });
}

step('Vue 3: vue-tsc --strictTemplates (generated quotakit/vue types)', bin('vue-tsc'), ['-p', 'vue/tsconfig.json']);
if (step('Vue: vite build', bin('vite'), ['build', '--config', 'vue/vite.config.mjs'])) step('Vue: runs in Chromium', 'node', ['browser.mjs', 'vue', 'vue/dist'], { show: true });

step('Node: quotakit/bundle and every entry import; SSR keeps attributes', 'node', ['node/ssr.mjs'], { show: true });
// Lit SSR (issue #15 item 7): the four display elements rendered by quotakit/ssr in Node (declarative
// shadow DOM, the real figures), then hydrated in Chromium without a flash; a page without
// quotakit/ssr/hydrate is the control that must redraw.
if (['index', 'no-hydrate'].every((page) => step(`SSR: vite build of the client page ${page}`, bin('vite'), ['build', '--config', 'ssr/vite.config.mjs'], { env: { QK_SSR_PAGE: page } }))) {
  if (step('SSR: quotakit/ssr renders the display elements in Node (declarative shadow DOM, attainment 84.5 %)', 'node', ['ssr/server.mjs'], { show: true })) {
    step('SSR: Chromium hydrates them without a flash or a console warning', 'node', ['ssr/browser.mjs'], { show: true });
  }
}
step('SSR: the Next.js recipe of the guide typechecks (React 19, strict)', bin('tsc'), ['-p', 'ssr/tsconfig.recipe.json']);
step('SSR: the Next.js recipe renders the display elements (Vitest)', bin('vitest'), ['run', '--root', 'ssr', 'recipe.test.tsx']);
step('Node: adapter contract suite under node:test', 'node', ['--test', 'node/contract.node.test.mjs']);
step('Node: adapter contract suite under Vitest', bin('vitest'), ['run', '--root', 'node', '--testTimeout', '120000', 'contract.vitest.test.mjs']);
// Jest runs ES modules only under --experimental-vm-modules; its JSON report must show every test of
// node/contract.jest.test.mjs: 2 adapters × 12 contract checks + 2 adapterContractCases tests.
if (step('Node: adapter contract suite under Jest', 'node', ['--experimental-vm-modules', join(work, 'node_modules/jest/bin/jest.js'), '--config', 'node/jest.config.mjs', '--rootDir', 'node', '--ci', '--json', '--outputFile', 'jest.json'])) {
  const report = JSON.parse(readFileSync(join(work, 'jest.json'), 'utf8'));
  const ok = report.numTotalTests === 26 && report.numPassedTests === 26;
  results.push({ name: 'Jest ran all 26 contract tests', ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} Jest ran all 26 contract tests (total ${report.numTotalTests}, passed ${report.numPassedTests}, failed ${report.numFailedTests})`);
}

// Size report: a React page with two wrappers imported one by one, against one with all nine.
const jsBytes = (dir) => {
  let min = 0;
  let gz = 0;
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.js')) {
        const b = readFileSync(p);
        min += b.length;
        gz += gzipSync(b, { level: 9 }).length;
      }
    }
  };
  walk(dir);
  return { min, gz };
};
const sizes = {};
for (const page of ['size-two', 'size-all']) {
  if (step(`React size page ${page}: vite build`, bin('vite'), ['build', '--config', 'react/vite.config.mjs'], { env: { QK_PAGE: page } })) sizes[page] = jsBytes(join(work, `react/dist-${page}`));
}
if (sizes['size-two'] && sizes['size-all']) {
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`size: two wrappers (quotakit/react/goal-tree + attainment-gauge): ${kb(sizes['size-two'].min)} min / ${kb(sizes['size-two'].gz)} gzip`);
  console.log(`size: all nine wrappers through quotakit/react:                    ${kb(sizes['size-all'].min)} min / ${kb(sizes['size-all'].gz)} gzip`);
  const smaller = sizes['size-two'].gz < sizes['size-all'].gz;
  results.push({ name: 'size: a page with two wrappers is smaller than one with all nine', ok: smaller });
  console.log(`${smaller ? 'ok  ' : 'FAIL'} size: a page with two wrappers is smaller than one with all nine`);
}

if (!process.env.QK_KEEP) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`consumer harness: ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
