/**
 * Typed string sections: an element says which sections of the strings it reads and registers
 * them in one value, `StringSections<K>`. The base element requires one (`strings`) and types
 * `this.t` by it, so an element that forgets to register its strings, or reads a section it did
 * not register, does not compile (see `test/i18n/sections.type-test.ts`).
 */
import type { SectionKey, Translation } from './types.js';

export interface StringSections<K extends SectionKey> {
  /** The sections the element reads (`t.goalTree`…), for the type check. */
  readonly sections: { readonly [P in K]: true };
  /** Registers those sections and the error messages the element shows (see `loaders/`). */
  readonly register: () => void;
}

/** The strings of sections `K`, registered by `register`. */
export function stringSections<K extends SectionKey>(sections: readonly K[], register: () => void): StringSections<K> {
  return { sections: Object.fromEntries(sections.map((k) => [k, true])) as { readonly [P in K]: true }, register };
}

/** For an element that reads only the shared strings (`common`, `metrics`, `errors`…). */
export const sharedStringsOnly: StringSections<never> = stringSections([], () => {});

/** The strings every element may read: the shared ones and `errors` (what `localizeIssue` and `issueLine` need). */
export type SharedTranslation = Omit<Translation, SectionKey>;

/** What an element that registered sections `K` may read: the shared strings, `errors` and its sections. */
export type ElementTranslation<K extends SectionKey> = Omit<Translation, SectionKey> & Pick<Translation, K>;
