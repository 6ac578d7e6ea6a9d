// @web/test-runner-visual-regression 0.10's index.d.ts re-exports './browser/commands.mjs', for which
// the package ships commands.d.ts, not commands.d.mts: TypeScript finds no exports. Its one function:
declare module '@web/test-runner-visual-regression' {
  /** Screenshots `element` and compares it with the baseline `name` (the plugin's options decide where). */
  export function visualDiff(element: Node, name: string): Promise<void>;
}
