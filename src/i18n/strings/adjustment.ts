
type Trigger = 'market-shift' | 'competitor-move' | 'policy-change' | 'personnel-change' | 'pace-deviation' | 'other';
type Status = 'draft' | 'pending' | 'approved' | 'rejected' | 'applied' | 'withdrawn';
type Action = 'submit' | 'approve' | 'reject' | 'withdraw' | 'apply' | 'reopen';
type Role = 'target' | 'parent' | 'ancestor' | 'sibling' | 'recipient' | 'descendant';

/** The strings of `qk-adjustment-panel`; parameters and plurals are functions. */
export interface AdjustmentStrings {
  title: string;
  tabs: { request: string; queue: (p: { count: number }) => string; history: string };
  node: string;
  /** Hint inside the node search box. */
  nodeSearch: string;
  /** Below the first matches when more nodes match than are listed. */
  nodeMore: (p: { shown: number }) => string;
  nodeNone: string;
  metric: string;
  periods: string;
  changeKind: string;
  newValue: string;
  percent: string;
  trigger: string;
  triggers: Record<Trigger, string>;
  reason: string;
  reasonHint: (p: { min: number; length: number }) => string;
  evidence: string;
  absorption: string;
  absorptions: { siblings: string; parent: string; recipients: string };
  recipients: string;
  preview: string;
  previewEmpty: string;
  colNode: string;
  colRole: string;
  colBefore: string;
  colAfter: string;
  colChange: string;
  colActual: string;
  colAttainment: string;
  roles: Record<Role, string>;
  people: string;
  parentTotal: (p: { node: string; before: string; after: string }) => string;
  submit: string;
  submitting: string;
  submitted: string;
  draftSaved: string;
  discardDraft: string;
  readOnly: string;
  queueEmpty: string;
  requestedBy: (p: { name: string; date: string }) => string;
  statuses: Record<Status, string>;
  actions: Record<Action, string>;
  approve: string;
  reject: string;
  apply: string;
  withdraw: string;
  comment: string;
  commentHint: string;
  refresh: string;
  cells: string;
  colPeriod: string;
  historyEmpty: string;
  downloadCsv: string;
  historyEntry: (p: { who: string; action: string; node: string }) => string;
  notice: string;
  noticeSend: string;
  noticeSent: string;
  noticeSubject: (p: { node: string; metric: string; periods: string }) => string;
  noticeWhy: (p: { trigger: string; reason: string }) => string;
  noticeWhat: string;
  noticeChange: (p: { name: string; before: string; after: string }) => string;
  noticeExpect: string;
  noticeExpectation: (p: { name: string; target: string; remaining: string | null }) => string;
  noticeClosing: string;
  done: (p: { action: string }) => string;
  /** The product line of a request (all products, or one line). */
  product: string;
  allProducts: string;
  suggestions: string;
  suggestionsScope: (p: { node: string; period: string; date: string }) => string;
  suggestionsEmpty: string;
  suggestionKinds: { pace: string; leaving: string; joining: string; market: string; territory: string; absence: string; 'new-product': string };
  /** The headings of the suggestion groups. */
  suggestionGroups: { market: string; resources: string; 'new-product': string; pace: string };
  suggestionGroupCount: (p: { shown: string; total: string }) => string;
  showAll: (p: { count: string }) => string;
  showFewer: string;
  /** The switch that adds the pace (under-performance) suggestions, off by default, and why. */
  includePace: string;
  includePaceHint: string;
  /** On a pace suggestion: the payout at the forecast against the target now and against the cut one. */
  payoutEffect: (p: { forecast: string; before: string; after: string; delta: string }) => string;
  /** The pre-written reason of a suggestion (money and % arrive formatted; `to` null: the parent total takes the rest). */
  suggestionReason: {
    pace: (p: { name: string; period: string; elapsed: string; actual: string; forecast: string; ratio: string; target: string }) => string;
    /** `mode` is the chosen absorption; `to` the named teammates when it is `recipients`. */
    leaving: (p: { name: string; period: string; date: string; target: string; prorated: string; remainder: string; mode: 'siblings' | 'parent' | 'recipients'; to: string | null }) => string;
    joining: (p: { name: string; period: string; date: string; mode: 'siblings' | 'parent' | 'recipients'; to: string | null }) => string;
    /** `change` and `remaining` arrive as formatted percentages. */
    market: (p: { name: string; period: string; date: string; change: string; remaining: string; target: string; value: string; mode: 'siblings' | 'parent' | 'recipients'; to: string | null }) => string;
    territory: (p: { name: string; period: string; date: string; change: string; remaining: string; target: string; value: string; mode: 'siblings' | 'parent' | 'recipients'; to: string | null }) => string;
    absence: (p: { name: string; period: string; from: string; until: string; days: string; target: string; value: string; mode: 'siblings' | 'parent' | 'recipients'; to: string | null }) => string;
    newProduct: (p: { name: string; period: string; product: string; date: string; share: string; target: string; value: string; current: string }) => string;
  };
  suggestedValue: (p: { value: string }) => string;
  suggestedNoValue: string;
  useSuggestion: string;
  /** The accessible name of the button: starts with `useSuggestion`, the visible text (label in name). */
  useSuggestionFor: (p: { name: string }) => string;
  suggestionUsed: (p: { name: string }) => string;
}
