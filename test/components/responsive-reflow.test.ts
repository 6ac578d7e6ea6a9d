import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { layoutSettled } from '../support/layout.js';
import '../../src/index.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sampleCompany } from '../fixtures/sample-company.js';
import type { TargetCell } from '../../src/engine/index.js';

/**
 * Issue 17 leftovers, seen at 320 px:
 * 1. the funnel inverter's pipeline-coverage, per-rep and month-schedule tables ran past the element's
 *    right edge (988 px of schedule in a 286 px box): below 36em each row reflows into a block, every
 *    figure under its column's name, nothing hidden to the right;
 * 2. the incentive calculator's "no target for this period" note, right-aligned in a cell spanning
 *    three wide columns, sat beyond the table's visible part (the cell looked blank); a person who
 *    has a target shows it;
 * 3. the goal tree's cards (layout="auto") go back to the grid when the narrow element is widened.
 */

type El = HTMLElement & { updateComplete: Promise<unknown> };
const AS_OF = '2026-09-15';


async function mount(width: number, locale: string, inner: (typeof html)['prototype'] | unknown, extraTargets: TargetCell[] = []) {
  localStorage.clear();
  const { plan, actuals } = sampleCompany({ asOf: AS_OF });
  const data = { ...plan, targets: [...plan.targets, ...extraTargets] };
  const box = await fixture<HTMLDivElement>(html`<div style=${`width: ${width}px`}><qk-provider locale=${locale} as-of=${AS_OF} autosave-ms="0">${inner}</qk-provider></div>`);
  const provider = box.querySelector('qk-provider') as QkProvider;
  provider.adapter = new MemoryAdapter(data, actuals);
  await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded', { timeout: 60000 });
  return { box, provider, plan: data };
}

/** Every box inside `root` that paints text, with the text. */
function textBoxes(root: ParentNode): { text: string; rect: DOMRect }[] {
  const out: { text: string; rect: DOMRect }[] = [];
  for (const cell of root.querySelectorAll<HTMLElement>('th, td')) {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const text = (cell.textContent ?? '').trim();
    if (text) out.push({ text, rect: range.getBoundingClientRect() });
  }
  return out;
}

