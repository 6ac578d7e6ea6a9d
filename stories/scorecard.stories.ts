import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/qk-scorecard.js';
import { QkStore } from '../src/store/store.js';
import { generateSampleCompany } from '../src/sample/sample-data.js';
import type { ScorecardPerson } from '../src/engine/scorecard/scorecard.js';
import { largeOrg } from '../test/fixtures/large-org.js';
import { expect, waitFor } from 'storybook/test';
import { expectState, LONG, part, settled, stateOf, text } from './support/play.js';
import { SAME_KPIS } from '../test/fixtures/scorecard.js';

/**
 * `qk-scorecard`: weighted result, process and quality KPIs per person, weighted differently for
 * new hires and veterans, and the team's ranking.
 */
const meta: Meta = {
  title: 'Elements/qk-scorecard',
  component: 'qk-scorecard',
  parameters: { docs: { description: { component: 'Composite KPI score per person with weight profiles by tenure and role; team ranking.' } } },
  argTypes: {
    profile: { control: 'inline-radio', options: ['auto', 'new-hire', 'standard', 'veteran'] },
    lang: { control: 'inline-radio', options: ['', 'zh-CN', 'en'] },
  },
  play: async ({ canvasElement, name, parameters }) => expectState(await settled(canvasElement, 'qk-scorecard'), parameters.qkState ?? stateOf(name)),
};
export default meta;

const sampleStore = (options: Parameters<typeof generateSampleCompany>[0] = {}) => {
  const { plan, actuals } = generateSampleCompany(options);
  const store = new QkStore({ asOf: '2026-11-27', autosaveMs: false });
  store.setData(plan, actuals);
  return store;
};

/** The same numbers for a new hire and a veteran: 100.5 against 62.8 (CLV ¥120,000 of ¥150,000 counts for the veteran only). */
const SAME = SAME_KPIS;
const PEOPLE: ScorecardPerson[] = [
  { id: 'n', name: '李强（新人）', hireDate: '2026-01-05', role: 'rep', kpis: SAME, previous: { ...SAME, attainment: { actual: 60, benchmark: 100 } } },
  { id: 'v', name: '王芳（资深）', hireDate: '2019-03-01', role: 'senior', kpis: SAME, previous: { ...SAME, crossSell: { actual: 2, benchmark: 2 } } },
  { id: 's', name: '张伟', hireDate: '2024-07-12', role: 'rep', kpis: { ...SAME, attainment: { actual: 105, benchmark: 100 } } },
];

/** A team of the sample company, ranked, FY2026-Q3. */
export const Team: StoryObj = { render: () => html`<qk-scorecard .store=${sampleStore()} node="team-1-1" period="FY2026-Q3" style="max-width: 820px"></qk-scorecard>` };

/**
 * Same numbers, different weights: a new hire and a veteran. The controls set the weight profile and
 * the language; the play forces the veteran profile on everyone, so the two with the same numbers tie.
 */
export const NewHireVsVeteran: StoryObj = {
  args: { profile: 'auto', lang: 'en', period: 'FY2026-Q1', asOf: '2026-04-15' },
  render: (args) => html`<qk-scorecard lang=${args.lang} profile=${args.profile} .people=${PEOPLE} as-of=${args.asOf} period=${args.period} style="max-width: 820px"></qk-scorecard>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'qk-scorecard');
    await expectState(el, 'ready');
    await expect(text(part(el, '[part~="title"]'))).toBe('Scorecard · FY2026-Q1');
    const score = (who: string) => text([...el.shadowRoot!.querySelectorAll('table.ranking tbody tr')].find((tr) => text(tr.children[1]).startsWith(who))?.children[3]);
    const scores = () => [score('李强'), score('王芳')];
    // The same numbers: the new hire's weights give 100.5, the veteran's 62.8 (test/engine/scorecard.test.ts).
    await expect(scores()).toEqual(['100.5', '62.8']);
    const veteran = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="profile-switch"] input')].find((i) => i.value === 'veteran')!;
    veteran.click();
    await el.updateComplete;
    await waitFor(() => expect(scores().slice(0, 2)).toEqual(['62.8', '62.8']), LONG);
  },
};

/** One person's card. */
export const Person: StoryObj = {
  render: () => {
    const store = sampleStore();
    const rep = store.org.find((n) => n.kind === 'rep')!;
    return html`<qk-scorecard .store=${store} node=${rep.id} period="FY2026-Q3" style="max-width: 820px"></qk-scorecard>`;
  },
};

/** A region of 200 reps. */
export const LargeTeam: StoryObj = {
  render: () => html`<qk-scorecard .store=${sampleStore({ regions: 2, teamsPerRegion: 10, repsPerTeam: 10 })} node="region-1" period="FY2026-Q3" style="max-width: 820px"></qk-scorecard>`,
};

/**
 * A company of 10,000 (1 company → 100 teams → 9,899 reps, test/fixtures/large-org.ts): the
 * ranking shows 50 people a page; search for 赵辰 to find a rep deep in the org. The story stops at
 * 10,000, the largest org the scorecard renders within the 3 s story budget on a 2-core machine;
 * 100,000 is measured by `npm run bench:scale` (figures in docs/performance.md).
 */
export const HugeOrg: StoryObj = {
  tags: ['heavy'],
  name: 'Large org (10,000)',
  render: () => {
    const { plan, actuals } = largeOrg({ nodes: 10_000 });
    const store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    store.setData(plan, actuals);
    return html`<qk-scorecard .store=${store} node="co" period="FY2026-Q1" style="max-width: 820px"></qk-scorecard>`;
  },
};

export const ZhCN: StoryObj = { name: 'zh-CN', render: () => html`<qk-scorecard lang="zh-CN" .people=${PEOPLE} as-of="2026-04-15" period="FY2026-Q1"></qk-scorecard>` };

export const English: StoryObj = { render: () => html`<qk-scorecard lang="en" .people=${PEOPLE} as-of="2026-04-15" period="FY2026-Q1"></qk-scorecard>` };

export const Dark: StoryObj = {
  render: () => html`<div class="qk-theme-dark" style="background:#0d1117; padding: 12px"><qk-scorecard .people=${PEOPLE} as-of="2026-04-15" period="FY2026-Q1"></qk-scorecard></div>`,
};

export const Empty: StoryObj = { render: () => html`<qk-scorecard .people=${[]} as-of="2026-04-15"></qk-scorecard>` };

export const Loading: StoryObj = {
  render: () => {
    const store = new QkStore({ autosaveMs: false });
    store.setLoading();
    return html`<qk-scorecard .store=${store}></qk-scorecard>`;
  },
};

/** A negative KPI value from the host: a localized message and qk-error. */
export const ErrorState: StoryObj = {
  name: 'Error',
  render: () => html`<qk-scorecard .people=${[{ id: 'x', name: 'X', kpis: { activity: { actual: -3, benchmark: 10 } } }]} as-of="2026-04-15"></qk-scorecard>`,
};
