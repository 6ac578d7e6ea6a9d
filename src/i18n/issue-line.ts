/**
 * One validation issue as a line of text in the page's language, for an element's error state. The
 * wording tables (`issues.ts`, both languages) load on first use, so a page that never shows bad
 * data never downloads them. Until they arrive the line is the raw path and the English message;
 * then `onReady` is called (an element re-renders).
 */
import type { SharedTranslation } from './sections.js';
import type { IssueLike } from './issues.js';

let wording: typeof import('./issues.js') | undefined;
let loading: Promise<void> | undefined;
const waiting = new Set<() => void>();

export function issueLine(t: SharedTranslation, issue: IssueLike, onReady: () => void): string {
  if (wording) return wording.describeIssue(t, issue);
  waiting.add(onReady);
  loading ??= import('./issues.js').then(
    (m) => {
      wording = m;
      const ready = [...waiting];
      waiting.clear();
      ready.forEach((f) => f());
    },
    () => {
      loading = undefined; // offline: keep the English line, try again on the next render
    },
  );
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}