describe('narrow reflow (issue 17 leftovers)', () => {
  for (const locale of ['en', 'zh-CN']) {
    it(`the funnel inverter's tables fit 320 px (${locale}): no cell past the element's right edge`, async () => {
      const { box, provider } = await mount(320, locale, html`<qk-funnel-inverter></qk-funnel-inverter>`);
      const el = provider.querySelector('qk-funnel-inverter') as El;
      const sections = () => ['coverage', 'per-rep', 'schedule', 'per-week'].map((k) => el.shadowRoot!.querySelector<HTMLElement>(`.section.${k}`));
      await waitUntil(() => sections().every((s) => s?.querySelector('table')), 'the tables never rendered', { timeout: 60000 });
      // The weekly table sits in a closed <details>: open it, it must fit too.
      el.shadowRoot!.querySelector<HTMLDetailsElement>('.section.per-week details')!.open = true;
      await layoutSettled([el]);

      const right = el.getBoundingClientRect().right;
      expect(el.getBoundingClientRect().width, 'element width').to.be.at.most(320);
      expect(box.scrollWidth, 'the box scrolls sideways').to.be.at.most(320);
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(window.innerWidth);
      for (const s of sections()) {
        const scroll = s!.querySelector<HTMLElement>('.qk-table-scroll')!;
        expect(scroll, `${s!.className}: a scroll wrapper`).to.not.equal(null);
        expect(scroll.scrollWidth, `${s!.className}: hidden to the right`).to.be.at.most(scroll.clientWidth);
        const boxes = textBoxes(s!);
        expect(boxes.length, `${s!.className}: cells`).to.be.greaterThan(4);
        for (const b of boxes) expect(b.rect.right, `${s!.className}: "${b.text}" right edge`).to.be.at.most(right + 0.5);
      }
      // Each figure keeps its column's name: the schedule's first row reads "<month target label> <amount>".
      const sched = sections()[2]!;
      const heads = [...sched.querySelectorAll('thead th')].map((h) => (h.textContent ?? '').trim());
      const firstRow = sched.querySelector('tbody tr')!;
      const labels = [...firstRow.querySelectorAll('td')].map((td) => td.dataset.label);
      expect(labels).to.deep.equal(heads.slice(1));
      for (const td of firstRow.querySelectorAll('td')) expect(getComputedStyle(td, '::before').content, 'a visible column name').to.equal(`"${td.dataset.label}"`);
    });

    it(`the incentive team table at 320 px (${locale}) shows the no-target note inside its visible part and a rep's target`, async () => {
      // One rep of the first team with a target (¥1,234,000.00) for the year; the others have none
      // (the sample company's only target is the company's until it is decomposed).
      const cell: TargetCell = { nodeId: 'rep-1-1-1', period: 'FY2026', metric: 'revenue', value: 123_400_000, locked: false, source: 'manual' };
      const { provider, plan } = await mount(320, locale, html`<qk-incentive-calculator></qk-incentive-calculator>`, [cell]);
      expect(plan.org.find((n) => n.id === 'rep-1-1-1')?.kind).to.equal('rep');
      const el = provider.querySelector('qk-incentive-calculator') as El;
      const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('table.team tbody tr')];
      await waitUntil(() => rows().length > 1, 'the team table never rendered', { timeout: 60000 });
      await layoutSettled([el]);

      const wrap = el.shadowRoot!.querySelector<HTMLElement>('.qk-table-scroll')!.getBoundingClientRect();
      const row = rows().find((r) => r.querySelector('[title]')?.getAttribute('title') === plan.org.find((n) => n.id === 'rep-1-1-1')!.name)!;
      expect(row, 'the rep with a target has a row').to.not.equal(undefined);
      expect((row.querySelectorAll('td')[0].textContent ?? '').trim()).to.equal(locale === 'en' ? 'CN¥1.23M' : '¥123万');
      const foot = el.shadowRoot!.querySelector('table.team tfoot tr')!;
      expect((foot.querySelectorAll('td')[0].textContent ?? '').trim(), 'the total target').to.equal(locale === 'en' ? 'CN¥1.23M' : '¥123万');

      const without = rows().filter((r) => r !== row);
      expect(without.length).to.be.greaterThan(5);
      const note = locale === 'en' ? 'No target for this period' : '本期未设目标';
      for (const r of without.slice(0, 10)) {
        const span = r.querySelector<HTMLElement>('td[colspan] .muted')!;
        expect((span.textContent ?? '').trim()).to.equal(note);
        const b = span.getBoundingClientRect();
        // Inside the part of the table one sees without scrolling.
        expect(b.width, 'the note has a width').to.be.greaterThan(10);
        expect(b.left, 'note left').to.be.at.least(wrap.left - 0.5);
        expect(b.right, 'note right').to.be.at.most(wrap.right + 0.5);
      }
    });
  }

  it('the goal tree goes from cards back to the grid when a narrow element is widened (layout="auto")', async () => {
    const { box, provider } = await mount(320, 'en', html`<qk-goal-tree></qk-goal-tree>`);
    const tree = provider.querySelector('qk-goal-tree') as El & { layout: string };
    expect(tree.layout).to.equal('auto');
    const cards = () => tree.shadowRoot!.querySelector('[part~="cards"]');
    const grid = () => tree.shadowRoot!.querySelector('[role="treegrid"]');
    await waitUntil(() => cards() && !grid(), 'no cards at 320 px', { timeout: 60000 });
    box.style.width = '900px';
    await waitUntil(() => grid() && !cards(), 'still cards at 900 px', { timeout: 60000 });
    expect(tree.getBoundingClientRect().width).to.be.greaterThan(36 * 16);
    // And narrow again: the cards come back.
    box.style.width = '320px';
    await waitUntil(() => cards() && !grid(), 'no cards after narrowing again', { timeout: 60000 });
  });
});
