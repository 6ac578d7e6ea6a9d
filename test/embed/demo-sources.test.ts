/**
 * Issue 16, item 1, in the demo (demo/index.html on ?today=2026-11-27), in zh-CN and in en: after
 * 拆解目标, the director switches the goal tree's view to the sources (top-down, bottom-up, market,
 * blended), enters a rep's own commitment and a region's market size and target share in the tree's
 * inputs form, and reads the disagreement per node. The test computes each figure from the demo's
 * data by hand: top-down is the plan's FY target; a rep's bottom-up is their commitment, a
 * teammate's is last year's actual × 1.1 (the tree's default growth, halves up), a team's the sum;
 * market is size × share; each disagreement is (view − top-down) / top-down. The cells are compared
 * with those numbers put through the kit's formatters (compact money, signed percent), so the figures
 * are the test's and only the number format is shared. Assertions take plain values out of the iframe.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openDemo, text, LONG, type Demo } from './demo-helpers.js';
import { actualOf, figureOf } from '../../src/engine/plan/plan-state.js';
import { formatMoney, formatPercent } from '../../src/engine/money/money.js';

const L = {
  'zh-CN': {
    columns: ['自上而下', '自下而上', '市场', '综合'],
    saved: (name: string) => `已保存${name}的规划输入。`,
    title: (name: string) => `${name}的规划输入`,
  },
  en: {
    columns: ['Top-down', 'Bottom-up', 'Market', 'Blended'],
    saved: (name: string) => `Inputs for ${name} saved.`,
    title: (name: string) => `Inputs for ${name}`,
  },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`demo/index.html in ${lang}: bottom-up and market inputs, and the disagreement per node (#16 item 1)`, () => {
    let demo: Demo | undefined;
    afterEach(() => demo?.close());

    it('a commitment and a market typed in the tree show as bottom-up and market beside top-down, with the disagreement computed here', async function () {
      this.timeout(1_200_000);
      const l = L[lang];
      demo = await openDemo(lang, 'today=2026-11-27');
      const { doc, store } = demo;
      await demo.decompose();
      const tree = doc.querySelector('qk-goal-tree')!;
      const root = () => tree.shadowRoot!;

      // The view switch: the sources preset.
      const viewSelect = root().querySelector<HTMLSelectElement>('[part="view-switch"] select')!;
      viewSelect.value = 'sources';
      viewSelect.dispatchEvent(new Event('change'));
      const headers = () => [...root().querySelectorAll('[role="columnheader"]')].map(text);
      await waitUntil(() => l.columns.every((c) => headers().includes(c)), `the sources columns never showed: ${headers().join(' | ')}`, LONG);
      // data-c of a value column = its header's aria-colindex − 1.
      const col = (label: string) => headers().indexOf(label);
      const [tdC, buC, mkC, blC] = l.columns.map(col);

      const s = store();
      const org = s.org;
      const region = org.find((n) => n.kind === 'region')!;
      const team = org.find((n) => n.kind === 'team' && n.parentId === region.id)!;
      const reps = org.filter((n) => n.kind === 'rep' && n.parentId === team.id);
      const rep = reps.find((n) => !n.hireDate?.startsWith('2026'))!;
      const rowOf = (name: string) => {
        const row = [...root().querySelectorAll('.body [role="row"]')].find((r) => text(r.querySelector('[part~="name"]')) === name);
        return row ? Number(row.querySelector<HTMLElement>('[data-c="0"]')!.dataset.r) : -1;
      };
      const cell = (name: string, c: number) => text(root().querySelector(`[data-r="${rowOf(name)}"][data-c="${c}"]`));
      await waitUntil(() => rowOf(team.name) >= 0, `the team ${team.name} never showed`, LONG);
      if (rowOf(rep.name) < 0) {
        root().querySelector<HTMLElement>(`[data-r="${rowOf(team.name)}"] [part="toggle"]`)!.click();
        await waitUntil(() => rowOf(rep.name) >= 0, `the rep ${rep.name} never showed`, LONG);
      }

      const select = async (name: string) => {
        root().querySelector<HTMLElement>(`[data-r="${rowOf(name)}"][data-c="1"]`)!.focus();
        await waitUntil(() => text(root().querySelector('[part="inputs"] strong')) === l.title(name), `the inputs form never showed ${name}`, LONG);
      };
      const fill = async (name: string, values: Record<string, string>) => {
        for (const [part, v] of Object.entries(values)) root().querySelector<HTMLInputElement>(`[part~="${part}"] input`)!.value = v;
        root().querySelector<HTMLButtonElement>('[part="save-inputs"]')!.click();
        await waitUntil(() => text(root().querySelector('[part="inputs-message"]')) === l.saved(name), `the inputs of ${name} were never saved: ${text(root().querySelector('[part="inputs-message"]'))}`, LONG);
      };

      // The rep's own commitment for the year: ¥3,000,000 (typed in yuan, kept in fen).
      await select(rep.name);
      await fill(rep.name, { 'input-commitment': '3000000' });
      // The region's market: ¥400,000,000 at a 20 % share.
      await select(region.name);
      await fill(region.name, { 'input-market-size': '400000000', 'input-market-share': '20' });
      const fy = `FY${s.plan!.fiscalYear}`;
      const snap = store().snapshot!;
      expect(snap.commitments?.map((c) => [c.nodeId, c.period, c.metric, c.value])).to.deep.equal([[rep.id, fy, 'revenue', 300_000_000]]);
      expect(snap.market?.map((m) => [m.nodeId, m.size, m.share])).to.deep.equal([[region.id, 40_000_000_000, 0.2]]);

      // The figures, by hand from the demo's data.
      const state = store().state!;
      const topDown = (id: string) => figureOf(state, { nodeId: id, period: fy }).target!;
      const lastFy = `FY${s.plan!.fiscalYear - 1}`;
      // round(last × 11 / 10), halves up.
      const grown = (id: string) => Math.floor((22 * Math.max(0, actualOf(state, id, lastFy) ?? 0) + 10) / 20);
      const bottomUp = (id: string): number => {
        const kids = org.filter((n) => n.parentId === id);
        if (kids.length) return kids.reduce((sum, k) => sum + bottomUp(k.id), 0);
        return id === rep.id ? 300_000_000 : grown(id);
      };
      const market = 40_000_000_000 * 0.2;
      const currency = s.plan!.currency;
      const money = (v: number) => formatMoney(v, { currency, locale: lang, compact: true });
      const diff = (v: number, td: number) => formatPercent((v - td) / td, lang, 1, { signed: true });

      const expected = {
        rep: [money(topDown(rep.id)), money(300_000_000) + diff(300_000_000, topDown(rep.id))],
        team: [money(topDown(team.id)), money(bottomUp(team.id)) + diff(bottomUp(team.id), topDown(team.id))],
        region: [money(topDown(region.id)), money(bottomUp(region.id)) + diff(bottomUp(region.id), topDown(region.id)), money(market) + diff(market, topDown(region.id))],
      };
      const shown = () => ({
        rep: [cell(rep.name, tdC), cell(rep.name, buC)],
        team: [cell(team.name, tdC), cell(team.name, buC)],
        region: [cell(region.name, tdC), cell(region.name, buC), cell(region.name, mkC)],
      });
      await waitUntil(() => JSON.stringify(shown()) === JSON.stringify(expected), `the tree never showed the computed views: ${JSON.stringify(shown())} ≠ ${JSON.stringify(expected)}`, LONG).catch(() => undefined);
      expect(shown()).to.deep.equal(expected);
      // The rep and the team have no market of their own; every row has a blended figure.
      expect([cell(rep.name, mkC), cell(team.name, mkC)]).to.deep.equal(['—', '—']);
      expect([rep.name, team.name, region.name].map((n) => cell(n, blC) !== '—' && cell(n, blC) !== '')).to.deep.equal([true, true, true]);
      // The disagreement is real: the commitment is not the plan's figure, nor the market the region's.
      expect(300_000_000).to.not.equal(topDown(rep.id));
      expect(market).to.not.equal(topDown(region.id));
      expect(demo.page.errors).to.deep.equal([]);
    });
  });
}
