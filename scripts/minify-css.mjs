// Minifies the CSS inside Lit's css`…` tagged templates of QuotaKit's own source at build time
// (issue 14): vite minifies the JavaScript around them but leaves a template literal as it is, so the
// shipped styles kept their comments and indentation (~40 % of their bytes). Used by vite.config.ts
// for the library and the one-file bundle; tests and the demo server run the source as written.
//
// Conservative on purpose: comments go, runs of whitespace become one space, and the space next to
// `{`, `}` and `;` goes. The space after a comma stays (Chromium keeps a var() fallback's text as
// written), quoted strings and `${…}` expressions are left exactly as written, and so is the space
// between two expressions (`${a} ${b}`). test/theme/css-minify.test.ts has Chromium parse every
// element's styles both ways and compares the rules.

/** The minified text of one static part of a css`…` template (raw source text, escapes kept). */
export function minifyCssText(text) {
  // Quoted strings kept whole; comments become a space; the text between strings is squeezed.
  const re = /('(?:\\[\s\S]|[^'\\])*'|"(?:\\[\s\S]|[^"\\])*")|\/\*[\s\S]*?\*\//g;
  const squeeze = (s) => s.replace(/\s+/g, ' ').replace(/ ?([{};]) ?/g, '$1');
  let out = '';
  let plain = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    plain += text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] === undefined) {
      plain += ' ';
      continue;
    }
    out += squeeze(plain) + m[1];
    plain = '';
  }
  return out + squeeze(plain + text.slice(last));
}

/**
 * `code` with the static text of every css`…` template minified. Returns `code` itself when it has
 * none. Throws on an unterminated template (the build then fails rather than ship something broken).
 */
export function minifyCssLiterals(code) {
  const tag = /(^|[^\w$.])css`/g;
  let out = '';
  let pos = 0;
  for (let m; (m = tag.exec(code)); ) {
    const start = m.index + m[0].length; // just after the backtick
    out += code.slice(pos, start);
    let i = start;
    let chunk = start;
    for (;;) {
      if (i >= code.length) throw new Error(`minify-css: unterminated css\` template at ${m.index}`);
      const c = code[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '`') break;
      if (c === '$' && code[i + 1] === '{') {
        const text = minifyCssText(code.slice(chunk, i));
        out += chunk === start ? text.trimStart() : text;
        const end = skipExpression(code, i + 2);
        out += code.slice(i, end);
        i = chunk = end;
        continue;
      }
      i++;
    }
    const text = minifyCssText(code.slice(chunk, i)).trimEnd();
    out += (chunk === start ? text.trimStart() : text) + '`';
    pos = i + 1;
    tag.lastIndex = pos;
  }
  return pos === 0 ? code : out + code.slice(pos);
}

/** The index just after the `}` that closes a `${` expression starting at `i` (nested braces, strings and templates skipped). */
function skipExpression(code, i) {
  let depth = 1;
  while (i < code.length) {
    const c = code[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    else if (c === "'" || c === '"') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '`') {
      for (i++; i < code.length && code[i] !== '`'; i++) {
        if (code[i] === '\\') i++;
        else if (code[i] === '$' && code[i + 1] === '{') i = skipExpression(code, i + 2) - 1;
      }
    }
    i++;
  }
  throw new Error('minify-css: unterminated ${…} in a css` template');
}

/** The vite (rolldown) plugin: QuotaKit's TypeScript sources only, at build time. */
export function minifyCssPlugin() {
  return {
    name: 'qk-minify-css',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const next = minifyCssLiterals(code);
      return next === code ? null : { code: next, map: null };
    },
  };
}
