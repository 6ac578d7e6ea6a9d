// The engine and the store stay plain TypeScript: no lit, no DOM, no d3-selection. Fails the test
// command when a file under src/engine or src/store breaks the rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const rules = [
  [/from\s+['"](lit|lit\/[^'"]*|@lit\/[^'"]*|lit-html|lit-element)['"]/, 'imports lit'],
  [/from\s+['"]d3-selection['"]|\b(select|selectAll)\b[^;\n]*from\s+['"]d3['"]/, 'imports d3-selection'],
  [/\bdocument\.|\bwindow\.|\blocalStorage\b|\bHTMLElement\b|\bcustomElements\b/, 'touches the DOM'],
];
const problems = [];
for (const dir of ['src/engine', 'src/store']) {
  for (const f of readdirSync(dir, { recursive: true })) {
    if (!String(f).endsWith('.ts')) continue;
    const path = join(dir, String(f));
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/^\s*(\/\*|\*|\/\/)/.test(line)) return; // comments may mention them
      for (const [re, what] of rules) if (re.test(line)) problems.push(`${path}:${i + 1}: ${what}: ${line.trim()}`);
    });
  }
}
if (problems.length) {
  console.error('src/engine and src/store must stay free of lit, DOM and d3-selection:\n' + problems.join('\n'));
  process.exit(1);
}
console.log('engine purity: ok (src/engine, src/store import no lit, DOM or d3-selection)');
