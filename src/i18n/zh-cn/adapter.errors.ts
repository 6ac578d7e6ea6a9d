// Simplified Chinese (zh-CN): the messages of the adapter area (one language per module).
import type { MessageTable } from '../types.js';

/**
 * Messages for the adapters' error codes (`QkAdapterError.code`). Optional params: `currentVersion`
 * (conflict), `reason` (the adapter's English message), `issues` (how many issues `invalid-data`
 * lists; the issues themselves are worded by `describeIssue` in `../issues.ts`).
 */
const messages: MessageTable = {
  'invalid-data': ({ reason, issues }) =>
    `CRM 返回的数据格式有误，已全部拒绝加载，请联系管理员检查数据。${!issues && reason ? `详情：${reason}` : ''}`,
  network: () => '无法连接 CRM，或 CRM 未能及时响应。请检查网络后重试。',
  conflict: ({ currentVersion }) =>
    `此计划已被他人修改${currentVersion === undefined ? '' : `（当前为第 ${currentVersion} 版）`}。请重新加载查看最新内容，您的修改已保留。`,
  forbidden: () => '您没有查看或修改这些数据的权限。',
  'not-found': () => '在 CRM 中未找到所请求的数据。',
};
export default messages;
