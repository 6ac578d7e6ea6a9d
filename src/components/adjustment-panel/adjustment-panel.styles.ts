import { css } from 'lit';

export const styles = css`
  @layer qk-adjustment-panel {
    :host {
      --qk-adjustment-panel-max-width: 960px;
      --qk-adjustment-panel-increase: var(--_success);
      --qk-adjustment-panel-decrease: var(--_danger);
      max-width: var(--qk-adjustment-panel-max-width) !important;
    }
    .panel-root {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 2);
    }
    h2 {
      margin: 0 0 var(--_space);
      font-size: 1.15em;
    }
    h3 {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: 1em;
    }
    [role='tablist'] {
      display: flex;
      gap: 2px;
      border-bottom: 1px solid var(--_border);
      margin-bottom: calc(var(--_space) * 1.5);
    }
    [role='tab'] {
      border: 1px solid transparent;
      border-bottom: none;
      border-radius: var(--_radius) var(--_radius) 0 0;
      background: transparent;
      padding: 6px 14px;
      color: var(--_muted);
    }
    [role='tab'][aria-selected='true'] {
      border-color: var(--_border);
      background: var(--_surface);
      color: var(--_text);
      font-weight: 600;
      margin-bottom: -1px;
    }
    .form {
      display: grid;
      gap: calc(var(--_space) * 1.5);
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
      gap: var(--_space);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .field > span,
    legend {
      font-weight: 600;
      font-size: 0.92em;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0;
      padding: var(--_space);
      display: flex;
      flex-wrap: wrap;
      gap: 6px 14px;
      align-items: center;
    }
    .periods {
      gap: 4px;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      border: 1px solid var(--_border);
      border-radius: 999px;
      font-family: var(--_mono);
      font-size: 0.85em;
    }
    input,
    select,
    textarea {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 4px 8px;
    }
    input[type='checkbox'],
    input[type='radio'] {
      accent-color: var(--_primary);
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    input.num {
      width: 12em;
    }
    .hint {
      color: var(--_muted);
    }
    .hint.short {
      color: var(--_warning);
    }
    .muted {
      color: var(--_muted);
      margin: 0;
    }
    .preview {
      border-top: 1px solid var(--_border);
      padding-top: var(--_space);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      margin: calc(var(--_space) / 2) 0;
    }
    th,
    td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--_border);
      text-align: start;
      font-weight: normal;
    }
    thead th {
      color: var(--_muted);
      font-size: 0.88em;
    }
    tbody th {
      font-weight: 600;
    }
    tr.changed {
      background: var(--_changed);
    }
    .up {
      color: var(--qk-adjustment-panel-increase);
    }
    .down {
      color: var(--qk-adjustment-panel-decrease);
    }
    .message {
      margin: 0;
      padding: 6px 10px;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
    }
    .message.error {
      border-color: var(--_danger);
      color: var(--_danger);
    }
    .message.info {
      border-color: var(--_success);
      color: var(--_success);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: flex-end;
    }
    button.primary {
      background: var(--_primary);
      color: var(--_on-primary);
      border-color: var(--_primary);
    }
    button.danger {
      color: var(--_danger);
      border-color: var(--_danger);
      background: var(--_surface);
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    .queue,
    .history {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space);
    }
    .history {
      margin-top: var(--_space);
    }
    .request {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      display: grid;
      gap: 6px;
    }
    .request .head {
      display: flex;
      justify-content: space-between;
      gap: var(--_space);
    }
    .reason {
      margin: 0;
      white-space: pre-wrap;
    }
    .comment {
      flex: 1 1 260px;
    }
    .badge {
      display: inline-block;
      padding: 0 8px;
      border-radius: 999px;
      font-size: 0.82em;
      border: 1px solid var(--_border);
      background: var(--_surface-alt);
      white-space: nowrap;
    }
    .badge.approved,
    .badge.applied {
      color: var(--_success);
      border-color: var(--_success);
    }
    .badge.rejected {
      color: var(--_danger);
      border-color: var(--_danger);
    }
    .badge.pending {
      color: var(--_warning);
      border-color: var(--_warning);
    }
    .notice {
      display: grid;
      gap: 6px;
      border-top: 1px dashed var(--_border);
      padding-top: 6px;
    }
    .entry {
      display: grid;
      grid-template-columns: 9.5em 1fr;
      gap: var(--_space);
      border-inline-start: 3px solid var(--_border);
      padding-inline-start: var(--_space);
    }
    .entry.apply {
      border-inline-start-color: var(--_success);
    }
    .entry.reject {
      border-inline-start-color: var(--_danger);
    }
    .entry time {
      color: var(--_muted);
      font-family: var(--_mono);
      font-size: 0.85em;
    }
    .entry p {
      margin: 2px 0 0;
    }
    .suggestions {
      display: grid;
      gap: 6px;
      margin-bottom: calc(var(--_space) * 1.5);
      padding-bottom: calc(var(--_space) * 1.5);
      border-bottom: 1px solid var(--_border);
    }
    .suggestions > p {
      margin: 0;
    }
    .suggestion-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space);
    }
    .suggestion {
      display: grid;
      gap: 4px;
      border-inline-start: 3px solid var(--_warning);
      padding-inline-start: var(--_space);
    }
    .suggestion.joining {
      border-inline-start-color: var(--_primary);
    }
    .suggestion .head {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: baseline;
    }
    .suggestion .actions {
      align-items: center;
    }
    .suggestion.joining,
    .suggestion.absence,
    .suggestion.territory,
    .suggestion.new-product {
      border-inline-start-color: var(--_primary);
    }
    .suggestion-group {
      display: grid;
      gap: 6px;
    }
    .suggestion-group h4 {
      margin: 4px 0 0;
      font-size: 0.95em;
    }
    .suggestion-group .count {
      font-weight: normal;
    }
    .suggestion-group .show-all {
      justify-self: start;
    }
    .include-pace {
      display: flex;
      gap: 6px;
      align-items: center;
    }
    .payout-effect {
      margin: 0;
      font-size: 0.92em;
    }
    /* The node combobox: the list floats under the search box and scrolls. Same surface and border as the inputs. */
    .combo {
      position: relative;
    }
    .combo label > span {
      font-weight: 600;
      font-size: 0.92em;
    }
    [role='listbox'] {
      position: absolute;
      inset-inline: 0;
      top: 100%;
      z-index: 2;
      margin: 2px 0 0;
      padding: 2px;
      list-style: none;
      max-height: 18em;
      overflow-y: auto;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [role='listbox'][hidden] {
      display: none;
    }
    [role='option'] {
      display: flex;
      flex-direction: column;
      padding: 4px 8px;
      border-radius: var(--_radius);
      cursor: pointer;
    }
    [role='option'][aria-selected='true'] {
      outline: 2px solid var(--_primary);
      outline-offset: -2px;
    }
    [role='option'].chosen {
      font-weight: 600;
    }
    [role='option'] .path {
      color: var(--_muted);
      font-weight: normal;
    }
  }
`;
