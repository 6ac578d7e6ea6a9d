import type { ReactiveElement } from 'lit';
import type { EditMode } from '../../engine/plan/edit.js';
import type { MetricId } from '../../engine/plan/model.js';
import type { OrgIndex } from '../../engine/plan/rollup.js';
import type { QkStore } from '../../store/store.js';
import type { QkLocale, Translation } from '../../i18n/types.js';
import type { GridColumn, GridReader, GridRows } from './goal-tree.model.js';
import type { GridNavigation } from './grid-navigation.js';

/** An error as the engine, the store and the adapter return it. */
export interface Issue {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/**
 * What the goal tree's controllers read from the element (`goal-tree.ts` builds it from its own
 * properties and memoized models): the controllers never reach into the element's private state.
 */
export interface GoalTreeView {
  /** The element: updates, `renderRoot`, events. */
  readonly host: ReactiveElement;
  readonly nav: GridNavigation;
  store(): QkStore | undefined;
  t(): Translation;
  locale(): QkLocale;
  metric(): MetricId;
  /** The product line id, or '' for the product-free totals. */
  product(): string;
  readonly(): boolean;
  /** Not read-only and the metric is not a ratio. */
  canEdit(): boolean;
  editMode(): EditMode;
  /** The least share of new product lines in a decomposition (0…1). */
  minNewShare?(): number;
  index(): OrgIndex | null;
  reader(): GridReader | null;
  rows(): GridRows;
  columns(): GridColumn[];
  /** A value in the metric's format ('—' for none). */
  fmt(v: number | null | undefined): string;
  periodLabel(period: string, short?: boolean): string;
  nameOf(id: string): string;
}
