/** The strings of the people pager (search, page status, previous/next), shared by every element that pages people. */
import type { QkLocale } from '../types.js';
import type { PagerStrings } from '../../internal/pager.js';

export const pagerStrings: Record<QkLocale, PagerStrings> = {
  en: {
    searchLabel: 'Find a person',
    status: ({ from, to, matches, matchCount, total, query, onePage }) =>
      query === null
        ? `${from}–${to} of ${total} people`
        : matchCount === 0
          ? `No one of ${total} people matches “${query}”`
          : onePage
            ? `${matches} of ${total} people match “${query}”`
            : `${from}–${to} of ${matches} people matching “${query}” (${total} in all)`,
    pages: 'Pages',
    previous: 'Previous',
    next: 'Next',
  },
  'zh-CN': {
    searchLabel: '查找人员',
    status: ({ from, to, matches, matchCount, total, query, onePage }) =>
      query === null
        ? `第 ${from}–${to} 人，共 ${total} 人`
        : matchCount === 0
          ? `${total} 人中没有与“${query}”匹配的人`
          : onePage
            ? `${total} 人中有 ${matches} 人与“${query}”匹配`
            : `与“${query}”匹配的 ${matches} 人中第 ${from}–${to} 人（共 ${total} 人）`,
    pages: '分页',
    previous: '上一页',
    next: '下一页',
  },
};
