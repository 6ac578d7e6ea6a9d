/**
 * Issue 12 item 5: the adjustment panel's node picker at 100,000 nodes. The search walked every
 * node's ancestors and joined their names again on every keystroke (120–180 ms of CPU in Node for
 * a name that matches once); it now reads names and paths folded once per index
 * (`nodePathSteps`, in slices of `PATH_CHUNK`), with the same matches as the definition: the
 * node's name or its `nodePath` contains the query. Work is counted, never timed.
 */
import { expect } from '@open-wc/testing';
import { NODE_OPTION_LIMIT, PATH_CHUNK, PATH_TAIL, nodePath, nodePathSteps, searchNodes } from '../../../src/components/adjustment-panel/node-search.js';
import { buildOrgIndex, type OrgIndex } from '../../../src/engine/plan/rollup.js';
import { createRandom } from '../../../src/engine/shared/random.js';
import type { OrgNode } from '../../../src/engine/plan/model.js';
import { largeOrg, LARGE_ORG_NAMED } from '../../fixtures/large-org.js';

/** The index with its `ancestors` calls counted (what the old search did once per node it read). */
function countingAncestors(ix: OrgIndex): { ix: OrgIndex; calls: () => number } {
  let calls = 0;
  const counted = new Proxy(ix, {
    get(t, key, r) {
      if (key === 'ancestors') return (id: string) => (calls++, t.ancestors(id));
      return Reflect.get(t, key, r);
    },
  });
  return { ix: counted, calls: () => calls };
}

/** The definition: the first `limit` nodes in org order whose name or path contains the query. */
function reference(ix: OrgIndex, query: string, allowed: (id: string) => boolean, limit = NODE_OPTION_LIMIT) {
  const q = query.trim().toLocaleLowerCase();
  const ids: string[] = [];
  for (const id of ix.order) {
    const name = (ix.byId.get(id)?.name ?? id).toLocaleLowerCase();
    if (q && !name.includes(q) && !nodePath(ix, id).toLocaleLowerCase().includes(q)) continue;
    if (!allowed(id)) continue;
    if (ids.length === limit) return { ids, more: true };
    ids.push(id);
  }
  return { ids, more: false };
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

  it('folds the names and paths in steps of at most PATH_CHUNK nodes, once per index', () => {
    const { plan } = largeOrg({ nodes: 10_000 });
    const ix = buildOrgIndex(plan.org);
    const steps = nodePathSteps(ix);
    let last = 0;
    let count = 0;
    for (let s = steps.next(); ; s = steps.next()) {
      if (s.done) {
        expect(s.value.names.length).to.equal(10_000);
        break;
      }
      expect(s.value.done - last).to.be.at.most(PATH_CHUNK);
      last = s.value.done;
      count++;
    }
    expect(count).to.equal(Math.ceil(10_000 / PATH_CHUNK) - 1);
    // Kept: a second run returns at once.
    expect(nodePathSteps(ix).next().done).to.equal(true);
  });

  it('matches the definition on random orgs (names, paths, case, limits, permissions)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = createRandom(seed);
      const words = ['East', 'west', 'Shanghai', '上海', '华东', 'Team', 'ab', 'AB', 'a / b'];
      const org: OrgNode[] = [{ id: 'co', name: 'Co', parentId: null, kind: 'company' }];
      for (let i = 0; i < 200; i++) {
        const parent = org[rnd.int(0, org.length - 1)];
        org.push({ id: `n${i}`, name: `${rnd.pick(words)}${rnd.int(0, 9)}`, parentId: parent.id, kind: 'team' });
      }
      const ix = buildOrgIndex(org);
      const allowed = (id: string) => id.length % 3 !== 0;
      for (const q of ['', 'east', 'EAST', ' shanghai ', '上海', 'co / ', 'a / b', 'ab', 'zz', 'co', '1']) {
        for (const limit of [3, 50]) {
          expect(searchNodes(ix, q, allowed, limit), `seed ${seed}, "${q}", limit ${limit}`).to.deep.equal(reference(ix, q, allowed, limit));
        }
      }
    }
  });

  it('keeps at most PATH_TAIL characters of path per node: a 10,000-level chain folds in bounded text (whole paths were ~400 million characters)', () => {
    const org: OrgNode[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: i === 0 ? 'co' : `n${i}`,
      name: i === 0 ? '深链集团' : `第${i}层`,
      parentId: i === 0 ? null : i === 1 ? 'co' : `n${i - 1}`,
      kind: i === 0 ? 'company' : 'team',
    }));
    const folded = runFold(buildOrgIndex(org));
    // Every value the fold keeps, whatever its field is called: names and path ends, per node.
    let chars = 0;
    for (const v of Object.values(folded)) if (Array.isArray(v)) for (const x of v) chars += String(x).length;
    // 10,000 names of at most 7 characters, and 10,000 ends of at most PATH_TAIL characters.
    expect(chars).to.be.at.most(10_000 * (7 + PATH_TAIL));
  });

  it('answers a 10,000-level chain as the definition does: the root’s name from the deepest node, a query across one join, a query longer than the ends kept', () => {
    const org: OrgNode[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: i === 0 ? 'co' : `n${i}`,
      name: i === 0 ? '深链集团' : `第${i}层`,
      parentId: i === 0 ? null : i === 1 ? 'co' : `n${i - 1}`,
      kind: i === 0 ? 'company' : 'team',
    }));
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
    const org: OrgNode[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: i === 0 ? 'co' : `n${i}`,
      name: i === 0 ? '深链集团' : `第${i}层`,
      parentId: i === 0 ? null : i === 1 ? 'co' : `n${i - 1}`,
      kind: i === 0 ? 'company' : 'team',
    }));
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

  it('matches the definition on deep random chains, near and past the ends kept (queries across joins far up)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rnd = createRandom(seed);
      const org: OrgNode[] = [{ id: 'co', name: 'Co', parentId: null, kind: 'company' }];
      for (let i = 0; i < 400; i++) {
        // Mostly a chain, with some side branches.
        const parent = rnd.int(0, 9) < 8 ? org[org.length - 1] : org[rnd.int(0, org.length - 1)];
        org.push({ id: `n${i}`, name: `${rnd.pick(['ab', 'East', '上海', 'x'])}${i}`, parentId: parent.id, kind: 'team' });
      }
      const ix = buildOrgIndex(org);
      const queries = ['co / ', 'ab3', 'east1 / 上海', '4 / x', 'co / ab0', org.slice(1, 40).map((n) => n.name.toLowerCase()).join(' / ')];
      for (const q of queries) expect(searchNodes(ix, q, () => true, 400), `seed ${seed}, "${q.slice(0, 30)}"`).to.deep.equal(reference(ix, q, () => true, 400));
    }
  });
});

/** `nodePathSteps` run to its end. */
function runFold(ix: OrgIndex): Record<string, unknown> {
  const steps = nodePathSteps(ix);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value as unknown as Record<string, unknown>;
  }
}
