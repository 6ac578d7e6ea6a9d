// quotakit/ssr in Node (issue #15 item 7): the display elements come out as declarative shadow DOM
// with the real figures; the interactive ones as a sized placeholder; every property reaches the
// browser (attribute or JSON child) so the client can hydrate what the server drew.
import { expect } from '@open-wc/testing';
import { renderToString, SSR_DISPLAY_TAGS } from '../../src/ssr/index.js';
import { generateSampleCompany } from '../../src/sample/sample-data.js';

const sample = generateSampleCompany();
const data = { plan: sample.plan, actuals: sample.actuals };
const jsonOf = (html: string, prop: string) => {
  const m = new RegExp(`<script type="application/json" data-prop="${prop}">([\\s\\S]*?)</script>`).exec(html);
  return m ? JSON.parse(m[1]) : undefined;
};

describe('quotakit/ssr renderToString', function () {
  this.timeout(60000);

  it('renders the company gauge as declarative shadow DOM with its hand-computed attainment', async () => {
    // The one FY2026 target: ¥113,000,000.00; the 2026 bookings up to 2026-11-27 add up to
    // ¥95,450,500.00 (summed from the raw records here, not by the engine): 95,450,500 / 113,000,000 = 84.5 %.
    const target = sample.plan.targets.find((t) => t.nodeId === 'company' && t.period === 'FY2026' && t.metric === 'revenue')!.value;
    const booked = sample.actuals.actuals.filter((a) => a.type === 'booking' && a.date >= '2026-01-01' && a.date <= '2026-11-27').reduce((s, a) => s + a.amount, 0);
    expect(target).to.equal(113_000_000_00);
    expect(booked).to.equal(95_450_500_00);

    const html = await renderToString('qk-attainment-gauge', { data, node: 'company', period: 'FY2026' }, { locale: 'zh-CN' });
    expect(html).to.match(/^<!--lit-part [^>]*--><!--lit-node 0--><qk-attainment-gauge [^>]*\bnode="company"[^>]*><template shadowroot="open" shadowrootmode="open"><style>/);
    expect(html).to.include('lang="zh-CN"');
    expect(html).to.include('role="meter"');
    expect(html).to.include('aria-valuenow="84.5"');
    expect(html).to.include('完成率 84.5%：已完成 ¥9,545万，目标 ¥1.13亿。');
    // The data reaches the browser element as its JSON child, after the shadow root.
    expect(html.indexOf('</template>')).to.be.lessThan(html.indexOf('<script type="application/json" data-prop="data">'));
    expect(jsonOf(html, 'data').plan.targets[0].value).to.equal(113_000_000_00);
  });

  it('renders all four display elements in English with their figures', async () => {
    for (const tag of SSR_DISPLAY_TAGS) {
      const html = await renderToString(tag, { data, node: 'company', period: 'FY2026' }, { locale: 'en' });
      expect(html, tag).to.include(`<${tag} `);
      expect(html, tag).to.include('<template shadowroot="open" shadowrootmode="open">');
      expect(html, tag).to.include('lang="en"');
      expect(html, tag).to.not.include('part="state');
    }
    const gauge = await renderToString('qk-attainment-gauge', { data, node: 'company', period: 'FY2026' }, { locale: 'en' });
    expect(gauge).to.include('aria-valuetext="84.5% of target: ');
  });

  it('renders an interactive element as a sized placeholder carrying its attributes and data', async () => {
    const html = await renderToString('qk-goal-tree', { data }, { locale: 'zh-CN' });
    expect(html).to.not.include('shadowrootmode');
    expect(html).to.match(/^<qk-goal-tree [^>]*lang="zh-CN"/);
    expect(html).to.match(/<div data-qk-placeholder role="status" aria-busy="true" style="[^"]*min-height:325px">加载中…<\/div>/);
    expect(jsonOf(html, 'data').actuals.to).to.equal('2026-11-27');
    expect(await renderToString('qk-incentive-calculator', {}, { placeholderHeight: 600 })).to.include('min-height:600px');
  });

  it('keeps JSON inert inside <script> and escapes attributes', async () => {
    const evil = structuredClone(data);
    evil.plan.org[0].name = '</script><img src=x onerror=alert(1)>';
    const html = await renderToString('qk-attainment-gauge', { data: evil, node: 'company', period: 'FY2026' }, { locale: 'en' });
    const light = html.slice(html.lastIndexOf('</template>'));
    expect(light).to.not.include('<img');
    expect(jsonOf(html, 'data').plan.org[0].name).to.equal('</script><img src=x onerror=alert(1)>');
    expect(html).to.not.include('<img src=x');
    const attr = await renderToString('qk-attainment-gauge', { data, node: '"><b>x' }, { locale: 'en' });
    expect(attr).to.include('node="&quot;&gt;&lt;b&gt;x"');
    expect(attr).to.not.include('<b>');
    const placeholder = await renderToString('qk-funnel-inverter', { node: '"><b>x' }, { locale: 'en' });
    expect(placeholder).to.include('node="&quot;>&lt;b>x"');
    expect(placeholder).to.not.include('<b>');
  });

  it('refuses a property the browser could not be given', async () => {
    let error: unknown;
    try {
      await renderToString('qk-provider', { adapter: {} });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.include('cannot be carried to the browser');
  });
});
