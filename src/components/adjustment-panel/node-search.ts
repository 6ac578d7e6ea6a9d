/**
 * The node picker's search: the first few nodes the user may request for whose name or path (the
 * names from the top down) contains the query, in org order. It stops at the limit, so a 100,000-node
 * org never builds 100,000 options.
 */
import type { OrgIndex } from '../../engine/plan/rollup.js';

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

/**
 * The first `limit` nodes in org order that `allowed` admits and whose name or path contains
 * `query` (case-insensitive, spaces at the ends ignored; an empty query matches every node), and
 * whether more match.
 *
 * @example
 * searchNodes(ix, '上海', (id) => canRequest(user, id, ix).allowed) // { ids: ['east-sh', 'r1', 'r2'], more: false }
 */
export function searchNodes(ix: OrgIndex, query: string, allowed: (id: string) => boolean, limit = NODE_OPTION_LIMIT): { ids: string[]; more: boolean } {
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

/** The first node in org order that `allowed` admits, or null. */
export function firstNode(ix: OrgIndex, allowed: (id: string) => boolean): string | null {
  for (const id of ix.order) if (allowed(id)) return id;
  return null;
}
