import type { LocalizedMessages } from '../types.js';

/** Messages for the store's own error codes. */
export const storeMessages: LocalizedMessages = {
  en: {
    'no-adapter': () => 'No data source is connected.',
    'load-failed': ({ reason }) => `The plan could not be loaded: ${reason}`,
    'save-failed': ({ reason }) => `Your changes could not be saved (they are kept): ${reason}`,
    'save-conflict': () => 'The plan was changed by someone else since you loaded it. Your edits are kept; reload to re-apply them.',
    'nothing-to-undo': () => 'Nothing to undo.',
    'json-invalid': ({ prop, reason }) => `The JSON configuration for "${prop}" is not valid: ${reason}`,
    'json-unknown-prop': ({ prop, allowed }) => `"${prop}" cannot be set from JSON (allowed: ${allowed}).`,
  },
  'zh-CN': {
    'no-adapter': () => '未连接数据来源。',
    'load-failed': ({ reason }) => `无法加载计划：${reason}`,
    'save-failed': ({ reason }) => `修改未能保存（已为您保留）：${reason}`,
    'save-conflict': () => '自您加载以来，其他人修改了此计划。您的修改已保留，请重新加载后再次应用。',
    'nothing-to-undo': () => '没有可撤销的操作。',
    'json-invalid': ({ prop, reason }) => `“${prop}”的 JSON 配置无效：${reason}`,
    'json-unknown-prop': ({ prop, allowed }) => `不能通过 JSON 设置“${prop}”（可设置：${allowed}）。`,
  },
};
