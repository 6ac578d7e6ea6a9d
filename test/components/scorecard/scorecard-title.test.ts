import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/qk-scorecard.js';
import type { QkScorecard } from '../../../src/components/scorecard/scorecard.js';
import type { ScorecardPerson } from '../../../src/engine/scorecard/scorecard.js';

// Issue #20: a scorecard of people given as `.people` (no org node to name) was titled
// "绩效记分卡 · 绩效记分卡 · FY2026-Q1": the element's name stood in for the node's.
const PEOPLE: ScorecardPerson[] = [{ id: 'a', name: '王芳', hireDate: '2019-03-01', kpis: { attainment: { actual: 80, benchmark: 100 } } }];
const title = (el: Element) => (el.shadowRoot!.querySelector('[part~="title"]')!.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('qk-scorecard title (issue #20)', () => {
  it('names the element once for a list of people, in both languages', async () => {
    const zh = await fixture<QkScorecard>(html`<qk-scorecard lang="zh-CN" .people=${PEOPLE} as-of="2026-04-15" period="FY2026-Q1"></qk-scorecard>`);
    expect(title(zh)).to.equal('绩效记分卡 · FY2026-Q1');
    const en = await fixture<QkScorecard>(html`<qk-scorecard lang="en" .people=${PEOPLE} as-of="2026-04-15" period="FY2026-Q1"></qk-scorecard>`);
    expect(title(en)).to.equal('Scorecard · FY2026-Q1');
  });
});
