/**
 * The full (zod) check of `.data`, for `read-data-store.ts` to load by `import()` when its fast check
 * declines a payload. A module of its own on purpose: the target of an `import()` becomes a chunk of
 * its own in the host's bundler (rolldown) even where the same module is also imported statically,
 * so importing `validate.ts` itself would split a provider page, which loads the validator anyway,
 * into several chunks that compress worse. This module is imported statically nowhere.
 */
export { parseActualsSnapshot, parsePlanSnapshot } from '../adapter/validate.js';
