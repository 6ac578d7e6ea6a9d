export { storeContext, adapterContext, localeContext } from './keys.js';
