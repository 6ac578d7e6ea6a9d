import { ContextRoot } from '@lit/context';
import { QkProvider } from '../components/provider/provider.js';
import { defineElement } from '../internal/define.js';

// A provider upgraded after its consumers (late script, lazy chunk) still serves them.
const flag = Symbol.for('quotakit.context-root');
const g = globalThis as { [flag]?: boolean };
if (globalThis.document && !g[flag]) {
  g[flag] = true;
  new ContextRoot().attach(document.documentElement);
}

defineElement('qk-provider', QkProvider);

declare global {
  interface HTMLElementTagNameMap {
    'qk-provider': QkProvider;
  }
}
