/**
 * Audit of issue 12 in the UI: 周敏 (manager of 华东) has an unsaved 上海一组 FY2026 of ¥4,100,000
 * when the administrator locks the cell at ¥4,000,000 (pushed by the host). The edit is refused by
 * the lock like a new one — the tree shows ¥4,000,000 again, says why in Chinese, and nothing
 * reaches the host (which trusts the kit and checks nothing) — instead of the store unlocking the
 * cell on her behalf and saving over the lock.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/qk-goal-tree.js';
import '../../src/define/qk-provider.js';
import type { QkGoalTree } from '../../src/components/goal-tree/goal-tree.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { sliceActuals, upsertCells } from '../../src/adapter/memory-adapter.js';
import type { AdapterUpdate, CrmAdapter } from '../../src/adapter/adapter.js';
import type { PlanSnapshot, TargetCell, TargetChange, User } from '../../src/engine/plan/model.js';
import { smallFixture } from '../fixtures/small-plan.js';

const EAST: User = { id: 'u-east', name: '周敏', roles: ['manager'], canView: ['east'], canEdit: ['east'] };
const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('audit: a lock set at the host while an edit waits (qk-goal-tree, zh-CN)', () => {
  it('the waiting ¥4,100,000 is refused by the lock, shown as refused, and never sent', async () => {
    const { plan: seed, actuals } = smallFixture();
    let plan: PlanSnapshot = structuredClone(seed);
    const listeners = new Set<(u: AdapterUpdate) => void>();
    const sent: TargetChange[] = [];
    const put = (targets: TargetCell[]) => {
      plan = { ...plan, plan: { ...plan.plan, version: plan.plan.version + 1 }, targets };
      for (const l of [...listeners]) l({ type: 'plan', snapshot: structuredClone(plan) });
      return { version: plan.plan.version };
    };
    const adapter: CrmAdapter = {
      loadPlan: async () => structuredClone(plan),
      loadActuals: async (range) => sliceActuals(actuals, range),
      currentUser: async () => EAST,
      notify: async () => undefined,
      saveTargets: async (change) => {
        sent.push(structuredClone(change));
        return put(upsertCells(plan.targets, change.cells));
      },
      subscribe: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
    const provider = await fixture<QkProvider>(html`<qk-provider locale="zh-CN" as-of="2026-03-31" autosave-ms="0">
      <qk-goal-tree granularity="year" expand-depth="3"></qk-goal-tree>
    </qk-provider>`);
    provider.adapter = adapter;
    await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded', { timeout: 60_000 });
    const tree = provider.querySelector<QkGoalTree>('qk-goal-tree')!;
    const store = provider.store;
    expect(store.applyCells([{ nodeId: 'east-sh', period: 'FY2026', metric: 'revenue', value: 410_000_000 }]).ok).to.equal(true);
    expect(store.pendingCount).to.equal(1);
    const refused = oneEvent(provider, 'qk-error');
    put(upsertCells(plan.targets, [{ nodeId: 'east-sh', period: 'FY2026', metric: 'revenue', value: 400_000_000, source: 'blend', locked: true }]));
    const event = await refused;
    expect(event.detail.code).to.equal('edit-locked');
    expect(event.detail.message).to.contain('上海一组');
    expect(event.detail.message).to.contain('已锁定');
    await tree.updateComplete;
    await waitUntil(() => text(tree.shadowRoot!.querySelector('[part~="save-status"]')).includes('已锁定'), 'the save status never said why', { timeout: 60_000 });
    expect(store.getCell('east-sh', 'FY2026', 'revenue')).to.deep.include({ value: 400_000_000, locked: true });
    expect(store.pendingCount).to.equal(0);
    await store.save();
    expect(sent).to.deep.equal([]);
    expect(plan.targets.find((t) => t.nodeId === 'east-sh' && t.period === 'FY2026' && t.metric === 'revenue' && !t.product)).to.deep.include({ value: 400_000_000, locked: true });
  });
});
