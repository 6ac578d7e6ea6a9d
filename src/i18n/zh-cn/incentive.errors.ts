// Simplified Chinese (zh-CN): the messages of the incentive area (one language per module).
import type { MessageTable } from '../types.js';

/**
 * Messages for the incentive engine (`parseCommissionPlan`, `computePayout`, `whatIfPayout`,
 * `payoutCurve`, `mentoringCredit`, `computeTeamPayouts`) and the calculator element.
 */
const messages: MessageTable = {
  'incentive-plan-forbidden': ({ user, role }) => `只有财务人员或管理员可以修改提成方案；${user}是${({ manager: '经理', rep: '销售代表', viewer: '只读用户' } as Record<string, string>)[String(role)] ?? String(role)}。`,
  'incentive-plan-invalid': ({ path, reason }) => `提成方案在“${path}”处的取值无效（${reason}）。`,
  'incentive-target-invalid': ({ person }) => (person ? `${person} 在本期没有大于零的目标，无法计算提成。` : '目标必须是大于零的金额。'),
  'incentive-amount-invalid': ({ value }) => `“${value}”不是大于或等于零的整数金额。`,
  'incentive-date-invalid': ({ value }) => `“${value}”不是有效日期（YYYY-MM-DD）。`,
  'incentive-too-large': () => '金额过大，无法精确计算提成。',
  'incentive-node-unknown': ({ node }) => `不存在 ID 为“${node}”的团队或人员。`,
  'incentive-failed': ({ message }) => `无法计算团队提成：${message}`,
};
export default messages;
