/**
 * 100 gauges on one page against 100 plain SVG circles drawn by the same Lit: first render (until
 * every element has rendered at its measured width) and an update of all 100.
 */
import { LitElement, html } from 'lit';
import '../../src/define/qk-attainment-gauge.js';
import type { QkAttainmentGauge } from '../../src/components/attainment-gauge/attainment-gauge.js';
import type { PaceFigures } from '../../src/engine/pace/view.js';

class BenchCircle extends LitElement {
  static override properties = { value: { type: Number } };
  declare value: number;
  constructor() {
    super();
    this.value = 0;
  }
  protected override render() {
    return html`<svg viewBox="0 0 100 100" width="100" height="100" aria-hidden="true">
      <circle cx="50" cy="50" r=${10 + Math.min(1, this.value) * 35} fill="steelblue"></circle>
      <text x="50" y="55" text-anchor="middle">${Math.round(this.value * 100)}%</text>
    </svg>`;
  }
}
customElements.define('bench-circle', BenchCircle);

const settle = () => new Promise<void>((r) => setTimeout(() => requestAnimationFrame(() => r()), 0));

function figures(i: number, bump: number): PaceFigures {
  return {
    target: 100_000_000 + i * 1_000_000,
    actual: 20_000_000 + ((i * 7_919_000 + bump) % 120_000_000),
    period: 'FY2026-Q4',
    asOf: '2026-11-27',
    nodeId: `rep-${i}`,
    nodeName: `rep ${i}`,
    pipeline: [{ id: `o${i}`, repId: `rep-${i}`, amount: 30_000_000, probability: 0.45, expectedClose: '2026-12-15', stageId: 'quote' }],
  };
}

async function measure(tag: string, set: (el: HTMLElement, i: number, bump: number) => void) {
  const grid = document.createElement('div');
  grid.style.cssText = 'display:grid;grid-template-columns:repeat(10,minmax(0,1fr));gap:4px;width:1800px';
  document.body.append(grid);
  const els: HTMLElement[] = [];
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) {
    const el = document.createElement(tag);
    set(el, i, 0);
    els.push(el);
    grid.append(el);
  }
  const done = () => Promise.all(els.map((e) => (e as LitElement).updateComplete));
  await done();
  // The gauges re-render once the ResizeObserver has reported their width.
  await settle();
  await done();
  void grid.offsetHeight;
  const first = performance.now() - t0;
  const t1 = performance.now();
  els.forEach((el, i) => set(el, i, 13_000_000));
  await done();
  void grid.offsetHeight;
  const update = performance.now() - t1;
  grid.remove();
  return { first, update };
}

async function run(rounds = 5) {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const g = { first: [] as number[], update: [] as number[] };
  const c = { first: [] as number[], update: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const cr = await measure('bench-circle', (el, i, bump) => ((el as BenchCircle).value = figures(i, bump).actual! / figures(i, bump).target));
    const gr = await measure('qk-attainment-gauge', (el, i, bump) => {
      const gauge = el as QkAttainmentGauge;
      gauge.lang = 'zh-CN';
      gauge.size = 'compact';
      gauge.model = figures(i, bump);
    });
    c.first.push(cr.first);
    c.update.push(cr.update);
    g.first.push(gr.first);
    g.update.push(gr.update);
  }
  return { gaugeFirst: med(g.first), gaugeUpdate: med(g.update), circleFirst: med(c.first), circleUpdate: med(c.update), rounds };
}

(window as unknown as { runGaugeBench: typeof run }).runGaugeBench = run;
