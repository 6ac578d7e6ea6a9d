import { QkProvider } from '../components/provider/provider.js';
import { defineElement } from '../internal/define.js';

defineElement('qk-provider', QkProvider);

declare global {
  interface HTMLElementTagNameMap {
    'qk-provider': QkProvider;
  }
}
