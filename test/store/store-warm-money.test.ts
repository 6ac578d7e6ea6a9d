import { expect } from '@open-wc/testing';
import { QkStore } from '../../src/store/store.js';
import { formatMoney, hasMoneyFormat } from '../../src/engine/money/money.js';
import { largeOrg } from '../fixtures/large-org.js';

/**
 * Issue 12 item 5: the page's first currency `Intl.NumberFormat` (`minorDigits` → `numberFormat`)
 * cost 137–330 ms under load inside whichever element formatted money first. The store's warm-up
 * creates the plan currency's formatters in its own slices, so after `whenWarm()` they are cached.
 * NOK: a currency no other test or sample uses, so the cache cannot hold it from elsewhere.
 */
describe('QkStore warms the plan currency’s money formatters', () => {
  it('after whenWarm(), NOK’s formatters exist in zh-CN and en, and format as they would cold', async () => {
    const { plan, actuals } = largeOrg({ nodes: 300, teams: 3 });
    const nok = { ...plan, plan: { ...plan.plan, currency: 'NOK' } };
    expect(hasMoneyFormat('NOK', 'zh-CN'), 'cold').to.equal(false);
    expect(hasMoneyFormat('NOK', 'en'), 'cold').to.equal(false);
    const store = new QkStore({ asOf: '2026-03-31', autosaveMs: false, pendingStorage: null });
    store.setData(nok, actuals);
    expect(hasMoneyFormat('NOK', 'zh-CN'), 'not in the same task as setData').to.equal(false);
    await store.whenWarm();
    expect(hasMoneyFormat('NOK', 'zh-CN')).to.equal(true);
    expect(hasMoneyFormat('NOK', 'en')).to.equal(true);
    // The cached formatter is the one formatMoney uses: NOK has 2 minor digits (øre).
    expect(formatMoney(123_456, { currency: 'NOK', locale: 'en' })).to.equal('NOK\u00a01,234.56');
    store.disconnect();
  });
});
