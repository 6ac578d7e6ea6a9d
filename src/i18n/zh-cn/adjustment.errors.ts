// Simplified Chinese (zh-CN): the messages of the adjustment area (one language per module).
import type { MessageTable } from '../types.js';
const ROLE_ZH: Record<string, string> = { rep: '销售代表', viewer: '只读用户', finance: '财务人员', manager: '经理', admin: '管理员' };
const STATUS_ZH: Record<string, string> = { draft: '草稿', pending: '待审批', approved: '已批准', rejected: '已驳回', applied: '已生效', withdrawn: '已撤回' };
const ACTION_ZH: Record<string, string> = { submit: '提交', approve: '批准', reject: '驳回', withdraw: '撤回', apply: '执行', reopen: '重新审批' };
const en = (m: Record<string, string>, k: unknown) => m[String(k)] ?? String(k ?? '');

/**
 * Messages for target adjustments: the error codes of `parseAdjustmentRequest`,
 * `previewAdjustment`, `canRequest` / `canApprove` (permission reasons), `transitionAdjustment`,
 * `applyAdjustment`, `evaluateTriggers` and the ledger, plus the panel's own `adjustment-vetoed`,
 * `adjustment-conflict` and `adjustment-no-user`. `node` params are names where the panel knows them.
 */
const messages: MessageTable = {
  'adjustment-invalid': ({ path, detail }) => `调整申请不完整或无效${path ? `（${path}）` : ''}：${detail}。`,
  'adjustment-reason-short': ({ min, length }) => `请填写至少 ${min} 个字的调整原因（当前 ${length} 个）。`,
  'adjustment-periods-duplicate': () => '同一期间被选择了两次。',
  'adjustment-recipient-self': () => '差额不能由本人承接，请选择同组同事。',
  'adjustment-unknown-product': ({ product }) => `计划中没有产品线“${product}”。`,
  'adjustment-unknown-node': ({ node }) => `组织中没有“${node}”。`,
  'adjustment-period-week': ({ period }) => `不能按周（${period}）调整，请选择月、季度或年度。`,
  'adjustment-periods-overlap': ({ a, b }) => `${a} 与 ${b} 有重叠，请选择互不包含的期间。`,
  'adjustment-period-closed': ({ node, period, asOf, requested }) => `${period} 已于 ${asOf} 前结账，该期目标已归档，调整申请不能改动（${requested} 会改动${node}在 ${period} 的目标）。请只选择尚未结账的期间。`,
  'adjustment-no-parent': ({ node }) => `${node} 是组织的最顶层，没有同级可分摊差额，请选择“上级总额随之变化”。`,
  'adjustment-recipient-unknown': ({ node }) => `承接人“${node}”不在组织中。`,
  'adjustment-recipient-not-sibling': ({ node }) => `${node} 不在同一团队，不能承接该差额。`,
  'adjustment-recipient-locked': ({ node, period }) => `${node} 在 ${period} 的目标已锁定，请先解锁或选择其他承接人。`,
  'adjustment-siblings-locked': ({ period }) => `同级在 ${period} 的目标全部已锁定，无人可以分摊差额。`,
  'adjustment-siblings-insufficient': ({ max, period }) => `同级在 ${period} 无法让出这么多目标：新目标最多为 ${max}。`,
  'adjustment-parent-locked': ({ node, period }) => `${node} 在 ${period} 的总目标已锁定，无法承接差额。`,
  'adjustment-children-locked': ({ node, period }) => `${node} 下级在 ${period} 的目标全部已锁定，差额无法向下拆分。`,
  'adjustment-total-locked': ({ node, period }) => `${node} 在 ${period} 的目标已锁定，调整会改变它，请先解锁。`,
  'adjustment-target-locked': ({ node, period }) => `${node} 在 ${period} 内的各期目标全部已锁定。`,
  'adjustment-finer-cells': ({ node, period }) => `${node} 在 ${period} 内有更细期间的目标，请改为调整这些期间。`,
  'adjustment-negative': ({ node, period }) => `${node} 在 ${period} 的目标将小于零。`,
  'adjustment-forbidden-viewer': () => '您的角色只能查看目标，不能申请调整。',
  'adjustment-forbidden-rep-other': () => '销售代表只能申请调整自己的目标。',
  'adjustment-forbidden-scope': ({ node }) => `${node} 不在您管理的组织范围内。`,
  'adjustment-forbidden-own': ({ node }) => `这是您本人提交的申请，不能由您审批或执行，需由负责${node ?? '其上级'}的经理或管理员处理。`,
  'adjustment-forbidden-role': ({ node, user, role, scope }) =>
    user
      ? `只有负责${node ?? '其上级'}或更高层级的经理、或管理员可以审批、驳回或执行此申请；${user}是${ROLE_ZH[String(role)] ?? String(role)}${scope ? `（${scope}）` : ''}。`
      : `只有负责${node ?? '其上级'}的经理或管理员可以审批、驳回或执行此申请，您的角色不能。`,
  'adjustment-forbidden-approve-scope': ({ node, user, scope }) =>
    user
      ? `只有负责${node}或更高层级的经理、或管理员可以审批、驳回或执行此申请；${user}负责的是${scope || '（无）'}，不包括${node}。`
      : `只有负责${node}的经理或管理员可以审批、驳回或执行此申请，${node}不在您管理的组织范围内。`,
  'adjustment-immutable': ({ field }) => `已提交的申请不能修改（${field}），请撤回后重新申请。`,
  'adjustment-status-locked': () => '申请只能由有权审批的人批准或驳回，批准后才能执行。',
  'adjustment-approved-changed': () => '已批准的内容不能更改；请重新预览，送回审批。',
  'adjustment-history-rewritten': () => '审计记录只能追加，不能修改或删除已有记录。',
  'adjustment-history-not-yours': () => '审计记录只能记录您本人的操作。',
  'adjustment-history-mismatch': () => '新的审计记录与所做的操作不一致。',
  'adjustment-not-signed-in': () => '审批只能以当前登录用户的身份记录。',
  'adjustment-illegal-transition': ({ from, action }) => `${en(STATUS_ZH, from)}状态的申请不能${en(ACTION_ZH, action)}。`,
  'adjustment-not-requester': () => '只有申请人本人可以执行此操作。',
  'adjustment-no-preview': () => '请先预览调整影响，再提交申请。',
  'adjustment-comment-required': () => '驳回时请填写驳回理由。',
  'adjustment-thresholds-invalid': ({ name, value }) => `触发阈值 ${name} 必须在 0 到 1 之间（当前为 ${value}）。`,
  'adjustment-vetoed': () => '页面拒绝了此操作，您填写的内容已保留。',
  'adjustment-conflict': () => '预览之后计划已被修改，请重新预览后再执行；本次未做任何更改。',
  'adjustment-no-user': () => '请先登录（或设置当前用户）再申请或审批调整。',
  'ledger-entry-invalid': ({ path, detail }) => `审计记录无效（${path}）：${detail}。`,
  'ledger-duplicate': ({ requestId, seq }) => `申请 ${requestId} 的第 ${seq} 条审计记录已存在。`,
  'ledger-out-of-order': ({ requestId, seq }) => `申请 ${requestId} 的第 ${seq} 条审计记录早于已有记录。`,
};
export default messages;
