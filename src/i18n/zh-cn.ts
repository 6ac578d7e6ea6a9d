import type { CoreTranslation } from './types.js';

/** 简体中文：各组件共用的文字。每个组件的专属文字在 `loaders/` 中注册。 */
export const zhCN: CoreTranslation = {
  locale: 'zh-CN',
  languageName: '中文',
  common: {
    loading: '加载中…',
    empty: '暂无内容。',
    retry: '重试',
    reset: '重置',
    dismiss: '关闭',
    errorTitle: '出错了',
    noData: '暂无数据',
    total: '合计',
    undo: '撤销',
    redo: '重做',
    save: '保存',
    saving: '保存中…',
    saved: '所有修改已保存',
    unsavedChanges: ({ count }) => `${count} 项修改未保存`,
    conflict: '其他人已修改此计划。您的修改仍然保留。',
    reloadAndReapply: '重新加载并重新应用我的修改',
    noAdapter: '没有数据来源：请设置 data 属性，或将组件放在 <qk-provider> 内。',
  },
  metrics: {
    revenue: '销售额',
    collections: '回款额',
    leads: '线索数',
    visits: '拜访次数',
    demos: '演示次数',
    quotes: '报价数',
    won: '赢单数',
    winRate: '赢单率',
    collectionRate: '回款率',
    avgDealSize: '平均客单价',
  },
  statuses: { 'on-track': '进度正常', 'at-risk': '存在风险', 'off-track': '严重落后', 'too-early': '暂不评估', achieved: '已达成', missed: '未达成' },
};
