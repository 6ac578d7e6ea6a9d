import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import '../../../src/define/qk-provider.js';
import { QkProvider } from '../../../src/components/provider/provider.js';
import { QkElement } from '../../../src/internal/qk-element.js';
import { sharedStringsOnly } from '../../../src/i18n/sections.js';
import { defineElement } from '../../../src/internal/define.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import type { QkErrorEvent } from '../../../src/events/qk-error.js';

/** A minimal element on the shared base: shows the locale, the store state and one target. */
class ProbeElement extends QkElement {
  protected override get strings() {
    return sharedStringsOnly;
  }

  protected override render() {
    const status = this.renderStatus();
    if (status) return status;
    const cell = this.activeStore?.getCell('co', 'FY2026', 'revenue');
    return litHtml`<span id="out">${this.locale}|${this.t.metrics.revenue}|${cell?.value ?? '-'}</span>`;
  }
}
defineElement('qk-test-probe', ProbeElement);

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('qk-provider', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('is registered and renders only its slot', async () => {
    const el = await fixture<QkProvider>(html`<qk-provider><p>child</p></qk-provider>`);
    expect(el).to.be.instanceOf(QkProvider);
    expect(el.shadowRoot!.querySelector('slot')).to.exist;
    expect(getComputedStyle(el).display).to.equal('contents');
  });

  it('gives descendants its store and locale; two widgets stay in sync', async () => {
    const { plan, actuals } = smallFixture();
    const el = await fixture<QkProvider>(html`<qk-provider locale="zh-CN" autosave-ms="0">
      <qk-test-probe id="a"></qk-test-probe><div><qk-test-probe id="b"></qk-test-probe></div>
    </qk-provider>`);
    el.adapter = new MemoryAdapter(plan, actuals);
    const a = el.querySelector<ProbeElement>('#a')!;
    const b = el.querySelector<ProbeElement>('#b')!;
    await waitUntil(() => text(a).includes('1200000000'), 'store never loaded');
    // Company target ¥12,000,000 = 1,200,000,000 分; zh-CN from the provider.
    expect(text(a)).to.equal('zh-CN|销售额|1200000000');
    el.store.applyCells([{ nodeId: 'co', period: 'FY2026', metric: 'revenue', value: 1_300_000_000 }]);
    await b.updateComplete;
    expect(text(b)).to.equal('zh-CN|销售额|1300000000');
  });

  it("an element's own lang wins over the provider's, which wins over <html lang>", async () => {
    document.documentElement.lang = 'zh';
    const el = await fixture<QkProvider>(html`<qk-provider>
      <qk-test-probe id="page"></qk-test-probe>
    </qk-provider>`);
    const probe = el.querySelector<ProbeElement>('#page')!;
    expect(probe.locale).to.equal('zh-CN');
    el.locale = 'en';
    await el.updateComplete;
    await probe.updateComplete;
    expect(probe.locale).to.equal('en');
    probe.lang = 'zh-CN';
    await probe.updateComplete;
    expect(probe.locale).to.equal('zh-CN');
  });

  it('follows <html lang> changes when nothing closer sets a language', async () => {
    const probe = await fixture<ProbeElement>(html`<qk-test-probe .data=${smallFixture()}></qk-test-probe>`);
    expect(text(probe)).to.contain('en|Revenue');
    document.documentElement.lang = 'zh-CN';
    await waitUntil(() => text(probe).includes('销售额'));
  });

  it('fires a localized qk-error and shows a retry when the adapter fails to load', async () => {
    const { plan, actuals } = smallFixture();
    const adapter = new MemoryAdapter(plan, actuals);
    adapter.failNext = 'network';
    const el = await fixture<QkProvider>(html`<qk-provider locale="en"><qk-test-probe></qk-test-probe></qk-provider>`);
    const probe = el.querySelector<ProbeElement>('qk-test-probe')!;
    setTimeout(() => (el.adapter = adapter));
    const ev = (await oneEvent(el, 'qk-error')) as QkErrorEvent;
    expect(ev.detail.code).to.equal('network');
    expect(ev.detail.source).to.equal('adapter');
    await probe.updateComplete;
    const alert = probe.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert).to.exist;
    await expect(probe).to.be.accessible();
    alert.querySelector('button')!.click();
    await waitUntil(() => text(probe).includes('1200000000'));
  });

  it('a consumer upgraded before its provider still gets the context (ContextRoot)', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    host.innerHTML = '<qk-late-provider locale="zh-CN"><qk-test-probe></qk-test-probe></qk-late-provider>';
    const probe = host.querySelector<ProbeElement>('qk-test-probe')!;
    await probe.updateComplete;
    expect(probe.locale).to.equal('en');
    defineElement('qk-late-provider', class extends QkProvider {});
    await waitUntil(() => probe.locale === 'zh-CN', 'late provider never served its consumer');
    host.remove();
  });
});

