/**
 * Three views of a target per node, side by side (三种视角):
 * - top-down (自上而下): the parent's split of its target, i.e. the plan as it stands;
 * - bottom-up (自下而上): last year's actual × (1 + growth) per rep, rolled up the tree;
 * - market (市场): market size × target share, where a node has them.
 * They are compared per node, and blended with weights into a proposal that is then reconciled
 * top-down so every parent still equals the sum of its children.
 */
import { allocate, integerWeights } from './allocate.js';
import { fail, ok, type Result } from '../shared/result.js';

/** A node of the tree: the root(s) have `parentId: null`. `OrgNode` fits. */
export interface TreeNode {
  id: string;
  parentId: string | null;
}

export type ViewName = 'topDown' | 'bottomUp' | 'market';
const VIEW_NAMES: readonly ViewName[] = ['topDown', 'bottomUp', 'market'];

/** The views of one node; a view is absent where there is nothing to base it on. */
export interface NodeViews {
  topDown?: number;
  bottomUp?: number;
  market?: number;
}

export interface ViewInputs {
  nodes: readonly TreeNode[];
  /** The current top-down target per node. */
  topDown?: Readonly<Record<string, number>>;
  /** Last year's actuals per leaf (rep); leaves without an entry count 0. */
  lastYear?: Readonly<Record<string, number>>;
  /** Growth over last year for everyone, e.g. 0.15 for +15% (default 0). */
  growth?: number;
  /** Growth for a subtree: a leaf uses the entry of its nearest ancestor-or-self, else `growth`. */
  growthByNode?: Readonly<Record<string, number>>;
  /** Market size (minor units) and target share (0…1) for the nodes that have them. */
  market?: Readonly<Record<string, { size: number; share: number }>>;
}

/** @internal */
export interface Tree {
  /** Parents before children. */
  order: string[];
  children: Map<string, string[]>;
  parent: Map<string, string | null>;
}

/**
 * Children lists and a parents-first (breadth-first) order; fails with `invalid-tree` on duplicate
 * ids, unknown parents and cycles. Unlike `buildOrgIndex` it validates, since a split over a
 * broken tree would lose money silently.
 * @internal
 */
export function treeOf(nodes: readonly TreeNode[]): Result<Tree> {
  const parent = new Map<string, string | null>();
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (parent.has(n.id)) return fail('invalid-tree', `the node "${n.id}" appears twice`, { id: n.id });
    parent.set(n.id, n.parentId);
    children.set(n.id, []);
  }
  const order: string[] = [];
  for (const n of nodes) {
    if (n.parentId === null) order.push(n.id);
    else if (!children.has(n.parentId)) return fail('invalid-tree', `the parent "${n.parentId}" of "${n.id}" is not in the tree`, { id: n.id });
    else children.get(n.parentId)!.push(n.id);
  }
  for (let i = 0; i < order.length; i++) order.push(...children.get(order[i])!);
  if (order.length !== nodes.length) return fail('invalid-tree', 'the tree has a cycle', { id: nodes.find((n) => !order.includes(n.id))?.id ?? '' });
  return ok({ order, children, parent });
}

/** round(a × p / q) with halves rounded up, for a ≥ 0, p ≥ 0, q > 0. */
const mulRound = (a: number, p: bigint, q: bigint): number => Number((2n * BigInt(a) * p + q) / (2n * q));

/** The decimal x ≥ 0 as an exact fraction p / q (0.15 → 15 / 100). */
function fraction(x: number): [bigint, bigint] {
  const [p, q] = integerWeights([x, 1]);
  return [p, q];
}

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * The three views of every node. Bottom-up per leaf is round(lastYear × (1 + growth)), halves up;
 * a parent's bottom-up is the sum of its children's. Market is round(size × share) where given.
 * Fails with `invalid-tree`, `invalid-value`, `invalid-growth` or `invalid-market`.
 *
 * @example
 * // Leaves r1, r2 under t; last year 1,000,000 and 500,000; growth 10%, but 20% for r2:
 * // r1 = 1,100,000, r2 = 600,000, t = 1,700,000. Market for t: 10,000,000 × 0.15 = 1,500,000.
 * computeViews({ nodes, topDown: { t: 1_800_000, r1: 900_000, r2: 900_000 },
 *   lastYear: { r1: 1_000_000, r2: 500_000 }, growth: 0.1, growthByNode: { r2: 0.2 },
 *   market: { t: { size: 10_000_000, share: 0.15 } } })
 */
