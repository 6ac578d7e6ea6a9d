// Type-level test, checked by `npx tsc --noEmit -p tsconfig.json` (not run): an element must
// register the string sections it reads. Each `@ts-expect-error` below fails the type check if the
// line under it ever compiles (e.g. if `strings` stopped being required).
import { html } from 'lit';
import { QkElement } from '../../src/internal/qk-element.js';
import { goalTreeStrings } from '../../src/i18n/loaders/goal-tree.js';
import { funnelStrings } from '../../src/i18n/loaders/funnel.js';

/** Registers what it reads: compiles. */
export class Registered extends QkElement<'goalTree'> {
  protected override get strings() {
    return goalTreeStrings;
  }
  protected override render() {
    return html`${this.t.goalTree.title} ${this.t.common.loading} ${this.t.errors['cell-locked']?.({}) ?? ''}`;
  }
}

// @ts-expect-error — forgets to register its strings: "does not implement inherited abstract member strings".
export class Forgets extends QkElement<'goalTree'> {
  protected override render() {
    return html`${this.t.goalTree.title}`;
  }
}

/** Registers another element's strings under its own section. */
export class RegistersAnother extends QkElement<'goalTree'> {
  // @ts-expect-error — the funnel's strings do not register `goalTree`.
  protected override get strings() {
    return funnelStrings;
  }
}

/** Reads a section it never declared or registered. */
export class ReadsUnregistered extends QkElement<'funnel'> {
  protected override get strings() {
    return funnelStrings;
  }
  protected override render() {
    // @ts-expect-error — `goalTree` is not among the sections this element registered.
    return html`${this.t.goalTree.title}`;
  }
}
