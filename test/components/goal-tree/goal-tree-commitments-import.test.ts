/**
 * Issue 16 item 1: reps' commitments imported from a file (CSV or .xlsx) in the tree's inputs form,
 * all or nothing with problems by row, saved through the adapter with the signed-in user's rights;
 * the bottom-up column then shows the commitments and their disagreement with top-down.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-goal-tree.js';
import '../../../src/define/qk-provider.js';
import type { QkGoalTree } from '../../../src/components/goal-tree/goal-tree.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { writeXlsx } from '../../../src/export/xlsx.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const root = (el: QkGoalTree) => el.shadowRoot!;
const rowOf = (tree: QkGoalTree, name: string) =>
  [...root(tree).querySelectorAll<HTMLElement>('.body [role="row"]')].findIndex((r) => text(r.querySelector('[part~="name"]')) === name);
const cellAt = (el: QkGoalTree, r: number, c: number) => root(el).querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;

async function treeAs(user: string, locale: string) {
  const { plan, actuals } = smallFixture();
  const adapter = new MemoryAdapter(plan, actuals, { user });
  const provider = await fixture<QkProvider>(html`<qk-provider locale=${locale} as-of="2026-03-31" autosave-ms="0">
    <qk-goal-tree switches views="top-down bottom-up market blended" granularity="year" expand-depth="3"></qk-goal-tree>
  </qk-provider>`);
  provider.adapter = adapter;
  await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded');
  const tree = provider.querySelector<QkGoalTree>('qk-goal-tree')!;
  await waitUntil(() => root(tree).querySelector('[part="import-commitments"]'), 'the inputs form never rendered');
  return { provider, tree, adapter };
}

/** Picks a file in the form's hidden file input, as a person would through the dialog. */
async function importFile(tree: QkGoalTree, file: File): Promise<string> {
  const input = root(tree).querySelector<HTMLInputElement>('input[part~="import-commitments-file"]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
  await waitUntil(() => root(tree).querySelector('[part="inputs-message"]'), 'no answer to the import', { timeout: 60000 });
  await tree.updateComplete;
  return text(root(tree).querySelector('[part="inputs-message"]'));
}

const csv = (body: string) => new File([body], 'commitments.csv', { type: 'text/csv' });

describe('commitments imported in the tree (issue 16 item 1)', () => {
  it('a manager imports a CSV; the bottom-up column shows the commitments and the disagreement with top-down', async () => {
    const { tree, adapter } = await treeAs('u-east', 'en');
    const message = await importFile(tree, csv('Node ID,Name,FY2026\nr1,王芳,"2,500,000"\nr2,李强,1000000\nr3,张伟,3600000\n'));
    expect(message).to.equal('3 commitments imported and saved.');
    const saved = (await adapter.loadPlan()).commitments!;
    expect(saved.map((c) => [c.nodeId, c.value, c.by])).to.deep.equal([['r1', 250_000_000, 'u-east'], ['r2', 100_000_000, 'u-east'], ['r3', 360_000_000, 'u-east']]);
    // 上海一组: bottom-up 2,500,000 + 1,000,000 = ¥3,500,000 against top-down ¥4,000,000 → −12.5%.
    expect(text(cellAt(tree, rowOf(tree, '上海一组'), 3))).to.equal('CN¥3.5M−12.5%');
    // 杭州组: 张伟's ¥3,600,000 against ¥3,200,000 → +12.5%.
    expect(text(cellAt(tree, rowOf(tree, '杭州组'), 3))).to.equal('CN¥3.6M+12.5%');
    // 华东: 3,500,000 + 3,600,000 = ¥7,100,000 against ¥7,200,000 → −1.4% (−1.388…%).
    expect(text(cellAt(tree, rowOf(tree, '华东'), 3))).to.equal('CN¥7.1M−1.4%');
  });

  it('an .xlsx works the same way (zh-CN)', async () => {
    const { tree } = await treeAs('u-east', 'zh-CN');
    const bytes = writeXlsx([{ name: '承诺', rows: [['节点ID', '名称', 'FY2026'], ['r1', '王芳', 2_500_000], ['r2', '李强', 1_000_000]] }]);
    const message = await importFile(tree, new File([new Uint8Array(bytes)], 'commitments.xlsx'));
    expect(message).to.equal('已导入并保存 2 条承诺。');
    // 上海一组 ¥350万 against ¥400万 → −12.5%.
    expect(text(cellAt(tree, rowOf(tree, '上海一组'), 3))).to.equal('¥350万−12.5%');
  });

  it('a file with problems is refused whole, each problem by row; nothing is saved', async () => {
    const { tree, adapter } = await treeAs('u-east', 'en');
    const message = await importFile(tree, csv('Node ID,Name,2026-01,FY2026\nr1,王芳,,2500000\neast-sh,上海一组,,4000000\nr2,李强,90000,\n'));
    expect(message).to.equal('The file was not imported: there are 2 problems, the first on line 3. Nothing was changed.');
    expect([...root(tree).querySelectorAll('[part="inputs-problems"] li')].map(text)).to.deep.equal([
      'Line 3, column 4: east-sh is not a rep: only reps enter commitments.',
      'Line 4, column 3: a commitment is for the whole fiscal year (FY2026), not for 2026-01.',
    ]);
    expect((await adapter.loadPlan()).commitments ?? []).to.deep.equal([]);
  });

  it('a rep’s file with a teammate’s row is refused whole, naming the rule', async () => {
    const { tree, adapter } = await treeAs('u-r1', 'zh-CN');
    const message = await importFile(tree, csv('Node ID,Name,FY2026\nr1,王芳,2500000\nr2,李强,1000000\n'));
    expect(message).to.equal('销售人员只能填写自己的承诺，不能填写r2的。');
    expect((await adapter.loadPlan()).commitments ?? []).to.deep.equal([]);
  });
});