export function computeViews(input: ViewInputs): Result<Record<string, NodeViews>> {
  const t = treeOf(input.nodes);
  if (!t.ok) return t;
  const { order, children, parent } = t.value;
  const growthOf = (id: string): number => {
    for (let cur: string | null = id; cur !== null; cur = parent.get(cur) ?? null) {
      if (input.growthByNode && Object.hasOwn(input.growthByNode, cur)) return input.growthByNode[cur];
    }
    return input.growth ?? 0;
  };
  const out = new Map<string, NodeViews>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    const v: NodeViews = {};
    const td = input.topDown && Object.hasOwn(input.topDown, id) ? input.topDown[id] : undefined;
    if (td !== undefined) {
      if (!isAmount(td)) return fail('invalid-value', `the top-down target of "${id}" must be a whole number ≥ 0`, { id, value: String(td) });
      v.topDown = td;
    }
    const kids = children.get(id)!;
    if (kids.length > 0) {
      v.bottomUp = kids.reduce((s, k) => s + out.get(k)!.bottomUp!, 0);
    } else {
      const last = input.lastYear && Object.hasOwn(input.lastYear, id) ? input.lastYear[id] : 0;
      if (!isAmount(last)) return fail('invalid-value', `last year's actual of "${id}" must be a whole number ≥ 0`, { id, value: String(last) });
      const g = growthOf(id);
      if (typeof g !== 'number' || !Number.isFinite(g) || g < -1) {
        return fail('invalid-growth', `the growth for "${id}" must be a finite number ≥ −100%`, { id, growth: String(g) });
      }
      // 1 + g as an exact fraction, so 1,000,000 × (1 + 0.035) is 1,035,000 and not a float's guess.
      const [p, q] = fraction(Math.abs(g));
      v.bottomUp = mulRound(last, g < 0 ? q - p : q + p, q);
    }
    const m = input.market && Object.hasOwn(input.market, id) ? input.market[id] : undefined;
    if (m !== undefined) {
      if (!isAmount(m.size) || typeof m.share !== 'number' || !Number.isFinite(m.share) || m.share < 0 || m.share > 1) {
        return fail('invalid-market', `the market of "${id}" needs a whole size ≥ 0 and a share between 0 and 1`, { id });
      }
      v.market = mulRound(m.size, ...fraction(m.share));
    }
    out.set(id, v);
  }
  return ok(Object.fromEntries(order.map((id) => [id, out.get(id)!])));
}

/** A view against top-down: `abs` = view − top-down; `pct` = abs / top-down, null when top-down is 0 or absent. */
export interface ViewDiff {
  abs: number;
  pct: number | null;
}

export interface ViewComparison extends NodeViews {
  bottomUpVsTopDown?: ViewDiff;
  marketVsTopDown?: ViewDiff;
  /** Largest view minus smallest view: how much the views disagree (0 with fewer than two views). */
  spread: number;
}

/**
 * Per node, the views side by side with their differences from top-down, absolute and relative,
 * and the spread between the highest and the lowest view.
 *
 * @example
 * compareViews({ t: { topDown: 1_800_000, bottomUp: 1_700_000, market: 1_500_000 } })
 * // { t: { …, bottomUpVsTopDown: { abs: -100000, pct: -0.0555… },
 * //        marketVsTopDown: { abs: -300000, pct: -0.1666… }, spread: 300000 } }
 */
export function compareViews(views: Readonly<Record<string, NodeViews>>): Record<string, ViewComparison> {
  const diff = (v: number | undefined, td: number | undefined): ViewDiff | undefined =>
    v === undefined || td === undefined ? undefined : { abs: v - td, pct: td === 0 ? null : (v - td) / td };
  return Object.fromEntries(
    Object.entries(views).map(([id, v]) => {
      const present = VIEW_NAMES.map((k) => v[k]).filter((x): x is number => x !== undefined);
      const c: ViewComparison = { ...v, spread: present.length > 1 ? Math.max(...present) - Math.min(...present) : 0 };
      const bu = diff(v.bottomUp, v.topDown);
      const mk = diff(v.market, v.topDown);
      if (bu) c.bottomUpVsTopDown = bu;
      if (mk) c.marketVsTopDown = mk;
      return [id, c];
    }),
  );
}

