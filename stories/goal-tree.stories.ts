import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/qk-goal-tree.js';
import { QkStore } from '../src/store/store.js';
import { generateSampleCompany } from '../src/sample/sample-data.js';
import { fiscalYearMonths } from '../src/engine/calendar/periods.js';
import { decomposePlan } from '../src/engine/plan/edit.js';
import type { PlanSnapshot, TargetCell } from '../src/engine/plan/model.js';
import { smallFixture } from '../test/fixtures/small-plan.js';
import { expect, waitFor } from 'storybook/test';
import { expectState, LONG, part, settled, stateOf, text } from './support/play.js';

/** The sample company 星辰科技 (about 80 reps) decomposed once, so the tree is full. */
function decomposed(options: Parameters<typeof generateSampleCompany>[0] = {}) {
  const data = generateSampleCompany(options);
  const { plan } = data;
  const r = decomposePlan({
    nodes: plan.org,
    total: plan.targets[0].value,
    fiscalYear: `FY${plan.plan.fiscalYear}`,
    months: fiscalYearMonths(plan.plan.fiscalYear, plan.plan.calendar),
    method: 'capacity',
    asOf: '2026-11-27',
  });
  const targets: TargetCell[] = r.ok ? r.value.cells : plan.targets;
  return { plan: { ...plan, targets } as PlanSnapshot, actuals: data.actuals };
}

const store = (data: ReturnType<typeof decomposed>, lock: (c: TargetCell) => boolean = () => false) => {
  const s = new QkStore({ autosaveMs: false, asOf: '2026-11-27' });
  s.setData({ ...data.plan, targets: data.plan.targets.map((c) => (lock(c) ? { ...c, locked: true } : c)) }, data.actuals);
  return s;
};

const meta: Meta = {
  title: 'Elements/qk-goal-tree',
  component: 'qk-goal-tree',
  argTypes: {
    granularity: { control: 'inline-radio', options: ['year', 'quarter', 'month'] },
    metric: { control: 'select', options: ['revenue', 'collections', 'leads', 'visits', 'won'] },
    editMode: { control: 'inline-radio', options: ['rebalance-siblings', 'parent-absorbs'] },
    views: { control: 'text' },
    expandDepth: { control: { type: 'number', min: 0, max: 9 } },
    lang: { control: 'inline-radio', options: ['', 'zh-CN', 'en'] },
  },
  args: { granularity: 'quarter', metric: 'revenue', editMode: 'rebalance-siblings', views: 'actual attainment', expandDepth: 2, readonly: false, lang: '' },
  render: (args) => html`<qk-goal-tree
    granularity=${args.granularity}
    metric=${args.metric}
    edit-mode=${args.editMode}
    views=${args.views}
    expand-depth=${args.expandDepth}
    lang=${args.lang}
    ?readonly=${args.readonly}
    .store=${store(decomposed())}
  ></qk-goal-tree>`,
  play: async ({ canvasElement, name, parameters }) => expectState(await settled(canvasElement, 'qk-goal-tree'), parameters.qkState ?? stateOf(name)),
};

const cellAt = (el: Element, r: number, c: number) => part(el, `[data-r="${r}"][data-c="${c}"]`);
const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
export default meta;
type Story = StoryObj;

/** The decomposed sample plan: regions and teams open, actual and attainment beside the total. */
export const Default: Story = {};

/**
 * The small plan of the tests (星河科技 ¥7,200,000: 华东 with 上海一组 ¥4,000,000 and 杭州组
 * ¥3,200,000; 华南). The play edits as a user does — Enter on 上海一组's year target, type 450万, Enter —
 * and the sibling gives up the difference: 杭州组 ¥3,200,000 → ¥2,700,000, 华东 stays ¥7,200,000.
 */
