import { ContextRoot } from '@lit/context';
import { VERSION } from './version.js';

// Every element module defines through here, so the ContextRoot is attached before any element
// upgrades: an element whose provider is defined (or inserted) later still gets its context.
const flag = Symbol.for('quotakit.context-root');
const g = globalThis as { [flag]?: boolean };
if (globalThis.document && !g[flag]) {
  g[flag] = true;
  new ContextRoot().attach(document.documentElement);
}

type QkConstructor = CustomElementConstructor & { qkVersion?: string };

/**
 * Defines a custom element without ever throwing when a CRM page loads two bundles of QuotaKit:
 * the first definition wins; a second one of the same version is skipped silently, one of another
 * version is skipped with a console warning.
 */
export function defineElement(tag: string, ctor: QkConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as QkConstructor | undefined;
  if (existing) {
    const mine = ctor.qkVersion ?? VERSION;
    if (existing !== ctor && existing.qkVersion !== mine) {
      console.warn(
        `quotakit: <${tag}> is already defined by version ${existing.qkVersion ?? 'unknown'}; this copy (${mine}) is not used.`,
      );
    }
    return;
  }
  registry.define(tag, ctor);
}
