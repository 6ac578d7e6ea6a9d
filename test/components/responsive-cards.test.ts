import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sampleCompany } from '../fixtures/sample-company.js';
import { formatMoney } from '../../src/engine/money/money.js';
import { periodRange } from '../../src/engine/calendar/periods.js';
import { targetOf } from '../../src/engine/plan/plan-state.js';

/**
 * Issue 17, item 1: on a narrow container the goal tree shows the people of one team as cards
 * (status, target, actual, gap, attainment, bottleneck), with drill-down into a sub-team and a
 * breadcrumb back, reachable by keyboard, and a switch to the full table. The cards' figures are
 * the table's.
 */

type Tree = HTMLElement & { updateComplete: Promise<unknown>; layout: string };
const AS_OF = '2026-09-15';

/**
 * A narrow tree (cards) and, unless `wide` is false, a wide one (the grid, year total and actual
 * columns) under one provider. The wide tree is there for the tests that compare the cards with it.
 */
async function trees(locale: string, { wide: withWide = true } = {}) {
  localStorage.clear();
  const sample = sampleCompany({ asOf: AS_OF });
  const box = await fixture<HTMLDivElement>(html`<div><qk-provider locale=${locale} as-of=${AS_OF} autosave-ms="0">
    <div style="width: 320px"><qk-goal-tree class="narrow"></qk-goal-tree></div>
    ${withWide ? html`<div style="width: 900px"><qk-goal-tree class="wide" granularity="year" views="actual"></qk-goal-tree></div>` : ''}
  </qk-provider></div>`);
  const provider = box.querySelector('qk-provider') as QkProvider;
  provider.adapter = new MemoryAdapter(sample.plan, sample.actuals);
  await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded', { timeout: 60000 });
  const narrow = box.querySelector('qk-goal-tree.narrow') as Tree;
  const wide = box.querySelector('qk-goal-tree.wide') as Tree | null;
  await waitUntil(() => narrow.shadowRoot!.querySelector('[part~="card"]') && (!withWide || wide!.shadowRoot!.querySelector('[role="treegrid"]')), 'no cards or no grid', { timeout: 60000 });
  return { sample, provider, narrow, wide: wide! };
}

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').trim();

