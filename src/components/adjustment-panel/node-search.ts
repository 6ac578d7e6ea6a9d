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

/**
 * The end of a folded path kept per node: a match that runs from a parent's path into a node's own
 * name starts in the last `query.length - 1` characters of the parent's path, so a query of up to
 * `PATH_TAIL + 1` characters is answered from these ends; a longer one walks up only as many
 * ancestors as its length needs (`pathEnd`).
 */
export const PATH_TAIL = 256;

/**
 * Per node in org order: its name in lower case, the last `PATH_TAIL` characters of its path (the
 * names from the top down to it, itself included) in lower case, and its parent's position.
 */
export interface FoldedNodes {
  names: string[];
  tails: string[];
  parents: Int32Array;
}

const folded = new WeakMap<OrgIndex, FoldedNodes>();

/**
 * What the search reads of every node in org order, in lower case: its name and the end of its path
 * (each from its parent's: org order lists a parent first), `PATH_CHUNK` nodes between yields, kept
 * per index. At 100,000 nodes a search used to walk every node's ancestors and join their names again
 * on every keystroke (120–180 ms of CPU in Node for a name that matches once); the element folds them
 * in slices before anyone types. Only the end of each path is kept: whole paths grow with depth, and a
 * 10,000-level chain held 10,000 paths of up to 80,000 characters (hundreds of MB, 10 s of CPU in
 * Chromium to fold).
 */
export function* nodePathSteps(ix: OrgIndex): Steps<FoldedNodes> {
  const done = folded.get(ix);
  if (done) return done;
  const n = ix.order.length;
  const names = new Array<string>(n);
  const tails = new Array<string>(n);
  const parents = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const id = ix.order[p];
    const node = ix.byId.get(id);
    const name = (node?.name ?? id).toLocaleLowerCase();
    const parent = node?.parentId ? ix.positionOf(node.parentId) : -1;
    parents[p] = parent;
    names[p] = name;
    // `nodePath` itself for a parent listed later (not in an index built by `buildOrgIndex`).
    const above = parent < 0 ? null : parent < p ? tails[parent] : nodePath(ix, id).toLocaleLowerCase();
    const path = above === null ? name : `${above} / ${name}`;
    tails[p] = path.length > PATH_TAIL ? path.slice(-PATH_TAIL) : path;
    if (p % PATH_CHUNK === PATH_CHUNK - 1 && p < n - 1) yield { done: p + 1, total: n };
  }
  const out = { names, tails, parents };
  folded.set(ix, out);
  return out;
}

/** Whether the search's folded names and paths of `ix` are ready (folded in slices, or by a search). */
export const pathsReady = (ix: OrgIndex): boolean => folded.has(ix);

/**
 * The first `limit` nodes in org order that `allowed` admits and whose name or path contains
 * `query` (case-insensitive, spaces at the ends ignored; an empty query matches every node), and
 * whether more match. The names and path ends come from `nodePathSteps` (run here to the end when
 * not ready): whether a node's path contains the query is its parent's answer, or a match across the
 * join (the end of the parent's path, " / ", its name), so nothing is built per node but that join.
 *
 * @example
 * searchNodes(ix, '上海', (id) => canRequest(user, id, ix).allowed) // { ids: ['east-sh', 'r1', 'r2'], more: false }
 */
export function searchNodes(ix: OrgIndex, query: string, allowed: (id: string) => boolean, limit = NODE_OPTION_LIMIT): { ids: string[]; more: boolean } {
  const q = query.trim().toLocaleLowerCase();
  const ids: string[] = [];
  const f = q ? (folded.get(ix) ?? runSteps(nodePathSteps(ix))) : null;
  const order = ix.order;
  // inPath[p]: node p's path, its own name included, contains the query (set for every node read).
  const inPath = f ? new Uint8Array(order.length) : null;
  const long = q.length > PATH_TAIL + 1;
  for (let p = 0; p < order.length; p++) {
    const id = order[p];
    if (f && inPath) {
      const parent = f.parents[p];
      const name = f.names[p];
      const own = name.includes(q);
      // `above`: the node's `nodePath` (its parent's path) contains the query.
      let above = false;
      if (parent >= 0 && parent < p) {
        above = inPath[parent] === 1;
        // A query longer than the ends kept: the end of the parent's path it needs, walked up.
        const end = above || own ? '' : long ? pathEnd(ix, order[parent], q.length - 1) : f.tails[parent];
        inPath[p] = above || own || `${end} / ${name}`.includes(q) ? 1 : 0;
      } else if (parent >= 0) {
        // A parent listed later (not in an index built by `buildOrgIndex`): the path itself.
        const path = nodePath(ix, id).toLocaleLowerCase();
        above = path.includes(q);
        inPath[p] = `${path} / ${name}`.includes(q) ? 1 : 0;
      } else inPath[p] = own ? 1 : 0;
      if (!own && !above) continue;
    }
    if (!allowed(id)) continue;
    if (ids.length === limit) return { ids, more: true };
    ids.push(id);
  }
  return { ids, more: false };
}

/**
 * The last `chars` characters (all of it when shorter) of the path down to `id`, itself included, in
 * lower case as the fold keeps it: only the ancestors that reach back `chars` characters are read, so
 * a long query costs its own length per node, not the node's depth (a 10,000-level chain read 400
 * million characters of whole paths for one query).
 */
export function pathEnd(ix: OrgIndex, id: string, chars: number): string {
  const parts: string[] = [];
  let length = -3;
  for (let at: string | null = id; at !== null && length < chars; at = ix.parent(at)) {
    const name = (ix.byId.get(at)?.name ?? at).toLocaleLowerCase();
    parts.push(name);
    length += name.length + 3;
  }
  const path = parts.reverse().join(' / ');
  return path.length > chars ? path.slice(-chars) : path;
}

/** The first node in org order that `allowed` admits, or null. */
export function firstNode(ix: OrgIndex, allowed: (id: string) => boolean): string | null {
  for (const id of ix.order) if (allowed(id)) return id;
  return null;
}
