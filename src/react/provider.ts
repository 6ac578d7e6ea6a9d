/**
 * `quotakit/react/provider`: the React wrapper of `<qk-provider>`. The adapter, shared store and locale for the widgets inside.
 * Importing it registers `<qk-provider>` only, so a page pays for the elements it uses.
 */
import '../define/qk-provider.js';
import { QkProvider as QkProviderElement } from '../components/provider/provider.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import { createQkComponent, type QkWrapperProps } from './create-component.js';

/** The events of `<qk-provider>`, by the wrapper prop that receives them. */
export interface QkProviderEvents {
  onQkError: QkErrorEvent;
}

export type QkProviderProps = QkWrapperProps<QkProviderElement, QkProviderEvents>;

/** `<qk-provider>`: The adapter, shared store and locale for the widgets inside. */
export const QkProvider = createQkComponent<QkProviderElement, QkProviderEvents>({
  tagName: 'qk-provider',
  elementClass: QkProviderElement,
  events: {
    onQkError: 'qk-error',
  },
  displayName: 'QkProvider',
});
