/**
 * With group-scope-b.test.ts: when several test files share a page (test/runner/groups.mjs), one
 * file's root-level hooks and what its tests leave on the page must not reach the next file. This
 * file has a root-level `beforeEach` and leaves a style, an <html> attribute and storage behind;
 * group-scope-b.test.ts, after it in the same page, checks that none of it reached it.
 */
import { expect } from '@open-wc/testing';

type Counted = Window & { __qkGroupScopeHookRuns?: number };

beforeEach(() => {
  const w = window as Counted;
  w.__qkGroupScopeHookRuns = (w.__qkGroupScopeHookRuns ?? 0) + 1;
});

describe('a test file with a root-level beforeEach', () => {
  it('runs the hook before its first test', () => {
    expect((window as Counted).__qkGroupScopeHookRuns).to.equal(1);
  });

  it('runs the hook before its second test, and leaves a style, <html data-…> and session storage behind', () => {
    expect((window as Counted).__qkGroupScopeHookRuns).to.equal(2);
    const style = document.createElement('style');
    style.id = 'qk-group-scope-left-behind';
    style.textContent = 'body { margin: 37px; }';
    document.head.append(style);
    document.documentElement.setAttribute('data-qk-group-scope', 'left behind');
    sessionStorage.setItem('qk-group-scope', 'left behind');
    expect(getComputedStyle(document.body).marginTop).to.equal('37px');
  });
});