describe('goal tree people cards (issue 17)', () => {
  for (const locale of ['en', 'zh-CN']) {
    it(`at 320 px (${locale}) shows the root's people as cards whose figures equal the table's`, async () => {
      const { sample, provider, narrow, wide } = await trees(locale);
      // Decomposed, so every region has a target.
      $(wide, '[part~="decompose"]')!.click();
      await waitUntil(() => !$(wide, '[part~="decompose"]'), 'the plan was never decomposed', { timeout: 60000 });
      await narrow.updateComplete;
      await wide.updateComplete;

      expect($(narrow, '[role="treegrid"]'), 'no grid beside the cards').to.equal(null);
      const list = $(narrow, '[part~="cards"]')!;
      expect(list.localName).to.equal('ul');
      const root = sample.plan.org.find((n) => n.parentId === null)!;
      const regions = sample.plan.org.filter((n) => n.parentId === root.id);
      expect(list.getAttribute('aria-label')).to.contain(root.name);
      const cards = $$(narrow, '[part~="card"]');
      expect(cards.map((c) => c.dataset.id)).to.deep.equal(regions.map((r) => r.id));
      expect(narrow.getBoundingClientRect().width).to.be.at.most(320);

      // The actual of the first region, summed here from the raw bookings of FY2026 under it.
      const fy = `FY${sample.plan.plan.fiscalYear}`;
      const { start, end } = periodRange(fy, sample.plan.plan.calendar);
      const under = new Set<string>([regions[0].id]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const n of sample.plan.org) if (n.parentId && under.has(n.parentId) && !under.has(n.id)) (under.add(n.id), (grew = true));
      }
      const booked = sample.actuals.actuals.filter((a) => a.type === 'booking' && a.date >= start! && a.date <= end! && under.has(a.repId)).reduce((s, a) => s + a.amount, 0);
      expect(booked).to.be.greaterThan(0);
      const money = (v: number) => formatMoney(v, { currency: sample.plan.plan.currency, locale: locale as 'en', compact: true });
      const first = cards[0];
      expect(text(first.querySelector('[part~="card-actual"]'))).to.equal(money(booked));

      // Card for card, the same text as the grid's year total and actual cells.
      for (const card of cards) {
        const name = text(card.querySelector('.qk-name'));
        const row = $$(wide, '[role="row"][aria-level]').find((r) => text(r.querySelector('[part~="name"]')) === name)!;
        expect(row, `a row for ${name}`).to.exist;
        const cells = [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')];
        expect(text(card.querySelector('[part~="card-target"]')), `${name} target`).to.equal(text(cells[1].querySelector('[part~="value"]')));
        expect(text(card.querySelector('[part~="card-actual"]')), `${name} actual`).to.equal(text(cells[2].querySelector('[part~="value"]')));
      }
      // The gap is target − actual, in the same format.
      const fyTarget = targetOf(provider.store.state!, regions[0].id, fy, 'revenue')!;
      expect(Number.isSafeInteger(fyTarget) && fyTarget > 0, 'the card carries its target').to.equal(true);
      expect(text(first.querySelector('[part~="card-gap"]'))).to.equal(money(fyTarget - booked));
      expect(first.querySelector('[part~="status"]'), 'a status').to.exist;
      await expect(narrow).to.be.accessible();
    });
  }

  it('drills into a team and back with the keyboard, and switches to the full table', async () => {
    // The narrow tree alone: nothing here compares it with the grid.
    const { sample, narrow } = await trees('en', { wide: false });
    const root = sample.plan.org.find((n) => n.parentId === null)!;
    const region = sample.plan.org.find((n) => n.parentId === root.id)!;
    const teams = sample.plan.org.filter((n) => n.parentId === region.id);
    const open = $(narrow, `[part~="card"][data-id="${region.id}"] [part~="open-team"]`)!;
    expect(open.localName).to.equal('button');
    expect(open.getAttribute('aria-label')).to.contain(region.name);
    open.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(narrow, '[part~="cards"]')?.getAttribute('aria-label')?.includes(region.name), 'the team never opened', { timeout: 60000 });
    expect($$(narrow, '[part~="card"]').map((c) => c.dataset.id)).to.deep.equal(teams.map((t) => t.id));
    // Focus follows into the list; the breadcrumb names the way back.
    expect(narrow.shadowRoot!.activeElement).to.equal($(narrow, '[part~="cards"]'));
    const crumbs = $$(narrow, '[part~="breadcrumb"] li');
    expect(crumbs.map((c) => text(c))).to.deep.equal([root.name, region.name]);
    expect(crumbs[1].querySelector('[aria-current="page"]')).to.exist;
    const back = crumbs[0].querySelector('button')!;
    back.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(narrow, `[part~="card"][data-id="${region.id}"]`), 'never back at the top', { timeout: 60000 });
    expect($(narrow, '[part~="breadcrumb"]')).to.equal(null);

    // The full table, for editing, and back to the cards.
    $(narrow, '[part~="show-table"]')!.click();
    await waitUntil(() => $(narrow, '[role="treegrid"]'), 'the table never showed', { timeout: 60000 });
    expect($(narrow, '[part~="cards"]')).to.equal(null);
    $(narrow, '[part~="show-cards"]')!.click();
    await waitUntil(() => $(narrow, '[part~="cards"]'), 'the cards never came back', { timeout: 60000 });
    // A host can pin the grid.
    narrow.layout = 'table';
    await narrow.updateComplete;
    expect($(narrow, '[role="treegrid"]')).to.exist;
  });
});
