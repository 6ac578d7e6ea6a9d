
/** The strings of `qk-goal-tree`; parameters and plurals are functions. */
export interface GoalTreeStrings {
  title: string;
  /** Header of the org column. */
  org: string;
  /** Header of the total column, e.g. "Total FY2026". */
  totalOf: (p: { period: string }) => string;
  quarter: (p: { quarter: number }) => string;
  columns: { actual: string; attainment: string; 'top-down': string; 'bottom-up': string; market: string; blended: string };
  editMode: string;
  modeRebalance: string;
  modeAbsorb: string;
  decompose: string;
  decomposeHint: string;
  unallocated: (p: { amount: string }) => string;
  overAllocated: (p: { amount: string }) => string;
  locked: string;
  changed: string;
  newHire: (p: { percent: string }) => string;
  loadingChildren: string;
  empty: string;
  distribute: string;
  distributeTitle: (p: { name: string; period: string; amount: string }) => string;
  method: string;
  methods: { equal: string; history: string; potential: string; capacity: string; blend: string };
  child: string;
  current: string;
  proposed: string;
  change: string;
  apply: string;
  cancel: string;
  fallback: (p: { sources: string }) => string;
  /** Live announcement after an edit. */
  applied: (p: { count: number }) => string;
  lockedNow: (p: { name: string; period: string }) => string;
  unlockedNow: (p: { name: string; period: string }) => string;
  /** The action offered beside a refused edit of a locked cell. */
  unlock: string;
  /** How to unlock from the keyboard, after the refusal. */
  unlockHint: string;
  /** Read before the struck-through target a cell had before it was revised. */
  original: string;
  /** Tooltip of a revised cell: the target in force and the original. */
  revised: (p: { value: string; original: string }) => string;
  editLabel: (p: { name: string; period: string }) => string;
  undoLabel: (p: { name: string; period: string }) => string;
  distributeLabel: (p: { name: string }) => string;
  decomposeLabel: string;
  keyboardHelp: string;
  /** Label of a row's ⋯ menu button and of its menu. */
  rowActions: (p: { name: string }) => string;
  /** The lock item of the row menu (a checkbox item: checked while locked). */
  lockPeriod: (p: { period: string }) => string;
  /** The distribute item of the row menu. */
  distributePeriod: (p: { period: string }) => string;
  /** Label of a cell's padlock button (`aria-pressed` says whether it is locked). */
  lockToggle: (p: { name: string; period: string }) => string;
  /** The switches above the tree: view, metric, product, new-product minimum share. */
  switchView: string;
  viewPresets: { targets: string; tracking: string; sources: string };
  /** A host's own `views` list that is none of the presets. */
  viewCustom: string;
  switchMetric: string;
  switchProduct: string;
  allProducts: string;
  newProduct: (p: { name: string }) => string;
  minNewShare: string;
  minNewShareInvalid: string;
  /** The plan's new-product minimum share saved (screen-reader announcement). */
  minNewShareSaved: (p: { percent: string }) => string;
  /** The inputs form under the sources view. */
  inputsTitle: (p: { name: string }) => string;
  commitment: string;
  marketSize: string;
  marketShare: string;
  blendWeights: string;
  saveInputs: string;
  inputsSaved: (p: { name: string }) => string;
  inputsInvalid: string;
  /** Import of reps' commitments from CSV or .xlsx (the targets layout, the fiscal year's column). */
  importCommitments: string;
  /** The ramp-curve editor of a rep (爬坡曲线): tenure months and the share of a full target. */
  rampTitle: (p: { name: string }) => string;
  rampFrom: string;
  rampTo: string;
  rampFactor: string;
  rampAdd: string;
  rampRemove: string;
  rampSave: string;
  rampReset: string;
  rampSaved: (p: { name: string }) => string;
  rampCustom: string;
  rampDefault: string;
  commitmentsImported: (p: { count: number }) => string;
  exportCsv: string;
  importCsv: string;
  importLabel: (p: { count: number }) => string;
  importEmpty: string;
  /** The people cards a narrow goal tree shows (one card per member of a team). */
  cards: {
    /** The list's label: the team shown. */
    team: (p: { name: string }) => string;
    path: string;
    target: string;
    actual: string;
    gap: string;
    attainment: string;
    bottleneck: string;
    dealSize: string;
    status: Record<'on-track' | 'at-risk' | 'off-track' | 'too-early' | 'achieved' | 'missed', string>;
    openTeam: (p: { name: string }) => string;
    showTable: string;
    showCards: string;
    more: (p: { count: string }) => string;
  };
}
