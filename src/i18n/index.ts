export * from './types.js';
export { en } from './en.js';
export { zhCN } from './zh-cn.js';
export { normalizeLocale, resolveLocale, registerTranslation, registerStrings, registerMessages, getTranslation, onTranslationChange, errorText } from './localize.js';