export interface BlendOptions {
  /** The root's reconciled total; by default the root's own blended value. */
  rootTotal?: number;
}

export interface Blend {
  /** The reconciled target per node: every parent equals the sum of its children, exactly. */
  values: Record<string, number>;
  /** The blended value per node before reconciliation (the weighted mean of its views). */
  proposed: Record<string, number>;
  /** Nodes that lacked a weighted view, whose weight went to the views they have. */
  redistributed: { id: string; missing: ViewName[] }[];
}

/**
 * Blends the views into a proposed target per node, then reconciles top-down. The proposal is
 * round(Σ weight × view / Σ weight) over the views the node has (halves up): a missing view's
 * weight goes to the others in proportion, and the node is listed in `redistributed`. Then from
 * the root down, each parent's reconciled total is split over its children with their proposals
 * as weights (`allocate`), so the sums hold exactly. Fails with `invalid-blend`, `invalid-tree`,
 * `invalid-value`.
 *
 * @example
 * // Weights 0.5/0.3/0.2. t: 0.5·1,800,000 + 0.3·1,700,000 + 0.2·1,500,000 = 1,710,000.
 * // r1 (no market): (0.5·900,000 + 0.3·1,100,000) / 0.8 = 975,000; r2: (0.5·900,000 + 0.3·600,000) / 0.8 = 787,500.
 * // Reconciled: 1,710,000 split 975,000 : 787,500 → 945,957.44… and 764,042.55… → 945,957 + 764,042 = 1,709,999;
 * // the larger remainder (r2) takes the last unit: 945,957 + 764,043.
 * blendViews(nodes, views, { topDown: 0.5, bottomUp: 0.3, market: 0.2 })
 */
export function blendViews(
  nodes: readonly TreeNode[],
  views: Readonly<Record<string, NodeViews>>,
  weights: Partial<Record<ViewName, number>>,
  options: BlendOptions = {},
): Result<Blend> {
  const t = treeOf(nodes);
  if (!t.ok) return t;
  const { order, children, parent } = t.value;
  for (const k of VIEW_NAMES) {
    const w = weights[k] ?? 0;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) return fail('invalid-blend', `the weight of the ${k} view must be a finite number ≥ 0`, { source: k });
  }
  const w = integerWeights(VIEW_NAMES.map((k) => weights[k] ?? 0));
  if (w.every((x) => x === 0n)) return fail('invalid-blend', 'a blend needs at least one view weight above zero', { source: '' });

  const proposed = new Map<string, number>();
  const redistributed: Blend['redistributed'] = [];
  for (const id of order) {
    const v = views[id] ?? {};
    let num = 0n, den = 0n;
    const missing: ViewName[] = [];
    VIEW_NAMES.forEach((k, i) => {
      if (w[i] === 0n) return;
      const x = v[k];
      if (x === undefined) missing.push(k);
      else if (isAmount(x)) {
        num += w[i] * BigInt(x);
        den += w[i];
      }
    });
    const bad = VIEW_NAMES.find((k) => v[k] !== undefined && !isAmount(v[k]));
    if (bad) return fail('invalid-value', `the ${bad} view of "${id}" must be a whole number ≥ 0`, { id, value: String(v[bad]) });
    if (missing.length > 0) redistributed.push({ id, missing });
    proposed.set(id, den === 0n ? 0 : Number((2n * num + den) / (2n * den)));
  }

  const values = new Map<string, number>();
  for (const id of order) {
    if (parent.get(id) === null) {
      const total = options.rootTotal ?? proposed.get(id)!;
      if (!isAmount(total)) return fail('invalid-value', `the root total must be a whole number ≥ 0`, { id, value: String(total) });
      values.set(id, total);
    }
    const kids = children.get(id)!;
    if (kids.length === 0) continue;
    const r = allocate(values.get(id)!, kids.map((k) => ({ id: k, weight: proposed.get(k)! })));
    if (!r.ok) return r;
    for (const k of kids) values.set(k, r.value.values[k]);
  }
  return ok({
    values: Object.fromEntries(order.map((id) => [id, values.get(id)!])),
    proposed: Object.fromEntries(order.map((id) => [id, proposed.get(id)!])),
    redistributed,
  });
}
