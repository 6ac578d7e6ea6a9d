import type { QkLocale } from '../types.js';

/** The strings of `qk-goal-tree`; parameters and plurals are functions. */
export interface GoalTreeStrings {
  title: string;
  /** Header of the org column. */
  org: string;
  /** Header of the total column, e.g. "Total FY2026". */
  totalOf: (p: { period: string }) => string;
  quarter: (p: { quarter: number }) => string;
  columns: { actual: string; attainment: string; 'top-down': string; 'bottom-up': string; market: string; blended: string };
  editMode: string;
  modeRebalance: string;
  modeAbsorb: string;
  decompose: string;
  decomposeHint: string;
  unallocated: (p: { amount: string }) => string;
  overAllocated: (p: { amount: string }) => string;
  locked: string;
  changed: string;
  newHire: (p: { percent: string }) => string;
  loadingChildren: string;
  empty: string;
  distribute: string;
  distributeTitle: (p: { name: string; period: string; amount: string }) => string;
  method: string;
  methods: { equal: string; history: string; potential: string; capacity: string; blend: string };
  child: string;
  current: string;
  proposed: string;
  change: string;
  apply: string;
  cancel: string;
  fallback: (p: { sources: string }) => string;
  /** Live announcement after an edit. */
  applied: (p: { count: number }) => string;
  lockedNow: (p: { name: string; period: string }) => string;
  unlockedNow: (p: { name: string; period: string }) => string;
  /** The action offered beside a refused edit of a locked cell. */
  unlock: string;
  /** How to unlock from the keyboard, after the refusal. */
  unlockHint: string;
  /** Read before the struck-through target a cell had before it was revised. */
  original: string;
  /** Tooltip of a revised cell: the target in force and the original. */
  revised: (p: { value: string; original: string }) => string;
  editLabel: (p: { name: string; period: string }) => string;
  undoLabel: (p: { name: string; period: string }) => string;
  distributeLabel: (p: { name: string }) => string;
  decomposeLabel: string;
  keyboardHelp: string;
  exportCsv: string;
  importCsv: string;
  importLabel: (p: { count: number }) => string;
  importEmpty: string;
}

