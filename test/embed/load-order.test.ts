/**
 * Load order and lifecycle in a fresh page (its own registry): widgets defined before their
 * provider, a provider wrapped around widgets later, widgets moved between providers, an element
 * removed and re-added; and many instances (50 gauges, 5 goal trees) under one provider in sync.
 * Data: the sample company (generateSampleCompany), its FY2026 company revenue target scaled.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { ELEMENTS } from './elements.js';
import { generateSampleCompany } from '../../src/sample/sample-data.js';
import { inPage, openPage, settle, squash, unusable, type HostPage } from './host.js';

type Store = { status: string; applyCells(cells: unknown[], o?: unknown): void; getCell(n: string, p: string, m: string): { value: number } | undefined };
type Provider = HTMLElement & { adapter?: unknown; store: Store };
type Adapter = new (plan: unknown, actuals: unknown) => unknown;

let page: HostPage;
const importIn = (path: string) => page.win.eval(`import(${JSON.stringify(path)})`) as Promise<Record<string, unknown>>;
const defineWidgets = () => Promise.all(ELEMENTS.map((e) => importIn(`/src/define/${e.tag}.ts`)));
const defineProvider = () => importIn('/src/define/qk-provider.ts');
const text = (el: Element) => squash(el.shadowRoot?.textContent);

const sample = generateSampleCompany({ asOf: '2026-03-11' });
const companyId = sample.plan.org.find((n) => n.kind === 'company')!.id;
const companyTarget = sample.plan.targets.find((t) => t.nodeId === companyId && t.period === 'FY2026' && t.metric === 'revenue' && !t.product)!.value;

/** A MemoryAdapter made in the page, over the sample company with its FY2026 target × `scale`. */
async function adapter(scale = 1): Promise<unknown> {
  const { MemoryAdapter } = (await importIn('/src/adapter/memory-adapter.ts')) as { MemoryAdapter: Adapter };
  const { plan, actuals } = inPage(page.win, sample);
  plan.targets.find((t) => t.nodeId === companyId && t.period === 'FY2026' && t.metric === 'revenue' && !t.product)!.value = companyTarget * scale;
  return new MemoryAdapter(plan, actuals);
}

/** A gauge of the company for FY2026, the reference the other widgets are compared with. */
function companyGauge(): HTMLElement {
  const g = page.doc.createElement('qk-attainment-gauge');
  g.setAttribute('node', companyId);
  g.setAttribute('period', 'FY2026');
  return g;
}

function provider(asOf = '2026-03-11'): Provider {
  const p = page.doc.createElement('qk-provider') as Provider;
  p.setAttribute('locale', 'en');
  p.setAttribute('as-of', asOf);
  p.setAttribute('autosave-ms', '0');
  return p;
}

async function ready(p: Provider): Promise<void> {
  await waitUntil(() => p.store?.status === 'ready', 'the provider never loaded');
}

