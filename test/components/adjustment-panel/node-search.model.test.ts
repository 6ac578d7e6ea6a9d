/**
 * Issue 12 item 5: the adjustment panel's node picker at 100,000 nodes (the large orgs themselves
 * are in node-search.model.scale.test.ts, the scale layer). The search walked every
 * node's ancestors and joined their names again on every keystroke (120–180 ms of CPU in Node for
 * a name that matches once); it now reads names and paths folded once per index
 * (`nodePathSteps`, in slices of `PATH_CHUNK`), with the same matches as the definition: the
 * node's name or its `nodePath` contains the query. Work is counted, never timed.
 */
import { expect } from '@open-wc/testing';
import { NODE_OPTION_LIMIT, PATH_CHUNK, nodePath, nodePathSteps, searchNodes } from '../../../src/components/adjustment-panel/node-search.js';
import { buildOrgIndex, type OrgIndex } from '../../../src/engine/plan/rollup.js';
import { createRandom } from '../../../src/engine/shared/random.js';
import type { OrgNode } from '../../../src/engine/plan/model.js';
import { largeOrg } from '../../fixtures/large-org.js';

/** Each node's `nodePath`, lower-cased, per index: the same for every query of the definition (asked once per node, not once per query). */
const lowerPaths = new WeakMap<OrgIndex, Map<string, string>>();
function lowerPathOf(ix: OrgIndex, id: string): string {
  let paths = lowerPaths.get(ix);
  if (!paths) lowerPaths.set(ix, (paths = new Map()));
  let p = paths.get(id);
  if (p === undefined) paths.set(id, (p = nodePath(ix, id).toLocaleLowerCase()));
  return p;
}

/** The definition: the first `limit` nodes in org order whose name or path contains the query. */
function reference(ix: OrgIndex, query: string, allowed: (id: string) => boolean, limit = NODE_OPTION_LIMIT) {
  const q = query.trim().toLocaleLowerCase();
  const ids: string[] = [];
  for (const id of ix.order) {
    const name = (ix.byId.get(id)?.name ?? id).toLocaleLowerCase();
    if (q && !name.includes(q) && !lowerPathOf(ix, id).includes(q)) continue;
    if (!allowed(id)) continue;
    if (ids.length === limit) return { ids, more: true };
    ids.push(id);
  }
  return { ids, more: false };
}

describe('the adjustment panel’s node search', () => {
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