export const goalTreeStrings: Record<QkLocale, GoalTreeStrings> = {
  en: {
    title: 'Goal tree',
    org: 'Organization',
    totalOf: ({ period }) => `Total ${period}`,
    quarter: ({ quarter }) => `Q${quarter}`,
    columns: { actual: 'Actual', attainment: 'Attainment', 'top-down': 'Top-down', 'bottom-up': 'Bottom-up', market: 'Market', blended: 'Blended' },
    editMode: 'When a target changes',
    modeRebalance: 'Siblings rebalance',
    modeAbsorb: 'Parent absorbs',
    decompose: 'Decompose plan',
    decomposeHint: 'Only the top-level target is set. Decompose it over regions, teams, reps and months?',
    unallocated: ({ amount }) => `${amount} unallocated`,
    overAllocated: ({ amount }) => `${amount} over-allocated`,
    locked: 'Locked',
    changed: 'Changed',
    newHire: ({ percent }) => `New hire · ${percent}`,
    loadingChildren: 'Loading…',
    empty: 'This plan has no organization yet.',
    distribute: 'Distribute…',
    distributeTitle: ({ name, period, amount }) => `Distribute ${name}’s ${period} target (${amount})`,
    method: 'Method',
    methods: { equal: 'Equal', history: 'History (last year’s bookings)', potential: 'Potential', capacity: 'Capacity (headcount × ramp)', blend: 'Blend of history, potential and capacity' },
    child: 'Child',
    current: 'Current',
    proposed: 'Proposed',
    change: 'Change',
    apply: 'Apply',
    cancel: 'Cancel',
    fallback: ({ sources }) => `No data for ${sources}: equal weights stand in.`,
    applied: ({ count }) => (count === 1 ? '1 target changed.' : `${count} targets changed.`),
    lockedNow: ({ name, period }) => `${name} ${period} locked.`,
    unlockedNow: ({ name, period }) => `${name} ${period} unlocked.`,
    unlock: 'Unlock',
    unlockHint: 'Press Space on the cell, or Unlock, to unlock it.',
    original: 'Original target',
    revised: ({ value, original }) => `Revised target ${value}; original target ${original}`,
    editLabel: ({ name, period }) => `Target of ${name} for ${period}`,
    undoLabel: ({ name, period }) => `Edit ${name} ${period}`,
    distributeLabel: ({ name }) => `Distribute ${name}`,
    decomposeLabel: 'Decompose plan',
    keyboardHelp: 'Arrow keys move; Right/Left expand and collapse; Enter, F2 or a digit edits; Enter saves, Escape cancels; Space locks or unlocks; Shift+Enter distributes.',
    exportCsv: 'Export CSV',
    importCsv: 'Import CSV',
    importLabel: ({ count }) => `Import of ${count === 1 ? '1 target' : `${count} targets`}`,
    importEmpty: 'The file holds no targets that differ from the plan. Nothing was changed.',
  },
  'zh-CN': {
    title: '目标拆解',
    org: '组织',
    totalOf: ({ period }) => `${period} 合计`,
    quarter: ({ quarter }) => `Q${quarter}`,
    columns: { actual: '实际', attainment: '完成率', 'top-down': '自上而下', 'bottom-up': '自下而上', market: '市场', blended: '综合' },
    editMode: '目标变动时',
    modeRebalance: '同级重新平衡',
    modeAbsorb: '上级吸收差额',
    decompose: '拆解目标',
    decomposeHint: '目前只设定了最高层目标。是否按区域、团队、销售和月份拆解？',
    unallocated: ({ amount }) => `未分配 ${amount}`,
    overAllocated: ({ amount }) => `超分配 ${amount}`,
    locked: '已锁定',
    changed: '已修改',
    newHire: ({ percent }) => `新人 · ${percent}`,
    loadingChildren: '加载中…',
    empty: '该计划还没有组织架构。',
    distribute: '分配…',
    distributeTitle: ({ name, period, amount }) => `分配${name} ${period} 目标（${amount}）`,
    method: '分配方式',
    methods: { equal: '平均分配', history: '按历史业绩（去年签约）', potential: '按市场潜力', capacity: '按产能（人数 × 爬坡）', blend: '综合历史、潜力与产能' },
    child: '下级',
    current: '当前',
    proposed: '拟分配',
    change: '变化',
    apply: '应用',
    cancel: '取消',
    fallback: ({ sources }) => `${sources}没有数据，已按平均权重处理。`,
    applied: ({ count }) => `已修改 ${count} 个目标。`,
    lockedNow: ({ name, period }) => `已锁定${name} ${period}。`,
    unlockedNow: ({ name, period }) => `已解锁${name} ${period}。`,
    unlock: '解锁',
    unlockHint: '在该单元格按空格键或点击“解锁”即可解锁。',
    original: '原目标',
    revised: ({ value, original }) => `调整后目标 ${value}；原目标 ${original}`,
    editLabel: ({ name, period }) => `${name} ${period} 目标`,
    undoLabel: ({ name, period }) => `修改${name} ${period}`,
    distributeLabel: ({ name }) => `分配${name}`,
    decomposeLabel: '拆解目标',
    keyboardHelp: '方向键移动；右/左键展开或收起；Enter、F2 或输入数字开始编辑；Enter 保存，Esc 取消；空格键锁定或解锁；Shift+Enter 分配。',
    exportCsv: '导出 CSV',
    importCsv: '导入 CSV',
    importLabel: ({ count }) => `导入 ${count} 项目标`,
    importEmpty: '文件中的目标与当前计划相同，未作任何改动。',
  },
};
