// Simplified Chinese (zh-CN): the messages of the store area (one language per module).
import type { MessageTable } from '../types.js';

/** Messages for the store's own error codes. */
const messages: MessageTable = {
  'no-adapter': () => '未连接数据来源。',
  'load-failed': ({ reason }) => `无法加载计划：${reason}`,
  'save-failed': ({ reason }) => `修改未能保存（已为您保留）：${reason}`,
  'save-conflict': () => '自您加载以来，其他人修改了此计划。您的修改已保留，请重新加载后再次应用。',
  'nothing-to-undo': () => '没有可撤销的操作。',
  'json-invalid': ({ prop, reason }) => `“${prop}”的 JSON 配置无效：${reason}`,
  'json-unknown-prop': ({ prop, allowed }) => `不能通过 JSON 设置“${prop}”（可设置：${allowed}）。`,
  timeout: () => 'CRM 未能及时响应。您的修改已保留，重试时会再次发送。',
  'no-plan': () => '尚未加载计划。',
  'edit-no-user': () => '您尚未登录，无法修改目标。',
  'input-commitment-not-own': ({ node }) => `销售人员只能填写自己的承诺，不能填写${node}的。`,
  'input-ramp-not-rep': ({ node }) => `爬坡曲线只属于销售人员，${node}不是销售人员。`,
  'edit-unknown-node': ({ node }) => `此计划中没有“${node}”。`,
  'edit-forbidden-role': ({ node }) => `您的角色只能查看目标，不能修改（${node}）。请联系经理或提交调整申请。`,
  'edit-forbidden-scope': ({ node }) => `${node}不在您可编辑的组织范围内。`,
  'edit-locked': ({ node, period }) => `${node} ${period} 的目标已锁定。请先解锁（有权编辑${node}的人可以解锁）。`,
  'edit-period-closed': ({ node, period }) => `${period} 已结账：${node}该期的目标已归档，不能修改。`,
  'save-retrying': ({ count }) => `保存失败，正在重试（已保留 ${count} 项修改）。`,
};
export default messages;
