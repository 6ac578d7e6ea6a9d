/** axe-core's browser build: importing it registers `window.axe` (what chai-a11y-axe loads on first use). */
declare module 'axe-core/axe.min.js';
