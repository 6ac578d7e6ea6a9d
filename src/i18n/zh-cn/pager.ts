// Simplified Chinese (zh-CN): the strings of pager (one language per module, so a page downloads only its own).
import type { PagerStrings } from '../../internal/pager.js';

const strings: PagerStrings = {
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
};
export default strings;
