/**
 * The `Result` every engine function returns where input can be wrong. The seeded random
 * generator (`random.ts`) and the `ok`/`fail` constructors are internal.
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
  type QkIssue,
  type Result,
} from './result.js';
