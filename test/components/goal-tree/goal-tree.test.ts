import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/qk-goal-tree.js';
import '../../../src/define/qk-provider.js';
import type { QkGoalTree } from '../../../src/components/goal-tree/goal-tree.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { QkStore } from '../../../src/store/store.js';
import type { CrmAdapter } from '../../../src/adapter/adapter.js';
import type { OrgNode, PlanSnapshot } from '../../../src/engine/plan/model.js';
import { generateSampleCompany } from '../../../src/sample/sample-data.js';
import type { QkTargetChangeEvent } from '../../../src/events/qk-target-change.js';
import type { QkErrorEvent } from '../../../src/events/qk-error.js';
import type { QkFocusChangeEvent } from '../../../src/events/qk-focus-change.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const yuan = (n: number) => n * 100;
const root = (el: QkGoalTree) => el.shadowRoot!;
const grid = (el: QkGoalTree) => root(el).querySelector('[role="treegrid"]')!;
const cellAt = (el: QkGoalTree, r: number, c: number) => root(el).querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;
const active = (el: QkGoalTree) => root(el).activeElement as HTMLElement | null;
/** Where focus is, as "row:col" (comparing strings: a failing assertion never prints a DOM tree). */
const at = (el: QkGoalTree) => { const a = active(el); return a?.dataset.r === undefined ? String(a?.tagName) : `${a.dataset.r}:${a.dataset.c}`; };
const has = (e: Element | null) => e !== null;
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

/** A key with modifiers held (the Chromium launcher's sendKeys takes no "Control+End"). */
async function chord(modifiers: 'Control' | 'Shift' | ('Control' | 'Shift')[], key: string): Promise<void> {
  const held = Array.isArray(modifiers) ? modifiers : [modifiers];
  for (const m of held) await sendKeys({ down: m });
  await sendKeys({ press: key });
  for (const m of [...held].reverse()) await sendKeys({ up: m });
}

async function focusCell(el: QkGoalTree, r: number, c: number): Promise<void> {
  cellAt(el, r, c).focus();
  await el.updateComplete;
}

