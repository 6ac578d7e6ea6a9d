// The manifest lists the elements (and their base classes and events), in a stable order so that a
// fresh clone regenerates it byte for byte (CI checks that it is up to date).
export default {
  globs: ['src/components/**/*.ts', 'src/internal/qk-element.ts', 'src/events/*.ts', 'src/define/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/index.ts', 'src/**/*.layout.ts', 'src/**/*.model.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'qk-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
