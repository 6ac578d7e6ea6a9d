/**
 * The node picker's search: the first few nodes the user may request for whose name or path (the
 * names from the top down) contains the query, in org order. It stops at the limit, so a 100,000-node
 * org never builds 100,000 options.
 */
import type { OrgIndex } from '../../engine/plan/rollup.js';
import { runSteps, type Steps } from '../../engine/shared/steps.js';

/** At most this many options are rendered at once. */
export const NODE_OPTION_LIMIT = 50;

/** The names above a node, top first, e.g. `星河科技 / 华东 / 上海一组`. */
export function nodePath(ix: OrgIndex, id: string): string {
  return ix
    .ancestors(id)
    .reverse()
    .map((a) => ix.byId.get(a)?.name ?? a)
    .join(' / ');
}

/** Nodes read between two yields of `nodePathSteps`. */
export const PATH_CHUNK = 2_000;

/** Per node in org order: its name and its path (the names from the top down to it), in lower case, and its parent's position. */
export interface FoldedNodes {
  names: string[];
  paths: string[];
  parents: Int32Array;
}

const folded = new WeakMap<OrgIndex, FoldedNodes>();

/**
 * What the search reads of every node in org order, in lower case: its name and the path down to
 * it (so `nodePath` of a node is the path of its parent), each from its parent's (org order lists a
 * parent first), `PATH_CHUNK` nodes between yields, kept per index. At 100,000 nodes a search used
 * to walk every node's ancestors and join their names again on every keystroke (120–180 ms of CPU
 * in Node for a name that matches once); the element folds them in slices before anyone types.
 */
export function* nodePathSteps(ix: OrgIndex): Steps<FoldedNodes> {
  const done = folded.get(ix);
  if (done) return done;
  const n = ix.order.length;
  const raw = new Array<string>(n);
  const names = new Array<string>(n);
  const paths = new Array<string>(n);
  const parents = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const id = ix.order[p];
    const node = ix.byId.get(id);
    const name = node?.name ?? id;
    const parent = node?.parentId ? ix.positionOf(node.parentId) : -1;
    parents[p] = parent;
    // `nodePath` itself for a parent listed later (not in an index built by `buildOrgIndex`).
    raw[p] = parent < 0 ? name : parent < p ? `${raw[parent]} / ${name}` : `${nodePath(ix, id)} / ${name}`;
    names[p] = name.toLocaleLowerCase();
    paths[p] = raw[p].toLocaleLowerCase();
    if (p % PATH_CHUNK === PATH_CHUNK - 1 && p < n - 1) yield { done: p + 1, total: n };
  }
  const out = { names, paths, parents };
  folded.set(ix, out);
  return out;
}

/** Whether the search's folded names and paths of `ix` are ready (folded in slices, or by a search). */
export const pathsReady = (ix: OrgIndex): boolean => folded.has(ix);

/**
 * The first `limit` nodes in org order that `allowed` admits and whose name or path contains
 * `query` (case-insensitive, spaces at the ends ignored; an empty query matches every node), and
 * whether more match. The names and paths come from `nodePathSteps` (run here to the end when not
 * ready): one `includes` or two per node, nothing built per keystroke.
 *
 * @example
 * searchNodes(ix, '上海', (id) => canRequest(user, id, ix).allowed) // { ids: ['east-sh', 'r1', 'r2'], more: false }
 */
export function searchNodes(ix: OrgIndex, query: string, allowed: (id: string) => boolean, limit = NODE_OPTION_LIMIT): { ids: string[]; more: boolean } {
  const q = query.trim().toLocaleLowerCase();
  const ids: string[] = [];
  const f = q ? (folded.get(ix) ?? runSteps(nodePathSteps(ix))) : null;
  const order = ix.order;
  for (let p = 0; p < order.length; p++) {
    const id = order[p];
    // The node's path (`nodePath`) is its parent's path down to the parent.
    if (f && !f.names[p].includes(q) && !(f.parents[p] >= 0 && f.paths[f.parents[p]].includes(q))) continue;
    if (!allowed(id)) continue;
    if (ids.length === limit) return { ids, more: true };
    ids.push(id);
  }
  return { ids, more: false };
}

/** The first node in org order that `allowed` admits, or null. */
export function firstNode(ix: OrgIndex, allowed: (id: string) => boolean): string | null {
  for (const id of ix.order) if (allowed(id)) return id;
  return null;
}
