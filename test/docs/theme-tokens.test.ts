// Issue #20: the theme token tables of the docs are generated from src/themes/*.css by
// scripts/theme-tokens.mjs; the committed tables must equal what it generates from the sheets.
import { expect } from '@open-wc/testing';
import { readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs script without types
import { DOCS, committedTable, generatedTable, readTokens, tokenTable } from '../../scripts/theme-tokens.mjs';

type Doc = { file: string; start: string; end: string };
const read = (f: string) => readFileSync(f, 'utf8');

describe('theme token tables (scripts/theme-tokens.mjs)', () => {
  it('reads every token of light.css with its value and description, and the dark values', () => {
    const light = readTokens(read('src/themes/light.css'));
    expect(light.length).to.equal(17);
    expect(light[0]).to.deep.equal({ name: '--qk-color-text', value: '#1f2328', description: 'Text.' });
    const table: string = generatedTable(process.cwd());
    expect(table).to.include('| `--qk-color-primary` | `#0b63c5` | `#4493f8` | Accent: buttons, links, selection, bars. |');
    expect(table).to.include('| `--qk-radius` | `6px` | as light | Corner radius. |');
    expect(table).to.include("| `--qk-font-mono` | `ui-monospace, 'SFMono-Regular', Menlo, monospace` | as light |");
  });

  it('follows the sheets: a changed value changes the table, an unknown dark token is refused', () => {
    const light = read('src/themes/light.css').replace('--qk-color-danger: #cf222e;', '--qk-color-danger: #b00020;');
    expect(tokenTable(light, read('src/themes/dark.css'))).to.include('| `--qk-color-danger` | `#b00020` | `#ff6a61` |');
    expect(() => tokenTable(read('src/themes/light.css'), '.x {\n  --qk-color-nope: red;\n}')).to.throw('--qk-color-nope');
  });

  for (const doc of DOCS as Doc[]) {
    it(`${doc.file}: the committed table is the generated one`, () => {
      expect(committedTable(read(doc.file), doc), 'markers missing or table stale: run node scripts/theme-tokens.mjs').to.equal(generatedTable(process.cwd()));
    });
  }

  it('light.css and the elements\' built-in fallbacks agree (a page without the sheet looks the same)', () => {
    const base = read('src/theme/base-styles.ts');
    for (const t of readTokens(read('src/themes/light.css'))) {
      expect(base, t.name).to.include(`var(${t.name}, ${t.value})`);
    }
  });
});
