// The one-file bundle for a plain <script type="module"> tag: the whole kit, dependencies inlined.
export * from './index.js';
