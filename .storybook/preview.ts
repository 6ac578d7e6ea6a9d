import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import { publicManifest } from './manifest.js';
import '../src/themes/light.css';
import '../src/themes/dark.css';

// Controls and the Docs API tables come from the manifest, cut to the public API (see manifest.ts).
setCustomElementsManifest(publicManifest(manifest));

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language',
      toolbar: { title: 'Language', icon: 'globe', items: [{ value: 'zh-CN', title: '中文' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
    theme: {
      description: 'Theme',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'light' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = context.globals.locale ?? 'zh-CN';
      document.body.classList.toggle('qk-theme-dark', context.globals.theme === 'dark');
      document.body.style.background = context.globals.theme === 'dark' ? '#0d1117' : '';
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true },
    // Stories tagged `heavy` (orgs of 10,000–100,000 people) stay out of the Docs pages, so a page
    // opens quickly; they are in the sidebar and run in test:stories.
    docs: { toc: true, stories: { filter: (story: { tags?: string[] }) => !story.tags?.includes('heavy') } },
    // Run by scripts/test-stories.mjs (axe-core per story) and shown in the Accessibility panel.
    a11y: { test: 'error' },
    options: {
      storySort: { order: ['Guides', ['Introduction', 'Getting started', 'Writing an adapter', 'Theming', 'Localization', 'Formulas', 'Embedding', 'Performance and size'], 'Elements', 'Data'] },
    },
  },
};
export default preview;