describe('element base without a provider', () => {
  it('shows bad data as a localized error with the paths, fires qk-error, never crashes', async () => {
    const bad = { plan: { ...smallFixture().plan, plan: { id: 'x' } } };
    const el = document.createElement('qk-test-probe') as ProbeElement;
    el.lang = 'zh-CN';
    el.data = bad;
    setTimeout(() => document.body.append(el));
    const ev = (await oneEvent(document.body, 'qk-error')) as QkErrorEvent;
    expect(ev.detail.code).to.equal('invalid-data');
    expect(ev.detail.source).to.equal('data');
    expect(ev.detail.issues!.map((i) => i.path.join('.'))).to.include('plan.name');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    expect(text(el)).to.contain('出错了');
    // The issue wording loads on first use: wait for the localized line.
    await waitUntil(() => text(el).includes('计划 名称：缺失（应为文本）'), 'the issue list never read in Chinese', { timeout: 60000 });
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('says what to do when it has neither data nor a provider', async () => {
    const el = await fixture<ProbeElement>(html`<qk-test-probe></qk-test-probe>`);
    expect(text(el)).to.contain('<qk-provider>');
  });
});

describe('defineElement', () => {
  it('never throws on a second definition; warns only for another version', async () => {
    const warnings: string[] = [];
    const orig = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      defineElement('qk-provider', QkProvider);
      defineElement('qk-provider', class extends QkProvider {});
      expect(warnings).to.deep.equal([]);
      defineElement('qk-provider', class extends QkProvider {
        static override qkVersion = '9.9.9';
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('9.9.9');
      expect(customElements.get('qk-provider')).to.equal(QkProvider);
    } finally {
      console.warn = orig;
    }
  });
});

describe('qk-provider sample', () => {
  it('loads the built-in sample company with no code', async () => {
    const el = await fixture<QkProvider>(html`<qk-provider sample as-of="2026-06-30"><qk-test-probe></qk-test-probe></qk-provider>`);
    await waitUntil(() => el.store.status === 'ready', 'sample never loaded');
    expect(el.store.plan?.name).to.contain('星辰科技');
    expect(el.store.org.filter((n) => n.kind === 'region').map((n) => n.name)).to.deep.equal(['华东', '华南', '华北', '西南']);
    expect(el.adapter).to.exist;
  });
});

describe('JSON configuration', () => {
  it('reads data from a JSON child, and reports bad JSON without crashing', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const json = JSON.stringify(smallFixture()).replace(/</g, '\\u003c');
    wrap.innerHTML = `<qk-test-probe lang="en"><script type="application/json">${json}</script></qk-test-probe>`;
    const probe = wrap.querySelector<ProbeElement>('qk-test-probe')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('en|Revenue|1200000000');

    const errors: QkErrorEvent[] = [];
    wrap.addEventListener('qk-error', (e) => errors.push(e as QkErrorEvent));
    wrap.innerHTML = '<qk-test-probe lang="zh-CN"><script type="application/json">{ not json</script><script type="application/json" data-prop="store">{}</script></qk-test-probe>';
    await wrap.querySelector<ProbeElement>('qk-test-probe')!.updateComplete;
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['json-invalid', 'json-unknown-prop']);
    expect(errors[0].detail.message).to.match(/^“data”的 JSON 配置无效：/);
  });
});
