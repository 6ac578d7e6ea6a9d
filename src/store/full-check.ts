/**
 * The full (zod) checks of every payload that enters a store, for `import()` only: the editing store
 * (`store.ts`) and the `.data` boundaries (`internal/data-store.ts`, `internal/read-data-store.ts`)
 * check a payload with the zod-free fast parse first (`adapter/fast-parse.ts`, which accepts exactly
 * what the zod schemas accept) and load this module only when it declines, to decide with zod and
 * list every issue. So a page whose payloads are valid never loads zod (issue 14).
 *
 * A module of its own on purpose: the target of an `import()` becomes a chunk of its own in the
 * host's bundler (rolldown) even where the same module is also imported statically, so importing
 * `validate.ts` itself would split a page that loads the validator anyway into several chunks that
 * compress worse. This module is imported statically nowhere but `quotakit/ssr/hydrate`.
 */
import { parseWith } from '../engine/plan/model-schema.js';
import { PendingRecordSchema } from './pending-storage.js';

export { parseActualsSnapshot, parseOrgNodes, parsePlanSnapshot, parseSaveResult, parseUser } from '../adapter/validate.js';

/** Whether stored pending edits are a valid `PendingRecord` (`PendingRecordSchema`). */
export const isPendingRecord = (record: unknown): boolean => parseWith(PendingRecordSchema, record).ok;
