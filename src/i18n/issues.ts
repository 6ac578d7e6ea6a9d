/**
 * Validation issues in the page's language. A payload issue carries a path (`['org', 3, 'parentId']`),
 * a `code` with `params` (see `SchemaIssue` in the engine's model) and an English `message` for
 * logs. Here the path becomes words ("组织 第4项 上级" / "org item 4, parent") and the code a
 * sentence. Hosts override a sentence with `registerTranslation(locale, { errors: { 'issue.currency':
 * (p) => … } })`. An issue without a code (an adapter built it by hand) keeps its English message.
 */
import type { Params, QkLocale } from './types.js';
import type { SharedTranslation } from './sections.js';

/** What `describeIssue` reads from an issue. */
export interface IssueLike {
  path: readonly (string | number)[];
  message: string;
  code?: string;
  params?: Params;
}

type IssueMessage = (p: Params, t: SharedTranslation) => string;

/** The model's field names, for paths. Unknown fields are shown as they are. */
const FIELDS: Record<QkLocale, Record<string, string>> = {
  en: {
    plan: 'plan', org: 'org', products: 'product lines', stages: 'funnel stages', targets: 'targets', users: 'users',
    actuals: 'actuals', stageCounts: 'stage counts', pipeline: 'pipeline', cells: 'target cells', id: 'id', name: 'name',
    currency: 'currency', calendar: 'fiscal calendar', fiscalYear: 'fiscal year', version: 'version', startMonth: 'start month',
    yearNaming: 'year naming', weekend: 'weekend', holidays: 'holidays', workdays: 'make-up workdays', parentId: 'parent',
    kind: 'level', hireDate: 'hire date', role: 'role', potential: 'potential', leaveDate: 'leave date', mentorId: 'mentor',
    hasChildren: 'has children', new: 'new product', nodeId: 'org node', period: 'period', metric: 'metric',
    product: 'product line', value: 'value', locked: 'locked', source: 'source', original: 'original target', repId: 'rep',
    productId: 'product line', date: 'date', type: 'type', amount: 'amount', bookingId: 'booking', avgDays: 'average days',
    month: 'month', stageId: 'stage', count: 'count', expectedClose: 'expected close', probability: 'probability',
    roles: 'roles', canView: 'may view', canEdit: 'may edit', from: 'from', to: 'to', baseVersion: 'base version',
    recipients: 'recipients', subject: 'subject', body: 'body',
  },
  'zh-CN': {
    plan: '计划', org: '组织', products: '产品线', stages: '漏斗阶段', targets: '目标', users: '用户', actuals: '业绩',
    stageCounts: '阶段数量', pipeline: '商机', cells: '目标单元', id: '编号', name: '名称', currency: '币种',
    calendar: '财年日历', fiscalYear: '财年', version: '版本', startMonth: '起始月份', yearNaming: '财年命名', weekend: '周末',
    holidays: '节假日', workdays: '调休工作日', parentId: '上级', kind: '层级', hireDate: '入职日期', role: '岗位',
    potential: '潜力', leaveDate: '离职日期', mentorId: '导师', hasChildren: '有下级', new: '新产品', nodeId: '组织节点',
    period: '期间', metric: '指标', product: '产品线', value: '数值', locked: '锁定', source: '来源', original: '原目标',
    repId: '销售', productId: '产品线', date: '日期', type: '类型', amount: '金额', bookingId: '订单', avgDays: '平均天数',
    month: '月份', stageId: '阶段', count: '数量', expectedClose: '预计成交日期', probability: '赢单概率', roles: '角色',
    canView: '可查看范围', canEdit: '可编辑范围', from: '开始日期', to: '结束日期', baseVersion: '基准版本',
    recipients: '收件人', subject: '主题', body: '正文',
  },
};

