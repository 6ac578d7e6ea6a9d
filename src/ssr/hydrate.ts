// `quotakit/ssr/hydrate`: import it first on a page whose elements were rendered by `quotakit/ssr`,
// before any element module. It installs Lit's hydration support, so an element that finds its
// server-rendered shadow root adopts those nodes instead of drawing them again (no flash, no second
// layout). A page rendered only in the browser does not import it and pays nothing for it.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
// The validator of `.data`, at once: an element hydrating server-rendered figures must render them
// in its first update, not wait for `import()` (the server rendered with it too).
// Handed over through a global symbol (read by QkElement), not by importing the element base: that
// import would load lit before the hydration support above is installed.
import * as dataStore from '../internal/data-store.js';
import * as readDataStore from '../internal/read-data-store.js';
import * as validate from '../store/full-check.js';

// Display elements read `.data` into the read model alone; with the full validator at hand, a payload
// the fast check declines is decided at once too (the server rendered it so).
readDataStore.useValidator(validate); // the same check serves both data modules (store/checks.ts)
(globalThis as { [key: symbol]: unknown })[Symbol.for('quotakit.dataStore')] = dataStore;
(globalThis as { [key: symbol]: unknown })[Symbol.for('quotakit.readDataStore')] = readDataStore;