export const EditATarget: Story = {
  args: { granularity: 'year', lang: 'en', expandDepth: 2 },
  render: (args) => html`<qk-goal-tree granularity=${args.granularity} expand-depth=${args.expandDepth} lang=${args.lang} edit-mode=${args.editMode} .data=${smallFixture()}></qk-goal-tree>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'qk-goal-tree');
    await expectState(el, 'ready');
    const changes: { nodeId: string; newValue: number | null }[] = [];
    el.addEventListener('qk-target-change', (e) => changes.push((e as CustomEvent).detail));
    await expect(text(cellAt(el, 2, 1))).toMatch(/^CN¥4M/);
    cellAt(el, 2, 1).focus();
    key(cellAt(el, 2, 1), 'Enter');
    await el.updateComplete;
    const input = await waitFor(() => part<HTMLInputElement>(el, 'input[part="input"]'), LONG);
    await expect(input.value).toBe('4000000');
    input.value = '450万';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    key(input, 'Enter');
    await el.updateComplete;
    await waitFor(() => expect(changes.slice(0, 2).map((c) => [c.nodeId, c.newValue])).toEqual([['east-sh', 450_000_000], ['east-hz', 270_000_000]]), LONG);
    await expect(text(cellAt(el, 3, 1))).toMatch(/^CN¥2\.7M/);
    await expect(text(cellAt(el, 1, 1))).toMatch(/^CN¥7\.2M/);
  },
};

/** The raw sample data from `.data`: only the company's annual target, so "decompose plan" is offered. */
export const SampleCompany: Story = {
  render: () => html`<qk-goal-tree granularity="quarter" .data=${generateSampleCompany()}></qk-goal-tree>`,
};

/** 1 company → 20 regions → 500 teams → 10,000 reps, all expanded, 12 month columns. */
export const LargeOrg: Story = {
  tags: ['heavy'],
  render: () => {
    const big = decomposed({ regions: 20, teamsPerRegion: 25, repsPerTeam: 20, historyYears: 1, dealsPerRepMonth: 0.1, opportunitiesPerRep: 1 });
    return html`<qk-goal-tree granularity="month" expand-depth="9" style="--qk-goal-tree-max-height: 640px" .store=${store(big)}></qk-goal-tree>`;
  },
};

/** 华南's regional year target and every March target of 华东一部 are locked (🔒): edits rebalance around them. */
export const LockedCells: Story = {
  render: () => html`<qk-goal-tree granularity="month" expand-depth="3"
    .store=${store(decomposed(), (c) => (c.nodeId === 'region-2' && c.period === 'FY2026') || (c.period === '2026-03' && c.nodeId.startsWith('rep-1-1-')))}
  ></qk-goal-tree>`,
};

/**
 * Late in the year (as of 1 December): January–November are closed, so changing a year target
 * moves only December, and a target below what the closed months hold is refused. Typing into
 * 华南's locked year target is refused with an Unlock action.
 */
export const ClosedMonths: Story = {
  render: () => {
    const data = decomposed({ asOf: '2026-12-01' });
    const s = new QkStore({ autosaveMs: false, asOf: '2026-12-01' });
    s.setData({ ...data.plan, targets: data.plan.targets.map((c) => (c.nodeId === 'region-2' && c.period === 'FY2026' && !c.product ? { ...c, locked: true } : c)) }, data.actuals);
    return html`<qk-goal-tree granularity="month" expand-depth="2" .store=${s}></qk-goal-tree>`;
  },
};

/** Dual view: targets revised by approved adjustments show the revised value with the original struck through. */
export const RevisedTargets: Story = {
  render: () => {
    const data = decomposed();
    const revised = (c: TargetCell) => !c.product && (c.period === 'FY2026' || c.period === 'FY2026-Q4') && (c.nodeId === 'region-1' || c.nodeId === 'region-2');
    return html`<qk-goal-tree granularity="quarter" expand-depth="2"
      .store=${store({ ...data, plan: { ...data.plan, targets: data.plan.targets.map((c) => (revised(c) ? { ...c, original: c.value + 50_000_000 } : c)) } })}
    ></qk-goal-tree>`;
  },
};

/** Every view column: top-down, bottom-up (last year × 1.1, with its difference) and the blend. */
export const Views: Story = {
  render: () => html`<qk-goal-tree granularity="year" expand-depth="2" views="actual attainment top-down bottom-up blended" .store=${store(decomposed())}></qk-goal-tree>`,
};

export const Loading: Story = {
  render: () => {
    const s = new QkStore();
    s.setLoading();
    return html`<qk-goal-tree .store=${s}></qk-goal-tree>`;
  },
};

/** Host data that fails validation: a localized message and `qk-error`. */
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<qk-goal-tree .data=${{ plan: { plan: { id: 'x' }, org: 'not a list' } }}></qk-goal-tree>`,
};

/** A plan without an organization. */
export const Empty: Story = {
  render: () => {
    const s = new QkStore();
    const { plan } = generateSampleCompany({ regions: 1, teamsPerRegion: 1, repsPerTeam: 1 });
    s.setData({ ...plan, org: [] });
    return html`<qk-goal-tree .store=${s}></qk-goal-tree>`;
  },
};

export const ZhCN: Story = {
  render: () => html`<qk-goal-tree lang="zh-CN" granularity="month" expand-depth="3" .store=${store(decomposed())}></qk-goal-tree>`,
};

export const Dark: Story = {
  render: () => html`<div class="qk-theme-dark" style="background: #0d1117; padding: 16px">
    <qk-goal-tree granularity="quarter" expand-depth="3" views="actual attainment" .store=${store(decomposed())}></qk-goal-tree>
  </div>`,
};
