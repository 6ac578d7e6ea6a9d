/**
 * The adjustment panel's node search on a 20,000-node org and a 10,000-level chain (issue 12 item
 * 5): no ancestor walks, folded text bounded per node, long queries read back only as far as they
 * reach. The scale layer (`npm run test:scale`); the definition on random and deep orgs is checked
 * in node-search.model.test.ts. Work is counted, never timed.
 */
import { expect } from '@open-wc/testing';
import { PATH_TAIL, searchNodes } from '../../../src/components/adjustment-panel/node-search.js';
import { buildOrgIndex } from '../../../src/engine/plan/rollup.js';
import type { OrgNode } from '../../../src/engine/plan/model.js';
import { largeOrg, LARGE_ORG_NAMED } from '../../fixtures/large-org.js';
import { countingAncestors, runFold } from './node-search.support.js';

/** A 10,000-level chain: 深链集团 (co), then 第1层 (n1) under it, 第2层 (n2) under that, … 第9999层 (n9999). */
function chain(): OrgNode[] {
  return Array.from({ length: 10_000 }, (_, i) => ({
    id: i === 0 ? 'co' : `n${i}`,
    name: i === 0 ? '深链集团' : `第${i}层`,
    parentId: i === 0 ? null : i === 1 ? 'co' : `n${i - 1}`,
    kind: i === 0 ? 'company' : 'team',
  }));
}

describe('the adjustment panel’s node search at scale', () => {
  it('searches 20,000 nodes without walking any ancestors (it walked one node’s ancestors per node read)', () => {
    const { plan } = largeOrg({ nodes: 20_000 });
    const { ix, calls } = countingAncestors(buildOrgIndex(plan.org));
    // 赵辰 sits in the 58th team: every node before it and after it is read and does not match.
    const r = searchNodes(ix, LARGE_ORG_NAMED.name, () => true);
    expect(r).to.deep.equal({ ids: [LARGE_ORG_NAMED.id], more: false });
    expect(calls(), 'ancestors walked').to.equal(0);
    // A path match: every node under 销售58部 (and the team itself), the first 50 of them.
    const team = plan.org.find((n) => n.name === '销售58部')!;
    const under = searchNodes(ix, '销售58部', () => true);
    expect(under.more).to.equal(true);
    expect(under.ids[0]).to.equal(team.id);
    expect(under.ids.slice(1).every((id) => plan.org.find((n) => n.id === id)!.parentId === team.id)).to.equal(true);
    expect(calls()).to.equal(0);
  });

  it('keeps at most PATH_TAIL characters of path per node: a 10,000-level chain folds in bounded text (whole paths were ~400 million characters)', () => {
    const org = chain();
    const folded = runFold(buildOrgIndex(org));
    // Every value the fold keeps, whatever its field is called: names and path ends, per node.
    let chars = 0;
    for (const v of Object.values(folded)) if (Array.isArray(v)) for (const x of v) chars += String(x).length;
    // 10,000 names of at most 7 characters, and 10,000 ends of at most PATH_TAIL characters.
    expect(chars).to.be.at.most(10_000 * (7 + PATH_TAIL));
  });

  it('answers a 10,000-level chain as the definition does: the root’s name from the deepest node, a query across one join, a query longer than the ends kept', () => {
    const org = chain();
    const ix = buildOrgIndex(org);
    const deepOnly = (id: string) => id === 'n9999';
    // The root's name is at the start of the deepest node's path, 80,000 characters before its end.
    expect(searchNodes(ix, '深链集团', deepOnly)).to.deep.equal({ ids: ['n9999'], more: false });
    // Across a join: n9999's path ends 第9997层 / 第9998层. (n9998's path ends 第9997层 and its name is
    // 第9998层: a name and a path are read apart, as the definition reads them.)
    expect(searchNodes(ix, '9997层 / 第99', () => true)).to.deep.equal({ ids: ['n9999'], more: false });
    // Longer than PATH_TAIL + 1 characters: the ends kept are too short; the path's end is read.
    const long = Array.from({ length: 60 }, (_, k) => `第${9000 + k}层`).join(' / ');
    expect(long.length).to.be.above(PATH_TAIL + 1);
    // 第9000层 … 第9059层 is in the path of n9060 (whose parent is n9059) and of every node below it.
    expect(searchNodes(ix, long, () => true, 3)).to.deep.equal({ ids: ['n9060', 'n9061', 'n9062'], more: true });
    expect(searchNodes(ix, long, (id) => id === 'n9999' || id === 'n9059', 3)).to.deep.equal({ ids: ['n9999'], more: false });
  });

  it('answers a query longer than the ends kept by reading back only as far as the query reaches, not whole paths', () => {
    const org = chain();
    const { ix, calls } = countingAncestors(buildOrgIndex(org));
    let parents = 0;
    const counted = new Proxy(ix, {
      get(t, key, r) {
        if (key === 'parent') return (id: string) => (parents++, t.parent(id));
        return Reflect.get(t, key, r);
      },
    });
    runFold(counted);
    // 537 characters: 60 names of 6 characters and 59 joins of 3.
    const long = Array.from({ length: 60 }, (_, k) => `第${1000 + k}层`).join(' / ');
    expect(long.length).to.equal(537);
    expect(searchNodes(counted, long, () => true, 1)).to.deep.equal({ ids: ['n1060'], more: true });
    // Whole paths walked every ancestor of every node read: ~1,060 × 530 = 560,000 steps here (and
    // 50 million for a query that matches nothing). The end a node needs is 536 characters: names
    // of 3 to 6 characters and a 3-character join each, so at most 536 / 6 + 1 = 90 steps up per node
    // read (60 for nodes past n1000), for the 1,060 read whose parent's path does not match yet.
    expect(calls()).to.equal(0);
    expect(parents).to.be.at.most(1_060 * 90);
    parents = 0;
    expect(searchNodes(counted, `${long} / 没有`, () => true, 1)).to.deep.equal({ ids: [], more: false });
    expect(parents).to.be.at.most(10_000 * 90);
  });

});
