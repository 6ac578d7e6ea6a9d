// The engine, the store and the sample company stay plain TypeScript: no lit, no DOM, no
// d3-selection. So do the element presenters beside each element — `<element>.layout.ts` (geometry)
// and `<element>.model.ts` (view model) under src/components — so they run in Node like the engine.
// Fails the test command when one of these files breaks the rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const rules = [
  [/from\s+['"](lit|lit\/[^'"]*|@lit\/[^'"]*|lit-html|lit-element)['"]/, 'imports lit'],
  [/from\s+['"]d3-selection['"]|\b(select|selectAll)\b[^;\n]*from\s+['"]d3['"]/, 'imports d3-selection'],
  [/\bdocument\.|\bwindow\.|\blocalStorage\b|\bHTMLElement\b|\bcustomElements\b/, 'touches the DOM'],
];
const PURE_DIRS = ['src/engine', 'src/store', 'src/sample'];
const PRESENTER = /\.(layout|model)\.ts$/;
const files = [];
for (const dir of PURE_DIRS) {
  for (const f of readdirSync(dir, { recursive: true })) if (String(f).endsWith('.ts')) files.push(join(dir, String(f)));
}
const presenters = [];
for (const f of readdirSync('src/components', { recursive: true })) {
  if (PRESENTER.test(String(f))) presenters.push(join('src/components', String(f)));
}
if (!presenters.length) {
  console.error('check-purity: no element presenters (*.layout.ts, *.model.ts) found under src/components — has the layout changed?');
  process.exit(1);
}
files.push(...presenters);
const problems = [];
for (const path of files) {
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/^\s*(\/\*|\*|\/\/)/.test(line)) return; // comments may mention them
    for (const [re, what] of rules) if (re.test(line)) problems.push(`${path}:${i + 1}: ${what}: ${line.trim()}`);
  });
}
// Everywhere in src: d3 by module (d3-shape, d3-array), never the `d3` barrel.
for (const f of readdirSync('src', { recursive: true })) {
  if (!String(f).endsWith('.ts')) continue;
  const path = join('src', String(f));
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (/from\s+['"]d3['"]/.test(line)) problems.push(`${path}:${i + 1}: imports the d3 barrel (import from d3-shape, d3-array, …): ${line.trim()}`);
  });
}
if (problems.length) {
  console.error('src/engine, src/store, src/sample and element presenters must stay free of lit, DOM and d3-selection:\n' + problems.join('\n'));
  process.exit(1);
}
console.log(`engine purity: ok (${files.length} files in ${PURE_DIRS.join(', ')} and ${presenters.length} element presenters import no lit, DOM or d3-selection)`);
