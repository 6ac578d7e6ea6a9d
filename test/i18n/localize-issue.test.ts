import { expect } from '@open-wc/testing';
import { getTranslation, loadLocale } from '../../src/i18n/localize.js';
import { localizeIssue } from '../../src/i18n/localize-issue.js';
import { registerAllStrings } from '../../src/i18n/loaders/all.js';
import { parsePlanSnapshot } from '../../src/adapter/validate.js';
import { QkAdapterError, type CrmAdapter } from '../../src/adapter/adapter.js';
import { QkStore, toStoreError } from '../../src/store/store.js';

registerAllStrings();

const INVALID = {
  en: 'The data from the CRM is invalid, so none of it was loaded.',
  'zh-CN': 'CRM 返回的数据格式有误，已全部拒绝加载，请联系管理员检查数据。',
} as const;

/** The error the schema (zod) check throws for a plan that is not a plan. */
function zodError(): unknown {
  try {
    parsePlanSnapshot({ plan: 42 });
  } catch (e) {
    return e;
  }
  throw new Error('the schema accepted a bad plan');
}

/** A store whose adapter answers `loadPlan` with `plan` (or rejects with it). */
async function storeError(loadPlan: () => Promise<unknown>) {
  const adapter = { loadPlan, currentUser: () => Promise.reject(new Error('no user')) } as unknown as CrmAdapter;
  const store = new QkStore({ autosaveMs: false, retryDelaysMs: [], pendingStorage: null });
  await store.connect(adapter);
  expect(store.status).to.equal('error');
  return store.error!;
}

describe('localizeIssue', () => {
  before(() => loadLocale('zh-CN'));

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`words a schema issue, a store error and an adapter rejection alike (${locale})`, async () => {
      const t = getTranslation(locale);
      const schema = zodError() as { code: string; message: string };
      const fromStore = await storeError(() => Promise.resolve({ plan: 42 }));
      const rejected = await storeError(() => Promise.reject(new QkAdapterError('invalid-data', 'loadPlan: invalid plan', { issues: [{ path: ['plan'], message: 'Expected object' }] })));
      expect(schema.code).to.equal('invalid-data');
      expect(fromStore.code).to.equal('invalid-data');
      expect(rejected.code).to.equal('invalid-data');
      expect(localizeIssue(t, schema)).to.equal(INVALID[locale]);
      expect(localizeIssue(t, toStoreError(schema, 'invalid-data'))).to.equal(INVALID[locale]);
      expect(localizeIssue(t, fromStore)).to.equal(INVALID[locale]);
      expect(localizeIssue(t, rejected)).to.equal(INVALID[locale]);
    });
  }

  it('puts params in the caller\'s words before the sentence (node id → name)', () => {
    const issue = { code: 'cell-locked', message: 'locked', params: { node: 'east', period: 'FY2026' } };
    const param = (k: string, v: string | number) => (k === 'node' ? '华东' : v);
    expect(localizeIssue(getTranslation('en'), issue, { param })).to.equal(
      'The target of 华东 for FY2026 is locked: a lock holds it against every edit. Unlock it to change it.',
    );
    expect(localizeIssue(getTranslation('zh-CN'), issue, { param })).to.equal('华东 在 FY2026 的目标已锁定：锁定的目标不接受任何修改。请先解锁再修改。');
    // The issue itself is left as it was.
    expect(issue.params.node).to.equal('east');
  });

  it('shows the English message of a code no dictionary knows', () => {
    expect(localizeIssue(getTranslation('zh-CN'), { code: 'host-specific', message: 'The host said no' })).to.equal('The host said no');
    expect(localizeIssue(getTranslation('en'), { message: 'No code at all' })).to.equal('No code at all');
  });
});
