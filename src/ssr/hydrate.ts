// `quotakit/ssr/hydrate`: import it first on a page whose elements were rendered by `quotakit/ssr`,
// before any element module. It installs Lit's hydration support, so an element that finds its
// server-rendered shadow root adopts those nodes instead of drawing them again (no flash, no second
// layout). A page rendered only in the browser does not import it and pays nothing for it.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
