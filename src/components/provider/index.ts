export { QkProvider } from './provider.js';
