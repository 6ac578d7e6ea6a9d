import { build } from 'esbuild';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'esm', write: false, metafile: true, logLevel: 'silent', tsconfig: 'tsconfig.json', external: process.argv[3] ? ['lit','lit/*','@lit/*','d3','zod','zod/*'] : [] });
const out = Object.values(r.metafile.outputs)[0];
const groups = {};
for (const [f, v] of Object.entries(out.inputs)) {
  const key = f.includes('node_modules') ? f.split('node_modules/')[1].split('/').slice(0, f.includes('@') ? 2 : 1).join('/') : f;
  groups[key] = (groups[key] || 0) + v.bytesInOutput;
}
let tot=0; Object.values(groups).forEach(v=>tot+=v); console.log('total', tot);
Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, +process.argv[4] || 30).forEach(([k, v]) => console.log(String(v).padStart(8), k));
