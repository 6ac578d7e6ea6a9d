/**
 * `expect(el).to.be.accessible()` as every browser test calls it: axe-core over `el` and the shadow
 * roots below it, failing with each violation (rule, impact, help, the node's selector and HTML).
 * It replaces the assertion chai-a11y-axe registers through @open-wc/testing, with the same calls
 * (`accessible()`, `accessible({ ignoredRules })`, `not.to.be.accessible()`), and runs every rule
 * axe runs by default, with options that skip work no assertion reads (`AXE_RUN_OPTIONS`).
 * test/runner/accessible.test.ts checks that a real contrast and a real ARIA violation still fail.
 */
import { chai } from '../../node_modules/@open-wc/testing/index.js';

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
  element?: Element;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}
type Reporter = (results: RawRuleResult[], options: object, callback: (report: unknown) => void, reject?: (e: unknown) => void) => void;
/** A rule's result as axe hands it to a reporter: its nodes by outcome. */
interface RawRuleResult {
  violations: unknown[];
  passes: unknown[];
  incomplete: unknown[];
  inapplicable: unknown[];
}
export interface Axe {
  run(context: Element, options: object): Promise<{ violations: AxeViolation[] }>;
  configure(spec: object): void;
  getRules(): { ruleId: string }[];
  getReporter(name: string): Reporter;
}
export interface AccessibleOptions {
  /** Rule ids not to run (every other rule runs). */
  ignoredRules?: string[];
}

/** axe's `v1` report of the rules with a violation: the same violations, nodes, summaries and targets. */
const violationsOnly: Reporter = (results, options, callback, reject) => {
  const failed = results.filter((r) => r.violations.length).map((r) => ({ ...r, passes: [], incomplete: [], inapplicable: [] }));
  (window as unknown as { axe: Axe }).axe.getReporter('v1')(failed, options, callback, reject);
};

/**
 * What each run asks of axe, beside the element as its context:
 * - `resultTypes: ['violations']`, as chai-a11y-axe asked, and `reporter: violationsOnly`: axe's
 *   default (`v1`) report, of the rules that found a violation only (the assertion reads nothing
 *   else). `v1` otherwise serialised a node and computed its CSS selector for each rule's passes,
 *   incomplete and inapplicable results on every run. Every rule still runs on every node.
 * - `preload: { assets: ['media'] }`: axe's default also parses every style sheet of the page and of
 *   each shadow root on every run (`cssom`), for the one rule that reads it, `css-orientation-lock`:
 *   an experimental rule axe does not run by default, whose selector (`html`) is never inside an
 *   element under test anyway. The `media` preload of `no-autoplay-audio` stays.
 * - `elementRef: true`, with `noHtml` configured once (`loadAxe`): axe builds no HTML excerpt for the
 *   nodes it checks (it serialised every checked node's outerHTML); the message builds one for each
 *   violating node from its element.
 */
export const AXE_RUN_OPTIONS = {
  resultTypes: ['violations'],
  reporter: violationsOnly,
  preload: { assets: ['media'] },
  elementRef: true,
} as const;

let axe: Promise<Axe> | undefined;
/** axe-core's browser build, loaded once (importing it registers `window.axe`). */
export function loadAxe(): Promise<Axe> {
  axe ??= import('axe-core/axe.min.js').then(() => {
    const a = (window as unknown as { axe: Axe }).axe;
    a.configure({ noHtml: true });
    return a;
  });
  return axe;
}

/** The rules whose answer depends on colours: the only ones a second colour theme can change. */
export const COLOUR_RULES: readonly string[] = ['color-contrast', 'link-in-text-block'];

/**
 * Options for `accessible()` that run only `COLOUR_RULES`: for a second theme that is a token sheet
 * (colours and `color-scheme`), where every other rule answers as in the first theme.
 */
export async function colourRulesOnly(): Promise<AccessibleOptions> {
  const ids = (await loadAxe()).getRules().map((r) => r.ruleId);
  for (const id of COLOUR_RULES) if (!ids.includes(id)) throw new Error(`axe has no rule ${id}`);
  return { ignoredRules: ids.filter((id) => !COLOUR_RULES.includes(id)) };
}

/** An element's HTML as axe shows it: the whole element up to 300 characters, else its start tag. */
function excerpt(el: Element | undefined): string {
  if (!el) return '';
  const html = el.outerHTML;
  if (html.length <= 300) return html;
  const start = html.slice(0, html.indexOf('>') + 1);
  return start.length <= 300 ? start : `${start.slice(0, 296)} ...>`;
}

/** The failure message: each violation and each node it was found on. */
export function describeViolations(violations: AxeViolation[]): string {
  const lines = ['Accessibility Violations', '---'];
  for (const v of violations) {
    lines.push(`Rule: ${v.id}`, `Impact: ${v.impact}`, `${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) {
      // A node in a shadow root is a list of selectors, from the page down through each shadow root.
      lines.push('', `Issue target: ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(', ')}`, `Context: ${excerpt(n.element)}`);
      if (n.failureSummary) lines.push(n.failureSummary);
    }
    lines.push('---');
  }
  return lines.join('\n');
}

/** Runs axe over `el` with `AXE_RUN_OPTIONS`, less `ignoredRules`. */
export async function axeViolations(el: Element, { ignoredRules = [] }: AccessibleOptions = {}): Promise<AxeViolation[]> {
  const a = await loadAxe();
  const rules = Object.fromEntries(ignoredRules.map((id) => [id, { enabled: false }]));
  return (await a.run(el, { ...AXE_RUN_OPTIONS, ...(ignoredRules.length ? { rules } : {}) })).violations;
}

chai.use((c, utils) => {
  utils.addMethod(c.Assertion.prototype, 'accessible', function (this: Chai.AssertionStatic, options: AccessibleOptions = {}) {
    const unknown = Object.keys(options).filter((k) => k !== 'ignoredRules');
    if (unknown.length) throw new Error(`accessible(): unknown option ${unknown.join(', ')}`);
    const el = utils.flag(this, 'object') as Element;
    const negate = Boolean(utils.flag(this, 'negate'));
    const result = axeViolations(el, options).then((violations) => {
      if (negate && !violations.length) throw new Error('Expected axe to find a violation, and it found none');
      if (!negate && violations.length) throw new Error(describeViolations(violations));
    });
    (this as unknown as { then: unknown }).then = result.then.bind(result);
    return this;
  });
});
