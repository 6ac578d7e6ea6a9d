/**
 * Issue 16 (what is left of item 6): a whole-year adjustment after some months closed rewrites
 * archived targets. It was refused only when an approver applied it; the form now refuses it when
 * the request is made — live in the preview and on submit, naming the rule, in zh-CN and en — and
 * nothing is stored. A request for periods still open goes through.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-adjustment-panel.js';
import type { QkAdjustmentPanel } from '../../../src/components/adjustment-panel/adjustment-panel.js';
import type { QkErrorEvent } from '../../../src/events/qk-error.js';
import { QkStore } from '../../../src/store/store.js';
import { quarterPlan } from '../../fixtures/adjustment-plan.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

async function panel(locale: 'en' | 'zh-CN'): Promise<{ el: QkAdjustmentPanel; store: QkStore }> {
  const { actuals } = smallFixture();
  const store = new QkStore({ autosaveMs: false, asOf: '2026-05-15' });
  store.setData(quarterPlan(), actuals);
  // 周敏, manager of 华东 (u-east), asks for 李强 (r2) of her 上海一组.
  const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang=${locale} user-id="u-east" .store=${store}></qk-adjustment-panel>`);
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the request form never showed');
  return { el, store };
}

/** Picks 李强 (r2) with the keyboard-free path a user clicks, ticks `period`, types a value and a reason. */
async function fill(el: QkAdjustmentPanel, period: string, value: string): Promise<void> {
  const r = el.shadowRoot!;
  const input = r.querySelector<HTMLInputElement>('input[role=combobox]')!;
  input.focus();
  input.value = '李强';
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  r.querySelector<HTMLElement>('[role=option][data-node="r2"]')!.click();
  await el.updateComplete;
  for (const box of r.querySelectorAll<HTMLInputElement>('.periods input:checked')) box.click();
  [...r.querySelectorAll<HTMLLabelElement>('.periods label')].find((l) => text(l) === period)!.querySelector('input')!.click();
  await el.updateComplete;
  const amount = r.querySelector<HTMLInputElement>('input.num')!;
  amount.value = value;
  amount.dispatchEvent(new Event('input'));
  const reason = r.querySelector<HTMLTextAreaElement>('form textarea')!;
  reason.value = '李强 moves to key-account work; 王芳 takes over his accounts';
  reason.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const RULE = {
  'zh-CN': 'FY2026-Q1 已于 2026-05-15 前结账，该期目标已归档，调整申请不能改动（FY2026 会改动王芳在 FY2026-Q1 的目标）。请只选择尚未结账的期间。',
  en: "FY2026-Q1 closed before 2026-05-15: its targets are archived and a request cannot change them (FY2026 would change 王芳's FY2026-Q1 target). Choose only periods that are still open.",
} as const;

describe('qk-adjustment-panel: a request touching closed periods is refused when it is made', () => {
  beforeEach(() => localStorage.clear());

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: the whole year after Q1 closed — refused live and on submit, by the rule; an open quarter goes through`, async function () {
      this.timeout(60_000);
      const { el } = await panel(locale);
      const r = el.shadowRoot!;
      // 李强 FY2026 ¥1,500,000 → ¥1,100,000, his teammate 王芳 absorbing ¥400,000: the year's change is
      // split over the quarters, so Q1 (closed, archived ¥625,000 for 王芳) would move too.
      await fill(el, 'FY2026', '1100000');
      const error = oneEvent(el, 'qk-error') as Promise<QkErrorEvent>;
      r.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
      const e = await error;
      expect([e.detail.code, e.detail.source, e.detail.message]).to.deep.equal(['adjustment-period-closed', 'engine', RULE[locale]]);
      await el.updateComplete;
      expect([...r.querySelectorAll('[part~=message]')].map(text)).to.include(RULE[locale]);
      expect(el.requests).to.deep.equal([]);

      // The same change for FY2026-Q3 only (open): ¥375,000 → ¥275,000, 王芳 ¥625,000 → ¥725,000; submitted.
      await fill(el, 'FY2026-Q3', '275000');
      expect(r.querySelector('[part=preview] .message.error') === null, text(r.querySelector('[part=preview]')!)).to.equal(true);
      r.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
      await waitUntil(() => el.requests.length === 1, 'the open quarter’s request was never stored');
      const q = el.requests[0]!;
      expect([q.status, q.periods, q.preview!.cells.map((c) => [c.nodeId, c.period, c.before / 100, c.after / 100])]).to.deep.equal([
        'pending', ['FY2026-Q3'],
        [['r1', 'FY2026', 2_500_000, 2_600_000], ['r1', 'FY2026-Q3', 625_000, 725_000], ['r2', 'FY2026', 1_500_000, 1_400_000], ['r2', 'FY2026-Q3', 375_000, 275_000]],
      ]);
    });
  }
});
