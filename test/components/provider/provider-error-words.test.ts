// A page with a provider and no element that edits (issue 14): the store, adapter and input error
// sentences are not in its first load (see i18n/localize.ts, `areas`) and arrive by import() with the
// first error. This file runs in its own page, so nothing before it has loaded them.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/define/qk-provider.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import type { QkErrorEvent } from '../../../src/events/qk-error.js';

describe('qk-provider, error sentences loaded on demand', () => {
  it("fires qk-error for an adapter failure with the sentence in the provider's language", async () => {
    for (const [locale, sentence] of [
      ['zh-CN', '无法连接 CRM，或 CRM 未能及时响应。请检查网络后重试。'],
      ['en', 'The CRM could not be reached or did not answer in time. Check the connection and try again.'],
    ] as const) {
      const { plan, actuals } = smallFixture();
      const adapter = new MemoryAdapter(plan, actuals);
      adapter.failNext = 'network';
      const el = await fixture<QkProvider>(html`<qk-provider locale=${locale}></qk-provider>`);
      setTimeout(() => (el.adapter = adapter));
      const ev = (await oneEvent(el, 'qk-error')) as QkErrorEvent;
      expect({ locale, code: ev.detail.code, message: ev.detail.message }).to.deep.equal({ locale, code: 'network', message: sentence });
    }
  });
});
