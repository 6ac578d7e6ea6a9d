/** Words the team notice from the engine's facts, in the reader's language. Plain text, never HTML. */
import type { NoticeFacts } from '../../engine/adjustment/index.js';
import type { Notice } from '../../adapter/index.js';
import type { ElementTranslation } from '../../i18n/sections.js';

export function composeNotice(facts: NoticeFacts, t: ElementTranslation<'adjustment'>, format: (v: number) => string, recipients: string[]): Notice {
  const a = t.adjustment;
  const lines = [
    a.noticeWhy({ trigger: a.triggers[facts.trigger], reason: facts.reason }),
    '',
    a.noticeWhat,
    ...facts.changes.map((c) => a.noticeChange({ name: c.name, before: format(c.before), after: format(c.after) })),
    '',
    a.noticeExpect,
    ...facts.expectations.map((e) => a.noticeExpectation({ name: e.name, target: format(e.target), remaining: e.remaining === null ? null : format(e.remaining) })),
    '',
    a.noticeClosing,
  ];
  return {
    recipients,
    subject: a.noticeSubject({ node: facts.nodeName, metric: t.metrics[facts.metric] ?? facts.metric, periods: facts.periods.join(', ') }),
    body: lines.join('\n'),
  };
}
