import { css } from 'lit';

/**
 * Styles every element shares. Three tiers: the global `--qk-*` tokens a host or a theme sheet sets
 * (see `themes/light.css`, `themes/dark.css`) → per-element custom properties that default to them →
 * the private `--_*` locals below, which is all an element's own styles read. Wrapped in a cascade
 * layer so a host's `::part` rules win without `!important`.
 */
export const baseStyles = css`
  @layer qk-base {
    :host {
      --_text: var(--qk-color-text, #1f2328);
      --_muted: var(--qk-color-text-muted, #59636e);
      --_surface: var(--qk-color-surface, #ffffff);
      --_surface-alt: var(--qk-color-surface-alt, #f6f8fa);
      --_border: var(--qk-color-border, #d1d9e0);
      --_primary: var(--qk-color-primary, #0b63c5);
      --_on-primary: var(--qk-color-on-primary, #ffffff);
      --_focus: var(--qk-color-focus, #0b63c5);
      --_success: var(--qk-color-success, #1a7f37);
      --_warning: var(--qk-color-warning, #9a6700);
      --_danger: var(--qk-color-danger, #cf222e);
      --_changed: var(--qk-color-changed, #fff8c5);
      --_radius: var(--qk-radius, 6px);
      --_space: var(--qk-space, 8px);
      --_font: var(--qk-font-family, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif);
      --_font-size: var(--qk-font-size, 14px);
      --_mono: var(--qk-font-mono, ui-monospace, 'SFMono-Regular', Menlo, monospace);

      /*
       * The host box is the one node a page's rules reach: \`* { all: unset }\` or \`* { display:
       * inline }\` beat a normal :host rule (the page's context wins for normal declarations) and
       * turn every element inline. An important :host declaration wins over the page instead. Hosts
       * hide an element with \`hidden\` (below) or choose another display with \`--qk-display\`, which
       * \`all\` leaves alone.
       */
      display: var(--qk-display, block) !important;
      box-sizing: border-box !important;
      color: var(--_text);
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.45;
    }
    :host([hidden]) {
      display: none !important;
    }
    /*
     * A host page's rules reach the host element itself (e.g. \`* { all: unset }\`, \`!important\`
     * colours, huge fonts) and from there every inherited property flows into the shadow tree. Reset
     * the inherited text properties on the shadow root's top-level elements, so only the documented
     * --qk-* tokens and ::part() rules change how an element looks.
     */
    :host > * {
      color: var(--_text);
      font-family: var(--_font);
      font-size: var(--_font-size);
      font-style: normal;
      font-weight: 400;
      line-height: 1.45;
      letter-spacing: normal;
      word-spacing: normal;
      text-transform: none;
      text-align: start;
      text-indent: 0;
      white-space: normal;
      visibility: visible;
      box-sizing: border-box;
      /*
       * A host's data may hold a 10,000-character name with no space: break it anywhere rather than
       * widen the page (inherited by every node inside; also lowers min-content widths, so flex and
       * grid children shrink instead of overflowing).
       */
      overflow-wrap: anywhere;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    .qk-state {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: calc(var(--_space) / 2);
      padding: calc(var(--_space) * 2);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_muted);
    }
    .qk-state.qk-error {
      border: 1px solid var(--_danger);
      color: var(--_text);
    }
    .qk-state.qk-error strong {
      color: var(--_danger);
    }
    .qk-state p {
      margin: 0;
    }
    .qk-state ul {
      margin: 0;
      padding-inline-start: 1.2em;
      font-size: 0.9em;
    }
    .qk-spinner {
      display: inline-block;
      width: 1em;
      height: 1em;
      border: 2px solid var(--_border);
      border-top-color: var(--_primary);
      border-radius: 50%;
      animation: qk-spin 0.8s linear infinite;
    }
    @keyframes qk-spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .qk-spinner {
        animation: none;
      }
    }
    button {
      font: inherit;
      color: var(--_text);
      background: var(--_surface-alt);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 2px 10px;
      cursor: pointer;
    }
    /* A control that does nothing now looks it (undo with nothing to undo, …). */
    button:disabled {
      opacity: 0.45;
      cursor: not-allowed;
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    [tabindex]:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 1px;
    }
    /*
     * A heading or a line that names something from the host's data (a node, a product, a reason):
     * at most --_clamp-lines lines (default 2), ending in an ellipsis; the element carries the full
     * text in its \`title\` (and in its text, for screen readers).
     */
    .qk-clamp {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--_clamp-lines, 2);
      line-clamp: var(--_clamp-lines, 2);
      overflow: hidden;
    }
    /* The export buttons (CSV, Excel) of an element's header. */
    .qk-export {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    /*
     * A name from the host's data inside a table: one line, cut with an ellipsis past --_name-max
     * (its \`title\` holds the full text). Without it the inherited \`overflow-wrap: anywhere\` lets
     * a table squeeze the name column to one character per line on a phone.
     */
    .qk-name {
      display: inline-block;
      max-inline-size: var(--_name-max, 10em);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      overflow-wrap: normal;
      vertical-align: bottom;
    }
    /* Around a table wider than its element: it scrolls inside the element, never the page. */
    .qk-table-scroll {
      max-inline-size: 100%;
      overflow-x: auto;
      overscroll-behavior-x: contain;
    }
    .qk-table-scroll > table {
      overflow-wrap: normal;
    }
    /* On a wrapper, never on a <table>: tables ignore the 1px width and widen the page. */
    .qk-visually-hidden {
      position: absolute !important;
      width: 1px;
      height: 1px;
      padding: 0;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
  }
`;
