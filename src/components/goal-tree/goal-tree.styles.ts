import { css } from 'lit';

export const styles = css`
  @layer qk-goal-tree {
    :host {
      --_row-h: var(--qk-goal-tree-row-height, 40px);
      --_name-w: var(--qk-goal-tree-name-width, 240px);
      --_col-w: var(--qk-goal-tree-column-width, 128px);
      --_max-h: var(--qk-goal-tree-max-height, 480px);
      --_indent: var(--qk-goal-tree-indent, 16px);
      --_header-bg: var(--qk-goal-tree-header-background, var(--_surface-alt));
      --_remainder: var(--qk-goal-tree-remainder-color, color-mix(in srgb, var(--_warning) 80%, var(--_text)));
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      margin-block-end: var(--_space);
    }
    .toolbar fieldset {
      display: inline-flex;
      gap: calc(var(--_space) / 2);
      align-items: center;
      margin: 0;
      padding: 2px 8px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .toolbar legend {
      float: left;
      padding: 0;
      margin-inline-end: 4px;
      color: var(--_muted);
      font-size: 0.9em;
    }
    .switches {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      margin-block-end: var(--_space);
    }
    .switches label {
      display: inline-flex;
      gap: 4px;
      align-items: center;
      color: var(--_muted);
    }
    .switches input[type='number'] {
      inline-size: 4.5em;
    }
    .toolbar label {
      display: inline-flex;
      gap: 4px;
      align-items: center;
    }
    .spacer {
      flex: 1;
    }
    button[disabled] {
      opacity: 0.5;
      cursor: default;
    }
    button.primary {
      background: var(--_primary);
      color: var(--_on-primary);
      border-color: var(--_primary);
    }
    .notice,
    .message {
      display: flex;
      gap: var(--_space);
      align-items: center;
      padding: 6px 10px;
      margin-block-end: var(--_space);
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_surface-alt);
    }
    .notice {
      flex-wrap: wrap;
    }
    .notice button {
      flex: none;
    }
    .message {
      border-color: var(--_danger);
      color: var(--_text);
    }
    .scroller {
      position: relative;
      overflow: auto;
      max-height: var(--_max-h);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      overscroll-behavior: contain;
    }
    .grid {
      position: relative;
      min-width: max-content;
    }
    .row {
      display: grid;
      /* The figure columns share what the name column leaves (at least --_col-w each): no empty band on a wide screen. */
      grid-template-columns: var(--_name-w) repeat(var(--_cols), minmax(var(--_col-w), 1fr));
      height: var(--_row-h);
      min-width: 100%;
      border-block-end: 1px solid var(--_border);
      background: var(--_surface);
    }
    .body {
      position: relative;
    }
    .body .row {
      position: absolute;
      top: 0;
      left: 0;
      contain: layout style;
    }
    .head {
      position: sticky;
      top: 0;
      z-index: 3;
    }
    .head .row,
    .head .row > * {
      background: var(--_header-bg);
      font-weight: 600;
    }
    .cell {
      position: relative;
      display: flex;
      flex-direction: column;
      justify-content: center;
      align-items: flex-end;
      padding: 0 8px;
      min-width: 0;
      overflow: hidden;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
      outline-offset: -2px;
    }
    .cell:focus-visible,
    .cell:focus {
      outline: 2px solid var(--_focus);
    }
    .name {
      position: sticky;
      left: 0;
      z-index: 1;
      flex-direction: row;
      justify-content: flex-start;
      align-items: center;
      gap: 4px;
      background: var(--_surface);
      border-inline-end: 1px solid var(--_border);
      padding-inline-start: calc(4px + (var(--_level) - 1) * var(--_indent));
    }
    .head .name {
      z-index: 4;
    }
    .row[aria-selected='true'] > .cell {
      background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
    }
    .toggle {
      display: inline-flex;
      justify-content: center;
      width: 18px;
      flex: none;
      color: var(--_muted);
      cursor: pointer;
      user-select: none;
      transition: transform 0.12s;
    }
    .toggle[data-open] {
      transform: rotate(90deg);
    }
    @media (prefers-reduced-motion: reduce) {
      .toggle {
        transition: none;
      }
    }
    .label {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .kind {
      color: var(--_muted);
      font-size: 0.8em;
    }
    .badge {
      flex: none;
      font-size: 0.75em;
      line-height: 1.3;
      padding: 0 5px;
      border-radius: 999px;
      border: 1px solid currentColor;
      white-space: nowrap;
    }
    .badge.ramp {
      color: var(--_primary);
    }
    .act {
      margin-inline-start: auto;
      padding: 0 6px;
      font-size: 0.8em;
      visibility: hidden;
    }
    .row:hover .act,
    .name:focus-within .act,
    .name:focus .act {
      visibility: visible;
    }
    .value.changed {
      background: var(--_changed);
    }
    .lock-icon {
      margin-inline-end: 3px;
      vertical-align: -1px;
      color: var(--_muted);
    }
    .value.readonly {
      color: var(--_muted);
    }
    .remainder {
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      font-size: 0.72em;
      color: var(--_remainder);
      line-height: 1.2;
    }
    .remainder.over {
      color: var(--_danger);
    }
    .original {
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      font-size: 0.72em;
      line-height: 1.2;
      text-decoration: line-through;
    }
    .diff {
      font-size: 0.72em;
      color: var(--_muted);
    }
    .value.invalid {
      outline: 2px solid var(--_danger);
      outline-offset: -2px;
    }
    .draft {
      color: var(--_danger);
    }
    input.edit {
      width: 100%;
      height: calc(var(--_row-h) - 8px);
      font: inherit;
      text-align: end;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_primary);
      border-radius: 4px;
      padding: 0 4px;
    }
    input.edit[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .loading-row .cell {
      color: var(--_muted);
      align-items: flex-start;
    }
    dialog {
      max-width: min(640px, 92vw);
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 2);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.35);
    }
    dialog h2 {
      font-size: 1.05em;
      margin: 0 0 var(--_space);
    }
    dialog fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0 0 var(--_space);
      display: grid;
      gap: 4px;
    }
    dialog table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
      margin-block-end: var(--_space);
    }
    dialog th,
    dialog td {
      text-align: end;
      padding: 3px 6px;
      border-block-end: 1px solid var(--_border);
    }
    dialog th:first-child,
    dialog td:first-child {
      text-align: start;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: var(--_space);
    }
    .up {
      color: var(--_success);
    }
    .down {
      color: var(--_danger);
    }
    .import-errors {
      margin: 0 0 var(--_space);
      padding: calc(var(--_space) / 2) calc(var(--_space) * 2.5);
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
      font-size: 0.9em;
    }
  }
`;