describe('qk-goal-tree', () => {
  it('renders an ARIA treegrid with levels, expansion and the full row count', async () => {
    const el = await small();
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
    // ¥7,200,000 compact in en. co, 华东 and 华南 equal their children's sums: nothing unallocated;
    // 上海一组 has ¥4,000,000 but its reps only ¥500,000 (王芳's Q1): ¥3,500,000 unallocated.
    expect(text(cellAt(el, 1, 1))).to.equal('CN¥7.2M');
    expect([0, 1, 2, 4].map((r) => text(cellAt(el, r, 1).querySelector('[part~="remainder"]')))).to.deep.equal(['', '', 'CN¥3.5M unallocated', '']);
    await expect(el).to.be.accessible();
  });

  it('shows the unallocated remainder under a parent whose children are short', async () => {
    const el = await small();
    // 杭州组 has ¥3,200,000 and its reps nothing: all of it is unallocated.
    expect(text(cellAt(el, 3, 1).querySelector('[part~="remainder"]'))).to.equal('CN¥3.2M unallocated');
  });

  it('formats money in zh-CN', async () => {
    const el = await small('', 'zh-CN');
    expect(text(cellAt(el, 1, 1).querySelector('[part~="value"]'))).to.equal('¥720万');
    expect(text(cellAt(el, 0, 1).querySelector('[part~="value"]'))).to.equal('¥1,200万');
    expect(text(root(el).querySelector('[role="columnheader"]'))).to.equal('组织');
  });

  it('moves with the arrow keys, Home/End and Ctrl+Home/End, and expands and collapses', async () => {
    const el = await small();
    await focusCell(el, 0, 0);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(at(el)).to.equal('1:0');
    // Left on an open row collapses it: 华东's teams disappear.
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['星河科技', '华东', '华南', '深圳组']);
    expect(root(el).querySelectorAll('.body [role="row"]')[1].getAttribute('aria-expanded')).to.equal('false');
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('5');
    // Left on a closed row goes to the parent; Right opens again, then moves into the values.
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(at(el)).to.equal('0:0');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(rowIds(el).length).to.equal(6);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(at(el)).to.equal('1:1');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(at(el)).to.equal('1:0');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(at(el)).to.equal('1:1');
    await chord('Control', 'End');
    await el.updateComplete;
    expect(at(el)).to.equal('5:1');
    await chord('Control', 'Home');
    await el.updateComplete;
    expect(at(el)).to.equal('0:0');
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(at(el)).to.equal('5:0');
    expect(root(el).querySelectorAll('[tabindex="0"]').length).to.equal(1);
  });

  it('sets the store focus and fires qk-focus-change when the selection moves', async () => {
    const el = await small();
    await focusCell(el, 0, 1);
    const ev = oneEvent(el, 'qk-focus-change') as unknown as Promise<QkFocusChangeEvent>;
    await sendKeys({ press: 'ArrowDown' });
    const { focus } = await ev;
    expect(focus).to.deep.include({ nodeId: 'east', period: 'FY2026', metric: 'revenue', product: null });
    expect(el.activeStore!.focus.nodeId).to.equal('east');
    await el.updateComplete;
    expect(root(el).querySelectorAll('[aria-selected="true"]').length).to.equal(1);
  });

  it('edits with Enter, commits with Enter, rebalances the siblings as one undo step', async () => {
    const el = await small();
    const changes: QkTargetChangeEvent['detail'][] = [];
    el.addEventListener('qk-target-change', (e) => changes.push(e.detail));
    await focusCell(el, 2, 1); // 上海一组 ¥4,000,000
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const input = root(el).querySelector<HTMLInputElement>('input[part="input"]')!;
    expect(input.value).to.equal('4000000');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '450万' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // 上海一组 +¥500,000 → its sibling 杭州组 gives it up: ¥3,200,000 → ¥2,700,000; 华东 stays ¥7,200,000.
    // Inside 上海一组 the +¥500,000 goes to the reps in proportion: 王芳 has ¥500,000 (her Q1),
    // 李强 nothing, so 王芳's year becomes ¥1,000,000.
    expect(changes.map((c) => [c.nodeId, c.period, c.oldValue, c.newValue, c.source])).to.deep.equal([
      ['east-sh', 'FY2026', yuan(4_000_000), yuan(4_500_000), 'manual'],
      ['east-hz', 'FY2026', yuan(3_200_000), yuan(2_700_000), 'manual'],
      ['r1', 'FY2026', null, yuan(1_000_000), 'manual'],
    ]);
    expect(changes[0]).to.include({ metric: 'revenue', product: null });
    // The README's worked example: 上海一组 ¥4,500,000 − its reps (王芳 ¥1,000,000 + 李强 nothing)
    // = ¥3,500,000 still unallocated, the same amount as before the edit (¥4,000,000 − ¥500,000).
    expect(text(cellAt(el, 2, 1).querySelector('[part~="remainder"]'))).to.equal('CN¥3.5M unallocated');
    expect(text(cellAt(el, 2, 1).querySelector('[part~="value"]'))).to.equal('CN¥4.5M');
    expect(text(cellAt(el, 3, 1).querySelector('[part~="value"]'))).to.equal('CN¥2.7M');
    expect(text(cellAt(el, 1, 1).querySelector('[part~="value"]'))).to.equal('CN¥7.2M');
    expect(cellAt(el, 2, 1).getAttribute('part')).to.contain('changed');
    expect(at(el)).to.equal('2:1');
    // One undo step brings all three back.
    el.activeStore!.undo();
    await el.updateComplete;
    expect(text(cellAt(el, 2, 1).querySelector('[part~="value"]'))).to.equal('CN¥4M');
    expect(text(cellAt(el, 3, 1).querySelector('[part~="value"]'))).to.equal('CN¥3.2M');
    expect(el.activeStore!.canUndo).to.equal(false);
  });

  it('edits with F2, then undoes and redoes with Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y and the toolbar', async () => {
    const el = await small();
    const changes: string[] = [];
    el.addEventListener('qk-target-change', (e) => changes.push(`${e.detail.nodeId}:${e.detail.oldValue}→${e.detail.newValue}`));
    const value = (r: number) => text(cellAt(el, r, 1).querySelector('[part~="value"]'));
    const undoButton = () => root(el).querySelector<HTMLButtonElement>('[part="undo"]')!;
    const redoButton = () => root(el).querySelector<HTMLButtonElement>('[part="redo"]')!;
    expect([undoButton().disabled, redoButton().disabled]).to.deep.equal([true, true]);
    await focusCell(el, 3, 1); // 杭州组 ¥3,200,000
    await sendKeys({ press: 'F2' });
    await el.updateComplete;
    const input = root(el).querySelector<HTMLInputElement>('input[part="input"]')!;
    // F2 opens the exact amount, all of it selected, so typing replaces it.
    expect([input.value, input.selectionStart, input.selectionEnd]).to.deep.equal(['3200000', 0, 7]);
    await sendKeys({ type: '300万' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // 杭州组 −¥200,000 → its sibling 上海一组 takes it: ¥4,000,000 → ¥4,200,000; 华东 holds ¥7,200,000.
    // Inside 上海一组 the +¥200,000 goes to 王芳 (¥500,000 from her Q1; 李强 0): ¥700,000.
    // The events come in tree order (上海一组 before 杭州组), not edited cell first.
    expect(changes).to.deep.equal([
      `east-sh:${yuan(4_000_000)}→${yuan(4_200_000)}`,
      `east-hz:${yuan(3_200_000)}→${yuan(3_000_000)}`,
      `r1:null→${yuan(700_000)}`,
    ]);
    expect([1, 2, 3].map(value)).to.deep.equal(['CN¥7.2M', 'CN¥4.2M', 'CN¥3M']);
    expect(at(el)).to.equal('3:1');
    expect([undoButton().disabled, redoButton().disabled]).to.deep.equal([false, true]);
    // Ctrl+Z on the grid undoes the whole edit (one step).
    await chord('Control', 'z');
    await el.updateComplete;
    expect([1, 2, 3].map(value)).to.deep.equal(['CN¥7.2M', 'CN¥4M', 'CN¥3.2M']);
    expect(el.activeStore!.getCell('r1', 'FY2026', 'revenue')).to.equal(undefined);
    expect([el.activeStore!.canUndo, el.activeStore!.canRedo]).to.deep.equal([false, true]);
    // Ctrl+Shift+Z redoes it.
    await chord(['Control', 'Shift'], 'Z');
    await el.updateComplete;
    expect([1, 2, 3].map(value)).to.deep.equal(['CN¥7.2M', 'CN¥4.2M', 'CN¥3M']);
    expect(el.activeStore!.getCell('r1', 'FY2026', 'revenue')?.value).to.equal(yuan(700_000));
    // The toolbar's Undo, then Ctrl+Y redoes.
    undoButton().click();
    await el.updateComplete;
    expect([2, 3].map(value)).to.deep.equal(['CN¥4M', 'CN¥3.2M']);
    expect([undoButton().disabled, redoButton().disabled]).to.deep.equal([true, false]);
    await focusCell(el, 3, 1);
    await chord('Control', 'y');
    await el.updateComplete;
    expect([2, 3].map(value)).to.deep.equal(['CN¥4.2M', 'CN¥3M']);
    // Undo and redo change cells without a new edit: still the three events of the one edit.
    expect(changes).to.have.length(3);
  });

  it('shows the same rows after being hidden and shown again while scrolled down', async () => {
    // A box hidden with display: none comes back scrolled to the top without a scroll event; the
    // element puts it back where its rows are (it no longer reads the position after every update).
    const org: OrgNode[] = [{ id: 'co', name: 'Co', parentId: null, kind: 'company' }];
    for (let i = 1; i <= 60; i++) org.push({ id: `p${i}`, name: `Rep ${i}`, parentId: 'co', kind: 'rep' });
    const plan: PlanSnapshot = {
      plan: { id: 'p', name: 'P', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
      org, products: [], stages: [], targets: [{ nodeId: 'co', period: 'FY2026', metric: 'revenue', value: yuan(6_000_000) }],
    };
    // In a panel the page hides and shows (a tab, say).
    const panel = await fixture<HTMLDivElement>(html`<div><qk-goal-tree granularity="year" expand-depth="9" lang="en" .data=${{ plan }}></qk-goal-tree></div>`);
    const el = panel.querySelector('qk-goal-tree')!;
    await el.updateComplete;
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    await focusCell(el, 0, 0);
    await chord('Control', 'End');
    await el.updateComplete;
    await waitUntil(() => active(el)?.dataset.r === '60', 'the last row never took focus');
    const y = scroller.scrollTop;
    expect(y).to.be.greaterThan(0);
    panel.style.display = 'none';
    await waitUntil(() => scroller.clientHeight === 0, 'the box never hid');
    panel.style.display = '';
    // Row 60 (Rep 60) is rendered and on screen again: the box is back at the position of its rows.
    await waitUntil(() => scroller.scrollTop === y, `the box stayed at ${scroller.scrollTop}, not ${y}`);
    const row = active(el)!.closest('[role="row"]')!.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    expect(row.top).to.be.at.least(box.top);
    expect(row.bottom).to.be.at.most(box.bottom + 0.5);
  });

  it('moves by a page with PageDown and PageUp', async () => {
    // A company over 30 reps, all open: row 0 is the company, row n is "Rep n".
    const org: OrgNode[] = [{ id: 'co', name: 'Co', parentId: null, kind: 'company' }];
    for (let i = 1; i <= 30; i++) org.push({ id: `p${i}`, name: `Rep ${i}`, parentId: 'co', kind: 'rep' });
    const plan: PlanSnapshot = {
      plan: { id: 'p', name: 'P', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
      org, products: [], stages: [], targets: [{ nodeId: 'co', period: 'FY2026', metric: 'revenue', value: yuan(3_000_000) }],
    };
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="year" expand-depth="9" lang="en" .data=${{ plan }}></qk-goal-tree>`);
    const name = () => text(active(el)!.closest('[role="row"]')!.querySelector('[part~="name"]'));
    const press = async (key: string) => {
      await sendKeys({ press: key });
      await el.updateComplete;
      await el.updateComplete;
    };
    // Default box: max-height 480px less its 1px top and bottom borders = 478px, less the 40px header
    // row = 438px: 10 whole rows of 40px. A page keeps one row of context: 10 − 1 = 9 rows.
    // The element measures its box with a ResizeObserver. Observers report in the order they were
    // made: once one made here has reported the scroller's size, the element's has too.
    const scroller = el.shadowRoot!.querySelector('.scroller')!;
    let measured = false;
    const ro = new ResizeObserver(() => (measured = true));
    ro.observe(scroller);
    await waitUntil(() => measured, 'no ResizeObserver report for the tree box');
    ro.disconnect();
    await el.updateComplete;
    await focusCell(el, 0, 1);
    await press('PageDown');
    expect([at(el), name()]).to.deep.equal(['9:1', 'Rep 9']);
    await press('PageDown');
    expect([at(el), name()]).to.deep.equal(['18:1', 'Rep 18']);
    await press('PageDown');
    expect([at(el), name()]).to.deep.equal(['27:1', 'Rep 27']);
    await press('PageDown'); // 27 + 9 = 36 → the last row, 30
    expect([at(el), name()]).to.deep.equal(['30:1', 'Rep 30']);
    await press('PageUp'); // 30 − 9
    expect([at(el), name()]).to.deep.equal(['21:1', 'Rep 21']);
    await press('PageUp');
    await press('PageUp'); // 21 → 12 → 3
    expect([at(el), name()]).to.deep.equal(['3:1', 'Rep 3']);
    await press('PageUp'); // 3 − 9 → the first row, not below
    expect([at(el), name()]).to.deep.equal(['0:1', 'Co']);
    expect(root(el).querySelectorAll('[tabindex="0"]').length).to.equal(1);
  });

  it('re-renders as focus moves without reading the scroll position back (no forced layout per update)', async () => {
    // Reading the scroller's scrollTop after every update forced a synchronous layout per render
    // (1.8 + 1.0 s of sampled profile in the goal-tree pages at load 7–14); the element knows where it scrolled the box, and the
    // scroll events tell it where the user did.
    const el = await small();
    const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop')!;
    let reads = 0;
    Object.defineProperty(Element.prototype, 'scrollTop', {
      configurable: true,
      get(this: Element) {
        if (this.getRootNode() === el.shadowRoot) reads++;
        return descriptor.get!.call(this);
      },
      set(this: Element, v: number) {
        descriptor.set!.call(this, v);
      },
    });
    try {
      await focusCell(el, 0, 1);
      for (const expected of ['1:1', '2:1', '3:1']) {
        await sendKeys({ press: 'ArrowDown' });
        await el.updateComplete;
        expect(at(el)).to.equal(expected);
      }
    } finally {
      Object.defineProperty(Element.prototype, 'scrollTop', descriptor);
    }
    expect(reads, 'scrollTop reads inside the tree during four re-renders').to.equal(0);
  });

  it('starts editing when a digit is typed and cancels with Escape', async () => {
    const el = await small();
    let fired = 0;
    el.addEventListener('qk-target-change', () => fired++);
    await focusCell(el, 3, 1);
    await sendKeys({ type: '9' });
    await el.updateComplete;
    const input = root(el).querySelector<HTMLInputElement>('input[part="input"]')!;
    expect(input.value).to.equal('9');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(has(root(el).querySelector('input[part="input"]'))).to.equal(false);
    expect(text(cellAt(el, 3, 1).querySelector('[part~="value"]'))).to.equal('CN¥3.2M');
    expect(at(el)).to.equal('3:1');
    expect(fired).to.equal(0);
  });

  it('keeps an invalid entry in the cell with a localized message and fires qk-error', async () => {
    const el = await small('', 'zh-CN');
    await focusCell(el, 3, 1);
    await sendKeys({ type: '12x' });
    const err = oneEvent(el, 'qk-error');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await err) as QkErrorEvent;
    expect(detail).to.include({ code: 'money-invalid', source: 'input' });
    await el.updateComplete;
    const input = root(el).querySelector<HTMLInputElement>('input[part="input"]')!;
    expect(input.value).to.equal('12x');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const msg = root(el).getElementById(input.getAttribute('aria-describedby')!)!;
    expect(msg.getAttribute('role')).to.equal('alert');
    expect(text(msg)).to.equal(detail.message);
    // Leaving the cell keeps the entry visible, marked invalid, with the message.
    await sendKeys({ press: 'Tab' });
    cellAt(el, 0, 0).focus();
    await el.updateComplete;
    expect(text(cellAt(el, 3, 1).querySelector('.draft'))).to.equal('12x');
    expect(cellAt(el, 3, 1).getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('respects locks: a locked sibling refuses to rebalance; the parent can absorb instead', async () => {
    const el = await small();
    await focusCell(el, 1, 1); // 华东 ¥7,200,000; its only sibling 华南 is locked
    await sendKeys({ type: '800万' });
    const err = oneEvent(el, 'qk-error');
    await sendKeys({ press: 'Enter' });
    expect((await err).detail.code).to.equal('siblings-locked');
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="message"]'))).to.contain('locked');
    await sendKeys({ press: 'Escape' });
    // Switch the mode in the toolbar: the company absorbs the +¥800,000.
    root(el).querySelectorAll<HTMLInputElement>('[part="mode"] input')[1].click();
    expect(el.editMode).to.equal('parent-absorbs');
    await focusCell(el, 1, 1);
    await sendKeys({ type: '800万' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(cellAt(el, 0, 1).querySelector('[part~="value"]'))).to.equal('CN¥12.8M');
    expect(text(cellAt(el, 4, 1).querySelector('[part~="value"]'))).to.equal('CN¥4.8M');
    expect(cellAt(el, 4, 1).getAttribute('part')).to.contain('locked');
  });

  it('toggles a lock with Space', async () => {
    const el = await small();
    await focusCell(el, 2, 1);
    expect(cellAt(el, 2, 1).getAttribute('part')).not.to.contain('locked');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(cellAt(el, 2, 1).getAttribute('part')).to.contain('locked');
    expect(el.activeStore!.getCell('east-sh', 'FY2026', 'revenue')).to.include({ locked: true, value: yuan(4_000_000) });
  });

  it('refuses typing into a locked cell, says so, and offers to unlock (an undoable edit)', async () => {
    const el = await small();
    const errors: string[] = [];
    el.addEventListener('qk-error', (e) => errors.push((e as QkErrorEvent).detail.code));
    await focusCell(el, 4, 1); // 华南 ¥4,800,000, locked
    await sendKeys({ type: '9' });
    await el.updateComplete;
    expect(has(root(el).querySelector('input[part="input"]'))).to.equal(false);
    expect(errors).to.deep.equal(['cell-locked']);
    const message = text(root(el).querySelector('[part="message"]'));
    expect(message).to.contain('华南').and.to.contain('locked').and.to.contain('Unlock');
    expect(text(cellAt(el, 4, 1).querySelector('[part~="value"]'))).to.equal('CN¥4.8M');
    // Enter and F2 are refused the same way; the value never moves.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(has(root(el).querySelector('input[part="input"]'))).to.equal(false);
    expect(el.activeStore!.getCell('south', 'FY2026', 'revenue')).to.include({ value: yuan(4_800_000), locked: true });
    await expect(el).to.be.accessible();
    // The offered action unlocks, as one undo step.
    root(el).querySelector<HTMLButtonElement>('[part="unlock"]')!.click();
    await el.updateComplete;
    expect(el.activeStore!.getCell('south', 'FY2026', 'revenue')!.locked).to.equal(false);
    expect(cellAt(el, 4, 1).getAttribute('part')).not.to.contain('locked');
    expect(has(root(el).querySelector('[part="message"]'))).to.equal(false);
    el.activeStore!.undo();
    await el.updateComplete;
    expect(el.activeStore!.getCell('south', 'FY2026', 'revenue')!.locked).to.equal(true);
  });

  it('unlocks a refused cell from the keyboard with Space, then takes the edit', async () => {
    const el = await small('edit-mode=parent-absorbs', 'zh-CN');
    await focusCell(el, 4, 1);
    await sendKeys({ type: '5' });
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="message"]'))).to.contain('已锁定').and.to.contain('解锁');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.activeStore!.getCell('south', 'FY2026', 'revenue')!.locked).to.equal(false);
    await sendKeys({ type: '500万' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // 华南 ¥4,800,000 → ¥5,000,000; the company absorbs the +¥200,000.
    expect(el.activeStore!.getCell('south', 'FY2026', 'revenue')!.value).to.equal(yuan(5_000_000));
    expect(el.activeStore!.getCell('co', 'FY2026', 'revenue')!.value).to.equal(yuan(12_200_000));
  });

  it('shows a revised target beside its original, and undo restores both', async () => {
    const data = smallFixture();
    // 上海一组 was cut from ¥4,500,000 by an approved adjustment; 杭州组 was never revised.
    data.plan.targets = data.plan.targets.map((c) => (c.nodeId === 'east-sh' && c.period === 'FY2026' && c.metric === 'revenue' && !c.product ? { ...c, original: yuan(4_500_000) } : c));
    const store = new QkStore({ autosaveMs: false, asOf: '2026-06-15' });
    store.setData(data.plan, data.actuals);
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="year" expand-depth="2" lang="en" .store=${store}></qk-goal-tree>`);
    const sh = cellAt(el, 2, 1);
    expect(text(sh.querySelector('[part~="value"]'))).to.equal('CN¥4M');
    expect(text(sh.querySelector('[part~="original"]'))).to.equal('Original target CN¥4.5M');
    expect(sh.querySelector('[part~="original"]')!.tagName).to.equal('S');
    expect(sh.getAttribute('title')).to.equal('Revised target CN¥4M; original target CN¥4.5M');
    expect(has(cellAt(el, 3, 1).querySelector('[part~="original"]'))).to.equal(false);
    await expect(el).to.be.accessible();
    // 杭州组 is revised in June, after FY2026 started: its ¥3,200,000 stays as the original.
    await focusCell(el, 3, 1);
    await sendKeys({ type: '300万' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(store.getCell('east-hz', 'FY2026', 'revenue')).to.include({ value: yuan(3_000_000), original: yuan(3_200_000) });
    expect(text(cellAt(el, 3, 1).querySelector('[part~="original"]'))).to.equal('Original target CN¥3.2M');
    // 上海一组 takes the ¥200,000 and keeps its first original.
    expect(store.getCell('east-sh', 'FY2026', 'revenue')).to.include({ value: yuan(4_200_000), original: yuan(4_500_000) });
    store.undo();
    await el.updateComplete;
    expect(store.getCell('east-hz', 'FY2026', 'revenue')!.original).to.equal(undefined);
    expect(store.getCell('east-sh', 'FY2026', 'revenue')).to.include({ value: yuan(4_000_000), original: yuan(4_500_000) });
    expect(has(cellAt(el, 3, 1).querySelector('[part~="original"]'))).to.equal(false);
    expect(text(cellAt(el, 2, 1).querySelector('[part~="original"]'))).to.equal('Original target CN¥4.5M');
  });

  it('the demo on 1 December: after 拆解目标, 900万 typed into 华东三部 FY2026 moves only December, and 华东 stays whole', async function () {
    this.timeout(120000);
    const { plan, actuals } = generateSampleCompany({ asOf: '2026-12-01' });
    const store = new QkStore({ autosaveMs: false, asOf: '2026-12-01' });
    store.setData(plan, actuals);
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="month" expand-depth="2" lang="zh-CN" .store=${store}></qk-goal-tree>`);
    root(el).querySelector<HTMLButtonElement>('[part="decompose"]')!.click();
    await el.updateComplete;
    const team = plan.org.find((n) => n.name === '华东三部')!;
    const region = plan.org.find((n) => n.id === team.parentId)!;
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const before = months.map((m) => store.getCell(team.id, m, 'revenue')!.value);
    const row = rowIds(el).indexOf('华东三部');
    expect(row).to.be.greaterThan(0);
    await focusCell(el, row, 13); // the FY2026 total after 12 month columns
    await sendKeys({ type: '900万' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="message"]'))).to.equal('');
    expect(store.getCell(team.id, 'FY2026', 'revenue')!.value).to.equal(900_000_000);
    const after = months.map((m) => store.getCell(team.id, m, 'revenue')!.value);
    expect(after.slice(0, 11)).to.deep.equal(before.slice(0, 11));
    expect(after[11]).to.equal(900_000_000 - before.slice(0, 11).reduce((a, b) => a + b, 0));
    // 华东's row shows no unallocated or over-allocated amount in any month.
    const regionRow = rowIds(el).indexOf(region.name);
    const warnings = Array.from({ length: 13 }, (_, c) => text(cellAt(el, regionRow, c + 1).querySelector('[part~="remainder"]'))).filter(Boolean);
    expect(warnings).to.deep.equal([]);
  });

  it('distributes a node through a dialog with a preview, and closes on Escape', async () => {
    const el = await small();
    await focusCell(el, 3, 1); // 杭州组 ¥3,200,000 over 张伟 and 刘洋
    await chord('Shift', 'Enter');
    await el.updateComplete;
    const dialog = root(el).querySelector('dialog')!;
    await waitUntil(() => dialog.open);
    const rows = [...dialog.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text));
    // Equal: ¥1,600,000 each.
    expect(rows).to.deep.equal([
      ['张伟', '—', 'CN¥1.6M', '+CN¥1.6M'],
      ['刘洋', '—', 'CN¥1.6M', '+CN¥1.6M'],
    ]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(has(root(el).querySelector('dialog'))).to.equal(false);
    expect(el.activeStore!.canUndo).to.equal(false);
    // Again, and apply: the remainder under 杭州组 closes.
    await focusCell(el, 3, 1);
    await chord('Shift', 'Enter');
    await el.updateComplete;
    const changes: string[] = [];
    el.addEventListener('qk-target-change', (e) => changes.push(`${e.detail.nodeId}:${e.detail.newValue}`));
    root(el).querySelector<HTMLButtonElement>('dialog .primary')!.click();
    await el.updateComplete;
    expect(changes).to.deep.equal([`r3:${yuan(1_600_000)}`, `r4:${yuan(1_600_000)}`]);
    expect(has(cellAt(el, 3, 1).querySelector('[part~="remainder"]'))).to.equal(false);
  });

  it('offers to decompose a plan that has only the company target, as one undo step', async () => {
    const data = generateSampleCompany({ regions: 2, teamsPerRegion: 2, repsPerTeam: 3 });
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="quarter" lang="en" .data=${data}></qk-goal-tree>`);
    const total = data.plan.targets[0].value;
    expect(text(cellAt(el, 0, 5).querySelector('[part~="remainder"]'))).to.contain('unallocated');
    root(el).querySelector<HTMLButtonElement>('[part="decompose"]')!.click();
    await el.updateComplete;
    expect(has(root(el).querySelector('[part="decompose"]'))).to.equal(false);
    expect(has(root(el).querySelector('[part~="remainder"]'))).to.equal(false);
    const s = el.activeStore!;
    const regions = ['region-1', 'region-2'].map((r) => s.getCell(r, 'FY2026', 'revenue')!.value);
    expect(regions[0] + regions[1]).to.equal(total);
    const quarters = [1, 2, 3, 4].map((q) => s.getCell('company', `FY2026-Q${q}`, 'revenue')!.value);
    expect(quarters.reduce((a, b) => a + b, 0)).to.equal(total);
    s.undo();
    expect(s.getCell('region-1', 'FY2026', 'revenue')).to.equal(undefined);
  });

  it('shows badges for new hires and optional actual and attainment columns', async () => {
    const data = smallFixture();
    const store = new QkStore({ autosaveMs: false, asOf: '2026-03-31' });
    store.setData(data.plan, data.actuals);
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="year" expand-depth="9" views="actual attainment" lang="en" .store=${store}></qk-goal-tree>`);
    // 李强 hired 2026-01-05: 2 months of tenure on 2026-03-31 → 30%.
    const li = [...root(el).querySelectorAll('[part~="ramp-badge"]')].map(text);
    expect(li).to.deep.equal(['New hire · 30%', 'New hire · 30%']);
    // 华东 actual: ¥245,000 booked against ¥7,200,000 → 3.4%.
    expect(text(cellAt(el, 1, 2))).to.equal('CN¥245K');
    expect(text(cellAt(el, 1, 3))).to.equal('3.4%');
    expect(grid(el).getAttribute('aria-colcount')).to.equal('4');
  });

  it('follows a selection made elsewhere under the same provider', async () => {
    const { plan, actuals } = smallFixture();
    const p = await fixture<QkProvider>(html`<qk-provider><qk-goal-tree granularity="year" lang="en"></qk-goal-tree></qk-provider>`);
    const el = p.querySelector('qk-goal-tree')!;
    p.store.setData(plan, actuals);
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['星河科技', '华东', '华南']);
    p.store.setFocus({ nodeId: 'r3', period: 'FY2026' });
    await el.updateComplete;
    await el.updateComplete;
    expect(rowIds(el)).to.include('张伟');
    expect(root(el).querySelector('[aria-selected="true"] [part~="name"]')!.textContent).to.equal('张伟');
  });

  it('loads children lazily with a loading row', async () => {
    const snapshot: PlanSnapshot = {
      plan: { id: 'p', name: 'P', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
      org: [{ id: 'co', name: 'Co', parentId: null, kind: 'company' }, { id: 't', name: 'Team', parentId: 'co', kind: 'team', hasChildren: true }],
      products: [], stages: [], targets: [],
    };
    let release!: () => void;
    const adapter = {
      loadPlan: async () => snapshot,
      currentUser: async () => null,
      loadActuals: async () => ({ from: '2026-01-01', to: '2026-12-31', actuals: [], stageCounts: [], pipeline: [] }),
      saveTargets: async () => ({ version: 2 }),
      loadChildren: () => new Promise<OrgNode[]>((resolve) => (release = () => resolve([{ id: 'r', name: 'Rep', parentId: 't', kind: 'rep' }]))),
    } as unknown as CrmAdapter;
    const store = new QkStore({ autosaveMs: false });
    await store.connect(adapter);
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="year" lang="en" .store=${store}></qk-goal-tree>`);
    expect(root(el).querySelectorAll('.body [role="row"]')[1].getAttribute('aria-expanded')).to.equal('false');
    await focusCell(el, 1, 0);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="loading-row"]'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => rowIds(el).includes('Rep'));
    expect(has(root(el).querySelector('[part~="loading-row"]'))).to.equal(false);
  });

  it('renders only the visible rows of a 10,000-rep org and reaches the last row', async function () {
    // 10,531 rows of work, not a wait: a loaded 2-core CI box may need more than mocha's 10 s.
    this.timeout(120000);
    const org: OrgNode[] = [{ id: 'co', name: 'Co', parentId: null, kind: 'company' }];
    for (let r = 0; r < 20; r++) {
      org.push({ id: `g${r}`, name: `Region ${r}`, parentId: 'co', kind: 'region' });
      for (let t = 0; t < 25; t++) {
        org.push({ id: `t${r}-${t}`, name: `Team ${r}-${t}`, parentId: `g${r}`, kind: 'team' });
        for (let p = 0; p < 20; p++) org.push({ id: `p${r}-${t}-${p}`, name: `Rep ${r}-${t}-${p}`, parentId: `t${r}-${t}`, kind: 'rep' });
      }
    }
    const plan: PlanSnapshot = {
      plan: { id: 'big', name: 'Big', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
      org, products: [], stages: [], targets: [{ nodeId: 'co', period: 'FY2026', metric: 'revenue', value: yuan(100_000_000) }],
    };
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="month" expand-depth="9" lang="en" .data=${{ plan }}></qk-goal-tree>`);
    // Above 2,000 nodes the first read of each column's values runs in slices, a loading state meanwhile.
    expect(root(el).querySelector('[part~="loading"][aria-busy="true"]'), 'the loading state first').to.exist;
    await waitUntil(() => root(el).querySelector('[role="treegrid"]'), 'the grid after the sliced first read', { timeout: 120_000 });
    expect(grid(el).getAttribute('aria-rowcount')).to.equal(String(1 + 1 + 20 + 500 + 10_000));
    const rendered = root(el).querySelectorAll('.body [role="row"]').length;
    expect(rendered).to.be.greaterThan(5).and.lessThan(60);
    await focusCell(el, 0, 0);
    // Speed is measured by npm run bench; here: the last row is reached and is the only new row rendered.
    await chord('Control', 'End');
    await el.updateComplete;
    await waitUntil(() => active(el)?.dataset.r === '10520');
    expect(active(el)!.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('10522');
    expect(text(active(el)!.closest('[role="row"]')!.querySelector('[part~="name"]'))).to.equal('Rep 19-24-19');
    expect(root(el).querySelectorAll('.body [role="row"]').length).to.be.lessThan(60);
  });

  it('is accessible when loading, empty and in error, and reports bad data', async () => {
    const loading = new QkStore();
    loading.setLoading();
    const a = await fixture<QkGoalTree>(html`<qk-goal-tree .store=${loading}></qk-goal-tree>`);
    expect(has(root(a).querySelector('[part~="loading"]'))).to.equal(true);
    await expect(a).to.be.accessible();

    const empty = new QkStore();
    const { plan } = smallFixture();
    empty.setData({ ...plan, org: [] });
    const b = await fixture<QkGoalTree>(html`<qk-goal-tree lang="zh-CN" .store=${empty}></qk-goal-tree>`);
    expect(text(root(b).querySelector('[part~="empty"]'))).to.equal('该计划还没有组织架构。');
    await expect(b).to.be.accessible();

    const c = document.createElement('qk-goal-tree');
    const err = oneEvent(c, 'qk-error');
    c.data = { plan: { plan: { id: 'x' }, org: 'nope' } };
    document.body.append(c);
    expect((await err).detail.source).to.equal('data');
    await c.updateComplete;
    expect(has(root(c).querySelector('[part~="error"]'))).to.equal(true);
    await expect(c).to.be.accessible();
    c.remove();
  });
});

describe('qk-goal-tree CSV', () => {
  /** Captures the CSV the export button downloads. */
  async function exported(el: QkGoalTree): Promise<string> {
    const orig = URL.createObjectURL;
    let blob: Blob | undefined;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return 'blob:test';
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {};
    try {
      root(el).querySelector<HTMLButtonElement>('[part~="export"]')!.click();
    } finally {
      URL.createObjectURL = orig;
      HTMLAnchorElement.prototype.click = click;
    }
    return (await blob!.text()).replace(/^\uFEFF/, '');
  }

  it('exports the grid as shown: one line per row, money in yuan, the fiscal year as a column', async () => {
    const el = await small();
    const lines = (await exported(el)).trimEnd().split('\r\n');
    // Header, then 星河科技 ¥12,000,000, 华东 ¥7,200,000 (the fixture's FY2026 revenue targets).
    expect(lines).to.have.length(7);
    expect(lines[0]).to.equal('Node ID,Name,Metric,FY2026');
    expect(lines[1]).to.equal('co,星河科技,revenue,12000000.00');
    expect(lines[2]).to.equal('east,华东,revenue,7200000.00');
  });

  it('imports a clean file as one undo step, and a bad file changes nothing and lists each problem by line', async () => {
    const el = await small();
    const s = (el as unknown as { activeStore: QkStore }).activeStore;
    const csv = await exported(el);
    // 华东 7,200,000 → 7,000,000 and 华南 4,800,000 → 5,000,000: the company total stays 12,000,000.
    const edited = csv.replace('east,华东,revenue,7200000.00', 'east,华东,revenue,7000000.00').replace('south,华南,revenue,4800000.00', 'south,华南,revenue,500万');
    const changes: QkTargetChangeEvent[] = [];
    el.addEventListener('qk-target-change', (e) => changes.push(e as QkTargetChangeEvent));
    expect(el.importCsv(edited)).to.equal(true);
    expect(s.getCell('east', 'FY2026', 'revenue')?.value).to.equal(yuan(7_000_000));
    expect(s.getCell('south', 'FY2026', 'revenue')?.value).to.equal(yuan(5_000_000));
    expect(changes.map((c) => [c.detail.nodeId, c.detail.oldValue, c.detail.newValue, c.detail.source])).to.deep.equal([
      ['east', yuan(7_200_000), yuan(7_000_000), 'import'],
      ['south', yuan(4_800_000), yuan(5_000_000), 'import'],
    ]);
    s.undo();
    expect(s.getCell('east', 'FY2026', 'revenue')?.value).to.equal(yuan(7_200_000));
    expect(s.getCell('south', 'FY2026', 'revenue')?.value).to.equal(yuan(4_800_000));

    const errors: QkErrorEvent[] = [];
    el.addEventListener('qk-error', (e) => errors.push(e as QkErrorEvent));
    const bad = edited.replace('east,华东', 'nowhere,华东').replace('500万', 'lots');
    expect(el.importCsv(bad)).to.equal(false);
    await el.updateComplete;
    expect(s.getCell('east', 'FY2026', 'revenue')?.value).to.equal(yuan(7_200_000));
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['csv-invalid']);
    const items = [...root(el).querySelectorAll('[part~="import-errors"] li')].map((li) => li.textContent!);
    expect(items).to.have.length(2);
    // Line 1 is the header; 华东 is on line 3, 华南 on line 6 (after 上海一组 and 杭州组).
    expect(items[0]).to.match(/^Line 3, column 1: /);
    expect(items[1]).to.equal('Line 6, column 4: “lots” is not a valid amount.');
    expect(text(root(el).querySelector('[part~="message"]'))).to.contain('line 3');
    await expect(el).to.be.accessible();
  });
});
