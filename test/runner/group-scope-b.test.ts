/**
 * Runs after group-scope-a.test.ts in the same page when the files are grouped
 * (test/runner/groups.mjs), alone otherwise: nothing of that file reaches this one (its root-level
 * hook, its style, its <html> attribute, its storage), this file's `import.meta.url` is its own,
 * and its tests are reported under its own path.
 */
import { expect } from '@open-wc/testing';

const FILE = 'test/runner/group-scope-b.test.ts';
type Counted = Window & { __qkGroupScopeHookRuns?: number };
/** Whether group-scope-a.test.ts ran in this page before this file (its hook ran twice). */
const grouped = () => (window as Counted).__qkGroupScopeHookRuns !== undefined;

describe('a test file after another in the same page', () => {
  it('does not get the other file’s root-level hooks (they ran for that file’s 2 tests only)', () => {
    expect((window as Counted).__qkGroupScopeHookRuns ?? 2).to.equal(2);
  });

  it('finds the page as before the other file: no style, <html> attribute or storage of it', () => {
    // Plain values only: a failing expect that holds a DOM node hangs the runner.
    expect(document.getElementById('qk-group-scope-left-behind')?.outerHTML ?? null).to.equal(null);
    expect(getComputedStyle(document.body).marginTop).to.not.equal('37px');
    expect(document.documentElement.hasAttribute('data-qk-group-scope')).to.equal(false);
    expect(sessionStorage.getItem('qk-group-scope')).to.equal(null);
  });

  it('has its own import.meta.url, so files beside it resolve as when it runs alone', () => {
    expect(new URL(import.meta.url).pathname).to.equal(`/${FILE}`);
  });

  it('is reported under its own path when grouped (a describe named after the file)', function () {
    const path = this.test!.titlePath();
    expect(grouped() ? path[0] : FILE).to.equal(FILE);
    expect(path.slice(-2)).to.deep.equal(['a test file after another in the same page', 'is reported under its own path when grouped (a describe named after the file)']);
  });
});
