import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/qk-goal-tree.js';
import '../../src/define/qk-provider.js';
import type { QkGoalTree } from '../../src/components/goal-tree/goal-tree.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { QkStore } from '../../src/store/store.js';
import type { CrmAdapter } from '../../src/adapter/adapter.js';
import type { OrgNode, PlanSnapshot } from '../../src/engine/model.js';
import { generateSampleCompany } from '../../src/engine/sample-data.js';
import type { QkTargetChangeEvent } from '../../src/events/qk-target-change.js';
import type { QkErrorEvent } from '../../src/events/qk-error.js';
import { smallFixture } from '../fixtures/small-plan.js';

const yuan = (n: number) => n * 100;
const root = (el: QkGoalTree) => el.shadowRoot!;
const grid = (el: QkGoalTree) => root(el).querySelector('[role="treegrid"]')!;
const cellAt = (el: QkGoalTree, r: number, c: number) => root(el).querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;
const active = (el: QkGoalTree) => root(el).activeElement as HTMLElement | null;
const rowIds = (el: QkGoalTree) => [...root(el).querySelectorAll('.body [role="row"]')].map((r) => r.querySelector('[part~="name"]')?.textContent);
const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Small fixture, year columns, regions and teams open: co, 华东, 上海一组, 杭州组, 华南, 深圳组. */
async function small(attrs = '', lang = 'en'): Promise<QkGoalTree> {
  const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="year" expand-depth="2" lang=${lang} .data=${smallFixture()}></qk-goal-tree>`);
  for (const a of attrs.split(' ').filter(Boolean)) {
    const [k, v] = a.split('=');
    el.setAttribute(k, v ?? '');
  }
  await el.updateComplete;
  return el;
}

/** A key with a modifier held (the Chromium launcher's sendKeys takes no "Control+End"). */
async function chord(modifier: 'Control' | 'Shift', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

async function focusCell(el: QkGoalTree, r: number, c: number): Promise<void> {
  cellAt(el, r, c).focus();
  await el.updateComplete;
}

describe('qk-goal-tree', () => {
  it.only('renders an ARIA treegrid with levels, expansion and the full row count', async () => {
    console.log('A');
    const el = await small();
    console.log('B');
    const g = grid(el);
    expect(g.getAttribute('aria-rowcount')).to.equal('7'); // header + 6 rows
    expect(g.getAttribute('aria-colcount')).to.equal('2');
    expect(rowIds(el)).to.deep.equal(['星河科技', '华东', '上海一组', '杭州组', '华南', '深圳组']);
    const rows = root(el).querySelectorAll('.body [role="row"]');
    expect(rows[1].getAttribute('aria-level')).to.equal('2');
    expect(rows[1].getAttribute('aria-expanded')).to.equal('true');
    expect(rows[2].getAttribute('aria-expanded')).to.equal('false');
    expect(rows[4].getAttribute('aria-rowindex')).to.equal('6');
    // Exactly one tab stop.
    expect(root(el).querySelectorAll('[tabindex="0"]').length).to.equal(1);
    // ¥7,200,000 compact in en; co has its children's full sum: nothing unallocated.
    expect(text(cellAt(el, 1, 1))).to.equal('CN¥7.2M');
    expect(root(el).querySelector('[part~="remainder"]')).to.equal(null);
    console.log('C');
    await expect(el).to.be.accessible();
    console.log('D');
  });

});
