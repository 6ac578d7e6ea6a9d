// Which test files run in Node (scripts/test-node.mjs) and which in Chromium
// (web-test-runner.config.mjs): one list for both. A test belongs in Node when what it tests is
// plain TypeScript (engine, sample data, i18n, an element's *.layout.ts / *.model.ts, the store over
// the memory adapter, the fault-injection property, the README's worked examples); in the browser
// when it needs the DOM, localStorage, rendering or a host page.
export const NODE_TESTS = [
  /^test\/engine\/.*\.test\.ts$/,
  /^test\/sample\/.*\.test\.ts$/,
  /^test\/adapter\/contract-runner\.test\.ts$/,
  /^test\/store\/fault-injection\.test\.ts$/,
  /^test\/store\/sliced-load\.test\.ts$/,
  /^test\/adapter\/trusted\.test\.ts$/,
  /^test\/docs\/worked-examples\.test\.ts$/,
  /^test\/i18n\/.*\.test\.ts$/,
  /^test\/export\/.*\.test\.ts$/,
  /^test\/ssr\/.*\.test\.ts$/,
  /^test\/docs\/theme-tokens\.test\.ts$/,
  /^test\/docs\/engine-api\.test\.ts$/,
  /^test\/internal\/latest-later\.test\.ts$/,
  /^test\/components\/.*\.(layout|model)\.test\.ts$/,
  /^test\/store\/(store|store-trust|store-warm-up|adjustments|large-org)\.test\.ts$/,
  /^test\/adapter\/(adjustment-permissions|validate|fast-parse|slice-actuals|memory-adapter|payload-corpus)\.test\.ts$/,
  /^test\/(adapter|store)\/audit-[a-z-]+\.test\.ts$/,
  /^test\/size\/.*\.test\.ts$/,
  /^test\/store\/store-warm-money\.test\.ts$/,
  /^test\/runner\/groups\.test\.ts$/,
  /^test\/runner\/node-step\.test\.ts$/,
];
/** A test file named `*.scale.test.ts` runs in Node or Chromium as the same name without `.scale` would. */
const unscaled = (f) => String(f).split('\\').join('/').replace(/\.scale\.test\.ts$/, '.test.ts');
export const isNodeTest = (f) => NODE_TESTS.some((re) => re.test(unscaled(f)));

/**
 * The scale layer: `*.scale.test.ts` files, the behaviour that needs a large plan to show (10,000 to
 * 100,000 people, 10,000-level chains: work in slices, caps on what is rendered, no overflow, sums
 * exact at that size). Not in `npm test` (the unit and element layers, at the sizes a unit needs);
 * `npm run test:scale` runs them (its `scale-node` and `scale` steps), and so do `npm run test:all`
 * and CI. A test file beside the unit file it extends: `sliced-load.scale.test.ts`.
 */
export const isScaleTest = (f) => /\.scale\.test\.ts$/.test(String(f));
