import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import base from './web-test-runner.config.mjs';

/**
 * The visual suite (`npm run test:visual`): each element's main states at 320, 768 and 1440 px, in
 * English and Chinese, light and dark, compared with the baselines committed in docs/screenshots/
 * (which are also the screenshots the docs show). `npm run test:visual -- --update` rewrites the
 * baselines; a failed comparison writes the new image and the diff to .visual-failures/.
 *
 * Tolerance: a pixel counts as changed past pixelmatch's colour threshold 0.2 (antialiasing ignored),
 * and a screenshot fails when more than 0.5% of its pixels changed, which font hinting and subpixel
 * positioning on another machine stay under while a moved bar or a wrapped label does not.
 * Debian's Chromium has no CJK font: zh-CN text renders as boxes, the same way in the baselines.
 */
const update = process.argv.includes('--update');

export default {
  ...base,
  files: ['test/visual/**/*.visual.ts'],
  coverage: false,
  plugins: [
    ...base.plugins,
    visualRegressionPlugin({
      update,
      baseDir: 'docs/screenshots',
      getBaselineName: ({ name }) => `${name}.png`,
      getFailedName: ({ name }) => `../../.visual-failures/${name}.png`,
      getDiffName: ({ name }) => `../../.visual-failures/${name}-diff.png`,
      diffOptions: { threshold: 0.2, includeAA: false },
      failureThreshold: 0.5,
      failureThresholdType: 'percent',
    }),
  ],
};
