import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/qk-adjustment-panel.js';
import type { QkAdjustmentPanel } from '../../../src/components/adjustment-panel/adjustment-panel.js';
import { QkStore } from '../../../src/store/store.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the new-hire suggestion proposes a number (issue 16 item 2)', () => {
  it('suggests 李强 his ramp × 王芳’s quarter, the hire month prorated, and fills the form with it', async () => {
    const { plan, actuals } = smallFixture();
    // 王芳 (veteran beside 李强 in 上海一组) holds ¥500,000 in FY2026-Q1 (the fixture's cell).
    const s = new QkStore({ autosaveMs: false, asOf: '2026-03-13' });
    s.setData(plan, actuals);
    s.setFocus({ nodeId: 'east-sh', period: 'FY2026-Q1' });
    const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="zh-CN" user-id="u-east" .store=${s}></qk-adjustment-panel>`);
    const joining = [...el.shadowRoot!.querySelectorAll('[part=suggestion]')].find((li) => li.classList.contains('joining'))!;
    // Hired 5 January: 27 of January's 31 days, February and March at 30% →
    // (0.3 × 27/31 + 0.3 + 0.3) / 3 × ¥500,000 = ¥143,548.387 → ¥143,548.39. Was: 建议目标：由您设定.
    expect(text(joining.querySelector('.actions span')!)).to.equal('建议目标：¥143,548.39');
    joining.querySelector('button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input.num')!.value).to.equal('143548.39');
  });
});
