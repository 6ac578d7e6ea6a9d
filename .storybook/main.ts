import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../docs/**/*.mdx', '../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  staticDirs: [{ from: '../src/themes', to: '/themes' }],
  async viteFinal(config) {
    // One copy of Lit: without the dedupe, Vite pre-bundles `lit` for the renderer
    // (@storybook/web-components) and resolves it again for src/, and Lit warns
    // "Multiple versions of Lit loaded" (two lit-html instances, two template caches).
    config.resolve ??= {};
    config.resolve.dedupe = [...(config.resolve.dedupe ?? []), 'lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context'];
    config.optimizeDeps ??= {};
    config.optimizeDeps.include = [
      ...(config.optimizeDeps.include ?? []),
      'lit',
      'lit/directive-helpers.js',
      'lit/decorators.js',
      'lit/directives/repeat.js',
      'lit/directives/class-map.js',
      'lit/directives/style-map.js',
      'lit/directives/live.js',
      'lit/directives/ref.js',
      'lit/directives/if-defined.js',
      '@lit/context',
    ];
    return config;
  },
};
export default config;
