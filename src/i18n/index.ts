export * from './types.js';
export type { Lazy, Localized } from './localize.js';
export { en } from './en.js';
export { zhCN } from './zh-cn.js';
export { normalizeLocale, resolveLocale, registerTranslation, registerStrings, registerMessages, getTranslation, loadLocale, provideTables, onTranslationChange, errorText } from './localize.js';
export { localizeIssue, type LocalizableIssue, type LocalizeIssueOptions } from './localize-issue.js';
