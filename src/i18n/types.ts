import type {
  GoalTreeStrings,
  FunnelStrings,
  GaugeStrings,
  PaceChartStrings,
  AdjustmentStrings,
  IncentiveStrings,
  ReviewStrings,
  ScorecardStrings,
} from './strings/index.js';

/** The locales QuotaKit ships. Others resolve to the nearest one (zh-* → zh-CN, anything else → en). */
export type QkLocale = 'en' | 'zh-CN';

export type Params = Record<string, string | number>;
/** A message that takes parameters (and handles plurals itself). */
export type Message = (p: Params) => string;

/** Per-locale message tables for error codes, one per engine area (one module per area and language: `en/<area>.errors.ts`, `zh-cn/<area>.errors.ts`). */
export type MessageTable = Record<string, Message>;
export type LocalizedMessages = Record<QkLocale, MessageTable>;

/**
 * Every string the kit shows. `errors` maps the engine's and the adapters' error codes to
 * messages; the other sections belong to elements. Hosts override any string with
 * `registerTranslation`.
 */
export interface Translation {
  locale: QkLocale;
  /** Language name in itself, for language pickers. */
  languageName: string;
  common: {
    loading: string;
    empty: string;
    retry: string;
    reset: string;
    dismiss: string;
    errorTitle: string;
    noData: string;
    total: string;
    undo: string;
    redo: string;
    save: string;
    saving: string;
    saved: string;
    unsavedChanges: (p: { count: number }) => string;
    conflict: string;
    reloadAndReapply: string;
    noAdapter: string;
    /** The export buttons of every element that exports. */
    exportCsv: string;
    exportXlsx: string;
    /** Announced after an export: the file's name. */
    exported: (p: { file: string }) => string;
  };
  metrics: Record<string, string>;
  statuses: Record<'on-track' | 'at-risk' | 'off-track' | 'too-early' | 'achieved' | 'missed', string>;
  /** One section per element (types in `strings/`, text in `en/` and `zh-cn/`). */
  goalTree: GoalTreeStrings;
  funnel: FunnelStrings;
  gauge: GaugeStrings;
  paceChart: PaceChartStrings;
  adjustment: AdjustmentStrings;
  incentive: IncentiveStrings;
  review: ReviewStrings;
  scorecard: ScorecardStrings;
  /** Error codes → messages. Unknown codes fall back to the English `message` of the error. */
  errors: MessageTable;
}

/** The strings every element shares; element sections and error messages are registered on top. */
export type CoreTranslation = Pick<Translation, 'locale' | 'languageName' | 'common' | 'metrics' | 'statuses'>;

/** The keys of the per-element sections. */
export type SectionKey = Exclude<keyof Translation, keyof CoreTranslation | 'errors'>;

/** A partial override for `registerTranslation`: any section, any subset of keys. */
export type TranslationOverride = {
  [K in keyof Translation]?: Translation[K] extends Record<string, unknown> ? Partial<Translation[K]> : Translation[K];
};
