import type { QkLocale } from '../types.js';

type Trigger = 'market-shift' | 'competitor-move' | 'policy-change' | 'personnel-change' | 'pace-deviation' | 'other';
type Status = 'draft' | 'pending' | 'approved' | 'rejected' | 'applied' | 'withdrawn';
type Action = 'submit' | 'approve' | 'reject' | 'withdraw' | 'apply' | 'reopen';
type Role = 'target' | 'parent' | 'ancestor' | 'sibling' | 'recipient' | 'descendant';

/** The strings of `qk-adjustment-panel`; parameters and plurals are functions. */
export interface AdjustmentStrings {
  title: string;
  tabs: { request: string; queue: (p: { count: number }) => string; history: string };
  node: string;
  /** Hint inside the node search box. */
  nodeSearch: string;
  /** Below the first matches when more nodes match than are listed. */
  nodeMore: (p: { shown: number }) => string;
  nodeNone: string;
  metric: string;
  periods: string;
  changeKind: string;
  newValue: string;
  percent: string;
  trigger: string;
  triggers: Record<Trigger, string>;
  reason: string;
  reasonHint: (p: { min: number; length: number }) => string;
  evidence: string;
  absorption: string;
  absorptions: { siblings: string; parent: string; recipients: string };
  recipients: string;
  preview: string;
  previewEmpty: string;
  colNode: string;
  colRole: string;
  colBefore: string;
  colAfter: string;
  colChange: string;
  colActual: string;
  colAttainment: string;
  roles: Record<Role, string>;
  people: string;
  parentTotal: (p: { node: string; before: string; after: string }) => string;
  submit: string;
  submitting: string;
  submitted: string;
  draftSaved: string;
  discardDraft: string;
  readOnly: string;
  queueEmpty: string;
  requestedBy: (p: { name: string; date: string }) => string;
  statuses: Record<Status, string>;
  actions: Record<Action, string>;
  approve: string;
  reject: string;
  apply: string;
  withdraw: string;
  comment: string;
  commentHint: string;
  refresh: string;
  cells: string;
  colPeriod: string;
  historyEmpty: string;
  downloadCsv: string;
  historyEntry: (p: { who: string; action: string; node: string }) => string;
  notice: string;
  noticeSend: string;
  noticeSent: string;
  noticeSubject: (p: { node: string; metric: string; periods: string }) => string;
  noticeWhy: (p: { trigger: string; reason: string }) => string;
  noticeWhat: string;
  noticeChange: (p: { name: string; before: string; after: string }) => string;
  noticeExpect: string;
  noticeExpectation: (p: { name: string; target: string; remaining: string | null }) => string;
  noticeClosing: string;
  done: (p: { action: string }) => string;
  suggestions: string;
  suggestionsScope: (p: { node: string; period: string; date: string }) => string;
  suggestionsEmpty: string;
  suggestionKinds: { pace: string; leaving: string; joining: string };
  /** The pre-written reason of a suggestion (money and % arrive formatted; `to` null: the parent total takes the rest). */
  suggestionReason: {
    pace: (p: { name: string; period: string; elapsed: string; actual: string; forecast: string; ratio: string; target: string }) => string;
    /** `mode` is the chosen absorption; `to` the named teammates when it is `recipients`. */
    leaving: (p: { name: string; period: string; date: string; target: string; prorated: string; remainder: string; mode: 'siblings' | 'parent' | 'recipients'; to: string | null }) => string;
    joining: (p: { name: string; period: string; date: string; mode: 'siblings' | 'parent' | 'recipients'; to: string | null }) => string;
  };
  suggestedValue: (p: { value: string }) => string;
  suggestedNoValue: string;
  useSuggestion: string;
  /** The accessible name of the button: starts with `useSuggestion`, the visible text (label in name). */
  useSuggestionFor: (p: { name: string }) => string;
  suggestionUsed: (p: { name: string }) => string;
}

