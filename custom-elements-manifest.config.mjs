// The manifest lists the elements (and their base classes and events), in a stable order so that a
// fresh clone regenerates it byte for byte (CI checks that it is up to date).
//
// It is also the manifest the package ships (`customElements` in package.json), so its module paths
// are the shipped files, not the sources: an element's class is in `dist/components/<folder>.js`,
// its registration in `dist/define/<tag>.js` (a `custom-element-definition` export), the events and
// the base element in `dist/index.js`. Private helper modules are left out. One file serves the
// repository (Storybook reads it by tag name) and the tarball, so the two cannot drift apart.
import { readFileSync } from 'node:fs';

/** Where the public names of a source module are shipped, or `null` for a private helper module. */
function shippedPath(path, declarations) {
  const component = /^src\/components\/([^/]+)\/[^/]+\.ts$/.exec(path);
  if (component) {
    const entry = readFileSync(`src/components/${component[1]}/index.ts`, 'utf8');
    const exported = declarations.some((d) => new RegExp(`\\b${d.name}\\b`).test(entry));
    return exported ? `dist/components/${component[1]}.js` : null;
  }
  const define = /^src\/define\/(qk-[^/]+)\.ts$/.exec(path);
  if (define) return `dist/define/${define[1]}.js`;
  if (/^src\/(events\/[^/]+|internal\/qk-element)\.ts$/.test(path)) return 'dist/index.js';
  return null;
}

/** Every `{ module: 'src/…' }` reference in the manifest, rewritten to the shipped path. */
function rewriteReferences(value, paths) {
  if (Array.isArray(value)) for (const v of value) rewriteReferences(v, paths);
  else if (value && typeof value === 'object') {
    // The analyzer writes a superclass's module as `/src/…/x.js`: the same key as `src/…/x.ts`.
    const key = typeof value.module === 'string' ? value.module.replace(/^\//, '').replace(/\.js$/, '.ts') : undefined;
    if (key && paths.has(key)) value.module = paths.get(key);
    for (const v of Object.values(value)) rewriteReferences(v, paths);
  }
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/qk-element.ts', 'src/events/*.ts', 'src/define/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/index.ts', 'src/**/*.layout.ts', 'src/**/*.model.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'qk-shipped-paths',
      packageLinkPhase({ customElementsManifest }) {
        const modules = [...customElementsManifest.modules].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        const paths = new Map(modules.map((m) => [m.path, shippedPath(m.path, m.declarations ?? [])]));
        const classes = modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => ({ tag: d.tagName, name: d.name, module: m.path })));
        const merged = new Map();
        for (const m of modules) {
          const path = paths.get(m.path);
          if (!path) continue;
          const into = merged.get(path) ?? { kind: 'javascript-module', path, declarations: [], exports: [] };
          into.declarations.push(...(m.declarations ?? []));
          into.exports.push(...(m.exports ?? []));
          const tag = /^src\/define\/(qk-[^/]+)\.ts$/.exec(m.path)?.[1];
          const element = classes.find((c) => c.tag === tag);
          if (element) into.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: element.name, module: element.module } });
          merged.set(path, into);
        }
        rewriteReferences([...merged.values()], new Map([...paths].filter(([, p]) => p)));
        customElementsManifest.modules = [...merged.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