const TYPES: Record<QkLocale, Record<string, string>> = {
  en: { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list' },
  'zh-CN': { string: '文本', number: '数字', int: '整数', boolean: '布尔值（true/false）', object: '对象', array: '列表' },
};

const KINDS: Record<QkLocale, Record<string, string>> = {
  en: { node: 'org node', product: 'product line', stage: 'funnel stage', actual: 'actual', opportunity: 'opportunity' },
  'zh-CN': { node: '组织节点', product: '产品线', stage: '漏斗阶段', actual: '业绩记录', opportunity: '商机' },
};

const s = (v: unknown) => String(v ?? '');

/** What was received, from the `received` kind and the `value` text of a params object. */
function got(locale: QkLocale, p: Params): string {
  const v = s(p.value);
  const zh = locale === 'zh-CN';
  switch (p.received) {
    case 'missing':
      return zh ? '缺失' : 'nothing';
    case 'null':
      return zh ? '空值 null' : 'null';
    case 'array':
      return zh ? '列表' : 'a list';
    case 'object':
      return zh ? '对象' : 'an object';
    case 'string':
      return zh ? `文本“${v}”` : `text "${v}"`;
    default:
      return zh ? ` ${v}` : v;
  }
}

const typeName = (locale: QkLocale, expected: unknown) => TYPES[locale][s(expected)] ?? s(expected);

const MESSAGES: Record<QkLocale, Record<string, IssueMessage>> = {
  en: {
    required: (p) => `missing (expected ${typeName('en', p.expected)})`,
    type: (p) => `expected ${typeName('en', p.expected)}, got ${got('en', p)}`,
    enum: (p) => `expected one of ${s(p.allowed)}, got ${got('en', p)}`,
    'too-small': (p) => `must be at least ${s(p.minimum)}, got ${s(p.value)}`,
    'too-big': (p) => `must be at most ${s(p.maximum)}, got ${s(p.value)}`,
    'too-short': (p) => (Number(p.minimum) === 1 ? 'must not be empty' : `must be at least ${s(p.minimum)} characters long`),
    'too-long': (p) => `must be at most ${s(p.maximum)} characters long`,
    'too-few': (p) => `must list at least ${s(p.minimum)}`,
    'too-many': (p) => `must list at most ${s(p.maximum)}`,
    'unknown-keys': (p) => `unknown fields: ${s(p.keys)}`,
    invalid: () => 'is not valid',
    unreadable: (p) => `could not be read (${s(p.reason)})`,
    date: (p) => `expected a date YYYY-MM-DD, got "${s(p.value)}"`,
    'date-nonexistent': (p) => `"${s(p.value)}" is not a real date (${s(p.year)}-${s(p.month).padStart(2, '0')} has ${s(p.days)} days)`,
    period: (p) => `expected a period id such as FY2026, FY2026-Q1, 2026-04 or 2026-W05, got "${s(p.value)}"`,
    'period-week': (p) => `"${s(p.value)}" is not a week: ${s(p.year)} has ${s(p.weeks)} ISO weeks`,
    currency: (p) => `"${s(p.value)}" is not an ISO 4217 currency code such as CNY or USD`,
    amount: (p) => `expected a whole number of minor units (such as cents), got ${s(p.value)}`,
    count: (p) => `expected a whole count of 0 or more, got ${s(p.value)}`,
    weight: (p) => `expected a finite weight of 0 or more, got ${s(p.value)}`,
    'duplicate-id': (p) => `duplicate ${KINDS.en[s(p.kind)] ?? s(p.kind)} id "${s(p.id)}"`,
    'unknown-parent': (p) => `the parent "${s(p.id)}" is not in the org`,
    'root-count': (p) => `expected exactly one top node, found ${s(p.count)}`,
    cycle: (p) => `"${s(p.id)}" is its own ancestor (${s(p.cycle)}), so its subtree would be cut off`,
    'unknown-node': (p) => `unknown org node "${s(p.id)}"`,
    'unknown-product': (p) => `unknown product line "${s(p.id)}"`,
    'unknown-period': (p) => `${s(p.period)} is outside the plan's fiscal year FY${s(p.fiscalYear)}`,
    'duplicate-target': (p, t) =>
      `a second target for "${s(p.node)}", ${s(p.period)}, ${t.metrics[s(p.metric)] ?? s(p.metric)}${p.product ? `, product line "${s(p.product)}"` : ''}`,
    'unknown-rep': (p) => `unknown rep "${s(p.id)}"`,
    'unknown-stage': (p) => `unknown funnel stage "${s(p.id)}"`,
    'outside-range': (p) => `dated ${s(p.date)}, outside ${s(p.from)} … ${s(p.to)}`,
    'range-order': (p) => `the end ${s(p.to)} is before the start ${s(p.from)}`,
    'not-child': (p) => `expected a child of "${s(p.parent)}", got parent "${s(p.got)}"`,
  },
  'zh-CN': {
    required: (p) => `缺失（应为${typeName('zh-CN', p.expected)}）`,
    type: (p) => `应为${typeName('zh-CN', p.expected)}，实际为${got('zh-CN', p)}`,
    enum: (p) => `应为以下之一：${s(p.allowed).split(', ').join('、')}，实际为${got('zh-CN', p)}`,
    'too-small': (p) => `不能小于 ${s(p.minimum)}，实际为 ${s(p.value)}`,
    'too-big': (p) => `不能大于 ${s(p.maximum)}，实际为 ${s(p.value)}`,
    'too-short': (p) => (Number(p.minimum) === 1 ? '不能为空' : `至少 ${s(p.minimum)} 个字符`),
    'too-long': (p) => `最多 ${s(p.maximum)} 个字符`,
    'too-few': (p) => `至少应有 ${s(p.minimum)} 项`,
    'too-many': (p) => `最多 ${s(p.maximum)} 项`,
    'unknown-keys': (p) => `未知字段：${s(p.keys)}`,
    invalid: () => '无效',
    unreadable: (p) => `无法读取（${s(p.reason)}）`,
    date: (p) => `应为 YYYY-MM-DD 格式的日期，实际为“${s(p.value)}”`,
    'date-nonexistent': (p) => `“${s(p.value)}”不是真实存在的日期（${s(p.year)}年${s(p.month)}月只有 ${s(p.days)} 天）`,
    period: (p) => `应为 FY2026、FY2026-Q1、2026-04 或 2026-W05 这样的期间，实际为“${s(p.value)}”`,
    'period-week': (p) => `“${s(p.value)}”不存在：${s(p.year)} 年只有 ${s(p.weeks)} 个 ISO 周`,
    currency: (p) => `“${s(p.value)}”不是 ISO 4217 币种代码（如 CNY、USD）`,
    amount: (p) => `应为以最小货币单位（如分）计的整数，实际为 ${s(p.value)}`,
    count: (p) => `应为不小于 0 的整数，实际为 ${s(p.value)}`,
    weight: (p) => `应为不小于 0 的有限数值，实际为 ${s(p.value)}`,
    'duplicate-id': (p) => `${KINDS['zh-CN'][s(p.kind)] ?? s(p.kind)}编号“${s(p.id)}”重复`,
    'unknown-parent': (p) => `上级“${s(p.id)}”不在组织中`,
    'root-count': (p) => `应恰好有一个顶层节点，实际有 ${s(p.count)} 个`,
    cycle: (p) => `“${s(p.id)}”的上级关系形成循环（${s(p.cycle)}），其下属将脱离组织树`,
    'unknown-node': (p) => `组织节点“${s(p.id)}”不存在`,
    'unknown-product': (p) => `产品线“${s(p.id)}”不存在`,
    'unknown-period': (p) => `${s(p.period)} 不在计划财年 FY${s(p.fiscalYear)} 内`,
    'duplicate-target': (p, t) =>
      `“${s(p.node)}”${s(p.period)} 的${t.metrics[s(p.metric)] ?? s(p.metric)}目标重复${p.product ? `（产品线“${s(p.product)}”）` : ''}`,
    'unknown-rep': (p) => `销售“${s(p.id)}”不在组织中`,
    'unknown-stage': (p) => `漏斗阶段“${s(p.id)}”不存在`,
    'outside-range': (p) => `日期 ${s(p.date)} 不在 ${s(p.from)} 至 ${s(p.to)} 之间`,
    'range-order': (p) => `结束日期 ${s(p.to)} 早于开始日期 ${s(p.from)}`,
    'not-child': (p) => `应为“${s(p.parent)}”的下级，实际上级为“${s(p.got)}”`,
  },
};

/**
 * A path in words: `['org', 3, 'parentId']` → "组织 第4项 上级" (zh-CN) or "org item 4, parent"
 * (en); `[]` → "整个数据" / "the payload". Indexes count from 1, as people do.
 */
export function issuePath(t: SharedTranslation, path: readonly (string | number)[]): string {
  const locale = t.locale;
  const fields = FIELDS[locale];
  const zh = locale === 'zh-CN';
  if (!path.length) return zh ? '整个数据' : 'the payload';
  const words = path.map((p) => (typeof p === 'number' ? (zh ? `第${p + 1}项` : `item ${p + 1}`) : (fields[p] ?? p)));
  if (zh) return words.join(' ');
  // English: an index belongs to the list before it ("org item 4"); the rest are separated by commas.
  return words.reduce((out, w, i) => (i === 0 ? w : typeof path[i] === 'number' ? `${out} ${w}` : `${out}, ${w}`), '');
}

/** The reason of an issue in words: the host's override, the built-in sentence, or the English message. */
export function issueMessage(t: SharedTranslation, issue: IssueLike): string {
  if (!issue.code) return issue.message;
  const override = t.errors[`issue.${issue.code}`];
  if (override) return override(issue.params ?? {});
  const m = MESSAGES[t.locale][issue.code];
  return m ? m(issue.params ?? {}, t) : issue.message;
}

/** An issue as one line: "组织 第4项 上级：上级“west”不在组织中" / "org item 4, parent: the parent "west" is not in the org". */
export function describeIssue(t: SharedTranslation, issue: IssueLike): string {
  return `${issuePath(t, issue.path)}${t.locale === 'zh-CN' ? '：' : ': '}${issueMessage(t, issue)}`;
}