export const adjustmentStrings: Record<QkLocale, AdjustmentStrings> = {
  en: {
    title: 'Target adjustments',
    tabs: { request: 'New request', queue: ({ count }) => `Queue (${count})`, history: 'History' },
    node: 'Who',
    nodeSearch: 'Type a name or a path',
    nodeMore: ({ shown }) => `The first ${shown} matches are listed; type more to narrow the search.`,
    nodeNone: 'No one you may request for matches.',
    metric: 'Metric',
    periods: 'Periods',
    changeKind: 'Change',
    newValue: 'New target per period',
    percent: 'Change in %',
    trigger: 'Trigger',
    triggers: {
      'market-shift': 'Market shift',
      'competitor-move': 'Competitor move',
      'policy-change': 'Policy change',
      'personnel-change': 'Personnel change',
      'pace-deviation': 'Pace deviation',
      other: 'Other',
    },
    reason: 'Reason and evidence',
    reasonHint: ({ min, length }) => (length >= min ? `${length} characters` : `At least ${min} characters (${length} so far)`),
    evidence: 'Evidence (link or note, optional)',
    absorption: 'Who takes the difference',
    absorptions: { siblings: 'Teammates rebalance (by their targets)', parent: 'The parent total changes', recipients: 'Named teammates take it' },
    recipients: 'Recipients',
    preview: 'Preview',
    previewEmpty: 'Choose who, which periods and the new target to see who is affected.',
    colNode: 'Node',
    colRole: 'Role',
    colBefore: 'Before',
    colAfter: 'After',
    colChange: 'Change',
    colActual: 'Actual',
    colAttainment: 'Attainment before → after',
    roles: { target: 'Adjusted', parent: 'Parent', ancestor: 'Above', sibling: 'Teammate', recipient: 'Recipient', descendant: 'Below' },
    people: 'People affected',
    parentTotal: ({ node, before, after }) => `${node} total: ${before} → ${after}`,
    submit: 'Submit for approval',
    submitting: 'Submitting…',
    submitted: 'Submitted for approval.',
    draftSaved: 'Draft saved on this device',
    discardDraft: 'Discard draft',
    readOnly: 'You can follow adjustments here; approving needs a manager.',
    queueEmpty: 'No requests are waiting.',
    requestedBy: ({ name, date }) => `Requested by ${name} on ${date}`,
    statuses: { draft: 'Draft', pending: 'Pending', approved: 'Approved', rejected: 'Rejected', applied: 'Applied', withdrawn: 'Withdrawn' },
    actions: { submit: 'submitted', approve: 'approved', reject: 'rejected', withdraw: 'withdrew', apply: 'applied', reopen: 'reopened' },
    approve: 'Approve',
    reject: 'Reject',
    apply: 'Apply to plan',
    withdraw: 'Withdraw',
    comment: 'Comment',
    commentHint: 'Required to reject',
    refresh: 'Preview again',
    cells: 'Cells to write',
    colPeriod: 'Period',
    historyEmpty: 'No adjustments yet.',
    downloadCsv: 'Download CSV',
    historyEntry: ({ who, action, node }) => `${who} ${action} the change for ${node}`,
    notice: 'Team notice',
    noticeSend: 'Send to the team',
    noticeSent: 'Notice sent.',
    noticeSubject: ({ node, metric, periods }) => `Target adjustment: ${node}, ${metric}, ${periods}`,
    noticeWhy: ({ trigger, reason }) => `Why: ${trigger}. ${reason}`,
    noticeWhat: 'What changed:',
    noticeChange: ({ name, before, after }) => `- ${name}: ${before} → ${after}`,
    noticeExpect: 'New expectations:',
    noticeExpectation: ({ name, target, remaining }) => `- ${name}: target ${target}${remaining === null ? '' : `, ${remaining} still to go`}`,
    noticeClosing: 'The change was reviewed and approved. Please ask your manager if anything is unclear.',
    done: ({ action }) => `Request ${action}.`,
    suggestions: 'Suggested adjustments',
    suggestionsScope: ({ node, period, date }) => `From the pace and personnel data of ${node}, ${period}, as of ${date}.`,
    suggestionsEmpty: 'Nothing to suggest: no one is far behind pace, and no one joins or leaves in this period.',
    suggestionKinds: { pace: 'Behind pace', leaving: 'Leaving', joining: 'New hire' },
    suggestionReason: {
      pace: ({ name, period, elapsed, actual, forecast, ratio, target }) =>
        `${name} is far behind pace in ${period}: with ${elapsed} of the working days behind, the actual is ${actual} and the forecast ${forecast} is ${ratio} of the target ${target}.`,
      leaving: ({ name, period, date, target, prorated, remainder, mode, to }) =>
        `${name} leaves on ${date}. The target for ${period} is prorated to the working days until then: ${prorated} of ${target}; ${
          mode === 'recipients' && to ? `the remaining ${remainder} goes to ${to}` : mode === 'siblings' ? `the teammates share the remaining ${remainder} by their targets` : `the parent total takes the remaining ${remainder}`
        }.`,
      joining: ({ name, period, date, mode, to }) =>
        `${name} joined on ${date}, during ${period}. The new hire needs a ramp-up target; ${
          mode === 'recipients' && to ? `${to} take the difference` : mode === 'parent' ? 'the parent total changes with it' : 'the teammates take the difference'
        }.`,
    },
    suggestedValue: ({ value }) => `Suggested target: ${value}`,
    suggestedNoValue: 'Suggested target: yours to set',
    useSuggestion: 'Use in the form',
    useSuggestionFor: ({ name }) => `Use in the form: ${name}`,
    suggestionUsed: ({ name }) => `The form is filled from the suggestion for ${name}. Check the numbers and edit the reason before you submit.`,
  },
  'zh-CN': {
    title: '目标调整',
    tabs: { request: '新建申请', queue: ({ count }) => `待处理（${count}）`, history: '调整记录' },
    node: '调整对象',
    nodeSearch: '输入姓名或组织路径',
    nodeMore: ({ shown }) => `仅列出前 ${shown} 个匹配项，请继续输入以缩小范围。`,
    nodeNone: '没有匹配的可申请对象。',
    metric: '指标',
    periods: '期间',
    changeKind: '调整方式',
    newValue: '每期新目标',
    percent: '调整比例（%）',
    trigger: '触发原因',
    triggers: {
      'market-shift': '市场变化',
      'competitor-move': '竞争对手动作',
      'policy-change': '政策变化',
      'personnel-change': '人员变动',
      'pace-deviation': '进度偏差',
      other: '其他',
    },
    reason: '调整理由与依据',
    reasonHint: ({ min, length }) => (length >= min ? `${length} 个字` : `至少 ${min} 个字（已输入 ${length} 个）`),
    evidence: '佐证材料（链接或说明，可选）',
    absorption: '差额由谁承接',
    absorptions: { siblings: '同级按目标比例分摊', parent: '上级总额随之变化', recipients: '指定同事承接' },
    recipients: '承接人',
    preview: '影响预览',
    previewEmpty: '选择调整对象、期间和新目标后，这里会显示受影响的人和数字。',
    colNode: '组织节点',
    colRole: '关系',
    colBefore: '调整前',
    colAfter: '调整后',
    colChange: '变化',
    colActual: '已完成',
    colAttainment: '完成率 调整前 → 调整后',
    roles: { target: '调整对象', parent: '上级', ancestor: '更上级', sibling: '同级', recipient: '承接人', descendant: '下级' },
    people: '受影响的人员',
    parentTotal: ({ node, before, after }) => `${node} 合计：${before} → ${after}`,
    submit: '提交审批',
    submitting: '正在提交…',
    submitted: '已提交审批。',
    draftSaved: '草稿已保存在本设备',
    discardDraft: '放弃草稿',
    readOnly: '您可以在此查看调整进展，审批需由经理进行。',
    queueEmpty: '暂无待处理的申请。',
    requestedBy: ({ name, date }) => `${name} 于 ${date} 提交`,
    statuses: { draft: '草稿', pending: '待审批', approved: '已批准', rejected: '已驳回', applied: '已生效', withdrawn: '已撤回' },
    actions: { submit: '提交了', approve: '批准了', reject: '驳回了', withdraw: '撤回了', apply: '执行了', reopen: '重新打开了' },
    approve: '批准',
    reject: '驳回',
    apply: '写入计划',
    withdraw: '撤回',
    comment: '审批意见',
    commentHint: '驳回时必填',
    refresh: '重新预览',
    cells: '将写入的目标',
    colPeriod: '期间',
    historyEmpty: '暂无调整记录。',
    downloadCsv: '导出 CSV',
    historyEntry: ({ who, action, node }) => `${who}${action}${node}的目标调整`,
    notice: '团队通知',
    noticeSend: '发送给团队',
    noticeSent: '通知已发送。',
    noticeSubject: ({ node, metric, periods }) => `目标调整通知：${node}，${metric}，${periods}`,
    noticeWhy: ({ trigger, reason }) => `调整原因：${trigger}。${reason}`,
    noticeWhat: '调整内容：',
    noticeChange: ({ name, before, after }) => `- ${name}：${before} → ${after}`,
    noticeExpect: '新的目标要求：',
    noticeExpectation: ({ name, target, remaining }) => `- ${name}：目标 ${target}${remaining === null ? '' : `，尚差 ${remaining}`}`,
    noticeClosing: '本次调整已经审批通过。如有疑问，请与直属经理沟通。',
    done: ({ action }) => `申请已${action}。`,
    suggestions: '调整建议',
    suggestionsScope: ({ node, period, date }) => `依据${node}在 ${period} 的进度和人员数据，截至 ${date}。`,
    suggestionsEmpty: '暂无建议：没有人进度严重落后，本期也没有人员入职或离职。',
    suggestionKinds: { pace: '进度落后', leaving: '离职', joining: '新人入职' },
    suggestionReason: {
      pace: ({ name, period, elapsed, actual, forecast, ratio, target }) =>
        `${name}在 ${period} 进度严重落后：工作日已过 ${elapsed}，完成 ${actual}，预测 ${forecast}，仅为目标 ${target} 的 ${ratio}。`,
      leaving: ({ name, period, date, target, prorated, remainder, mode, to }) =>
        `${name}将于 ${date} 离职。${period} 的目标按离职前的工作日折算为 ${prorated}（原目标 ${target}），其余 ${remainder} ${
          mode === 'recipients' && to ? `由${to}承接` : mode === 'siblings' ? '由同级按目标比例分摊' : '计入上级总额'
        }。`,
      joining: ({ name, period, date, mode, to }) =>
        `${name}于 ${date} 入职（${period} 期间），需要设定爬坡期目标，${mode === 'recipients' && to ? `差额由${to}承接` : mode === 'parent' ? '上级总额随之变化' : '差额由同级分摊'}。`,
    },
    suggestedValue: ({ value }) => `建议目标：${value}`,
    suggestedNoValue: '建议目标：由您设定',
    useSuggestion: '填入申请表',
    useSuggestionFor: ({ name }) => `填入申请表：${name}`,
    suggestionUsed: ({ name }) => `已按${name}的建议填写申请表。提交前请核对数字并修改理由。`,
  },
};
