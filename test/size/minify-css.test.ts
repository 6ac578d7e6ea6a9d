/**
 * Issue #14: scripts/minify-css.mjs rewrites only the static text of css`…` templates: everything
 * else in a module, and every `${…}` expression inside a template, is left exactly as written.
 */
import { expect } from '@open-wc/testing';
// @ts-expect-error a plain .mjs build script, no types
import { minifyCssLiterals } from '../../scripts/minify-css.mjs';

describe('minifyCssLiterals (issue #14)', () => {
  it('minifies css`…` and nothing else', () => {
    const code = "const a = `  keep   this  `;\nexport const s = css`\n  /* note */\n  :host {\n    color: red;\n  }\n`;\nconst b = html`<p>  x  </p>`;";
    expect(minifyCssLiterals(code)).to.equal("const a = `  keep   this  `;\nexport const s = css`:host{color: red;}`;\nconst b = html`<p>  x  </p>`;");
  });

  it('leaves ${…} expressions as written, nested braces, strings and templates included', () => {
    const code = 'css`\n  .a {\n    width: ${w}px;\n  }\n  ${f({ k: "}" })} ${`x ${y}`}\n`';
    expect(minifyCssLiterals(code)).to.equal('css`.a{width: ${w}px;}${f({ k: "}" })} ${`x ${y}`}`');
  });

  it('keeps escaped backticks in the text, and does not touch names that end in css (mycss`…`)', () => {
    const code = 'css`\n  .a::after {\n    content: "\\`";\n  }\n`; mycss`\n  a  b\n`;';
    expect(minifyCssLiterals(code)).to.equal('css`.a::after{content: "\\`";}`; mycss`\n  a  b\n`;');
  });

  it('a module without css`…` comes back unchanged; an unterminated template throws', () => {
    const code = 'export const x = 1;';
    expect(minifyCssLiterals(code)).to.equal(code);
    expect(() => minifyCssLiterals('css`\n .a {')).to.throw(/unterminated/);
  });
});