describe('embed: load order and lifecycle', () => {
  beforeEach(async () => {
    page = await openPage('about:blank', { waitFor: [] });
  });
  afterEach(() => page.close());

  it('widgets defined before their provider still get its store (ContextRoot)', async () => {
    const p = provider();
    for (const e of ELEMENTS) {
      const el = page.doc.createElement(e.tag);
      for (const [k, v] of Object.entries(e.attrs)) el.setAttribute(k, v);
      p.append(el);
    }
    page.doc.body.append(p);
    await defineWidgets();
    // The widgets upgrade and render once with no provider around them before it is defined.
    await Promise.all([...p.children].map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete));
    expect([...p.children].filter((el) => !el.shadowRoot).map((el) => el.localName), 'widgets not rendered before the provider').to.deep.equal([]);
    await defineProvider();
    p.adapter = await adapter();
    await ready(p);
    const broken = (await Promise.all(ELEMENTS.map(async (e) => [e.tag, await settle(p.querySelector(e.tag)!)]))).filter(([, r]) => r);
    expect(broken.map(([t, r]) => `${t}: ${r}`)).to.deep.equal([]);
  });

  it('a provider wrapped around widgets later, and widgets moved between providers, switch to that store', async () => {
    await defineProvider();
    await defineWidgets();
    const loose = ELEMENTS.map((e) => {
      const el = page.doc.createElement(e.tag);
      for (const [k, v] of Object.entries(e.attrs)) el.setAttribute(k, v);
      page.doc.body.append(el);
      return el;
    });
    await Promise.all(loose.map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete));
    // Alone without data: the "no data source" state, not a crash.
    for (const el of loose) expect(el.shadowRoot!.querySelector('[part~="state"][part~="empty"]'), el.localName).to.exist;

    const a = provider();
    a.adapter = await adapter(1);
    const b = provider();
    b.adapter = await adapter(2);
    page.doc.body.append(a, b);
    await ready(a);
    await ready(b);
    a.append(...loose);
    const inA = await Promise.all(loose.map(async (el) => [el.localName, await settle(el)]));
    expect(inA.filter(([, r]) => r)).to.deep.equal([]);
    const gauge = loose.find((el) => el.localName === 'qk-attainment-gauge');
    const before = gauge ? text(gauge) : '';
    b.append(...loose);
    const inB = await Promise.all(loose.map(async (el) => [el.localName, await settle(el)]));
    expect(inB.filter(([, r]) => r)).to.deep.equal([]);
    if (gauge) {
      // b has twice the target and the same bookings: the moved gauge shows what a gauge born in b shows.
      gauge.setAttribute('node', companyId);
      const reference = companyGauge();
      b.append(reference);
      expect(await settle(reference)).to.equal('');
      await waitUntil(() => text(gauge) === text(reference), `the moved gauge shows "${text(gauge)}", b shows "${text(reference)}"`);
      expect(text(gauge)).to.not.equal(before);
    }
  });

  it('an element removed and re-added keeps its state and follows store changes made while it was away', async () => {
    await defineProvider();
    await defineWidgets();
    const p = provider();
    p.adapter = await adapter();
    page.doc.body.append(p);
    await ready(p);
    for (const e of ELEMENTS) {
      const el = page.doc.createElement(e.tag);
      for (const [k, v] of Object.entries(e.attrs)) el.setAttribute(k, v);
      p.append(el);
      expect(await settle(el), e.tag).to.equal('');
      el.remove();
      p.append(el);
      expect(await settle(el), `${e.tag} re-added`).to.equal('');
    }
    const gauge = p.querySelector('qk-attainment-gauge');
    if (!gauge) return;
    gauge.setAttribute('node', companyId);
    const reference = companyGauge();
    p.append(reference);
    expect(await settle(reference)).to.equal('');
    await waitUntil(() => text(gauge) === text(reference));
    const before = text(reference);
    gauge.remove();
    p.store.applyCells([{ nodeId: companyId, period: 'FY2026', metric: 'revenue', value: companyTarget * 3 }], { label: 'test', source: 'test' });
    await waitUntil(() => text(reference) !== before, 'the connected gauge missed the change');
    p.append(gauge);
    await waitUntil(() => text(gauge) === text(reference), `the re-added gauge shows "${text(gauge)}", not "${text(reference)}"`);
    expect(unusable(gauge)).to.equal('');
  });

  it('50 gauges and 5 goal trees under one provider stay in sync with the store', async function () {
    const tags = ELEMENTS.map((e) => e.tag);
    if (!tags.includes('qk-attainment-gauge') || !tags.includes('qk-goal-tree')) this.skip();
    await defineProvider();
    await defineWidgets();
    const p = provider();
    p.adapter = await adapter();
    const gauges = Array.from({ length: 50 }, () => {
      const g = companyGauge();
      g.setAttribute('size', 'compact');
      return g;
    });
    const trees = Array.from({ length: 5 }, () => page.doc.createElement('qk-goal-tree'));
    p.append(...gauges, ...trees);
    page.doc.body.append(p);
    await ready(p);
    for (const el of [...gauges, ...trees]) expect(await settle(el)).to.equal('');
    const first = text(gauges[0]);
    const treeBefore = text(trees[0]);
    expect(gauges.every((g) => text(g) === first)).to.equal(true);
    // The company target × 1.25: every gauge and every tree shows the new figures, all alike.
    p.store.applyCells([{ nodeId: companyId, period: 'FY2026', metric: 'revenue', value: Math.round(companyTarget * 1.25) }], { label: 'test', source: 'test' });
    await waitUntil(() => gauges.every((g) => text(g) !== first), 'some gauges kept the old figures');
    const next = text(gauges[0]);
    expect(gauges.filter((g) => text(g) !== next).length, 'gauges disagreeing with the first').to.equal(0);
    await waitUntil(() => trees.every((t) => text(t) !== treeBefore), 'some goal trees kept the old target');
    expect(trees.every((t) => text(t) === text(trees[0])), 'the goal trees disagree').to.equal(true);
  });
});
