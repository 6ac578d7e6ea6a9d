import { css } from 'lit';

export const styles = css`
  @layer qk-funnel-inverter {
    :host {
      --qk-funnel-inverter-required-color: var(--_primary);
      --qk-funnel-inverter-actual-color: var(--_success);
      --qk-funnel-inverter-pipeline-color: var(--_warning);
      --qk-funnel-inverter-bottleneck-color: var(--_danger);
      --qk-funnel-inverter-row-height: 48px;
      --qk-funnel-inverter-form-width: 300px;
      /*
       * Layout follows the element's own width, not the viewport's: a dashboard column or 320 px.
       * Important, so a page's \`* { all: unset }\` on the host cannot switch the container off.
       */
      container: qk-funnel / inline-size !important;
    }
    .base {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 2);
      padding: calc(var(--_space) * 2);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
    }
    .header h2 {
      margin: 0;
      font-size: 1.15em;
    }
    .header p {
      margin: 2px 0 0;
    }
    h3 {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: 1em;
    }
    .muted,
    .hint,
    .note {
      color: var(--_muted);
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 2);
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      min-width: 0;
    }
    fieldset {
      margin: 0;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      min-width: 0;
    }
    legend {
      padding: 0 4px;
      font-weight: 600;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .field label {
      font-weight: 500;
    }
    .control {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    input[type='text'],
    select {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 4px 8px;
      min-width: 0;
      width: 100%;
    }
    input[aria-invalid='true'] {
      border-color: var(--qk-funnel-inverter-bottleneck-color);
      box-shadow: inset 0 0 0 1px var(--qk-funnel-inverter-bottleneck-color);
    }
    input[type='range'] {
      width: 100%;
      accent-color: var(--qk-funnel-inverter-required-color);
    }
    .hint {
      font-size: 0.85em;
    }
    .msg {
      color: var(--_danger);
      font-size: 0.9em;
      margin: 0;
    }
    .rate {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .days {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(7.5em, 1fr));
      gap: var(--_space);
    }
    .history {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
    }
    .history p,
    .note {
      margin: 0;
      font-size: 0.9em;
    }
    button[disabled] {
      cursor: not-allowed;
      opacity: 0.6;
    }
    .chart {
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.9em;
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .swatch {
      display: inline-block;
      width: 14px;
      height: 10px;
      border-radius: 2px;
    }
    .swatch.required {
      background: color-mix(in srgb, var(--qk-funnel-inverter-required-color) 22%, transparent);
      border: 1px solid var(--qk-funnel-inverter-required-color);
    }
    .swatch.actual {
      background: var(--qk-funnel-inverter-actual-color);
    }
    .swatch.pipeline {
      border: 2px dashed var(--qk-funnel-inverter-pipeline-color);
    }
    svg {
      display: block;
      /* Drawn at the measured width; until a resize is measured it scales rather than overflows. */
      width: 100%;
      height: auto;
      overflow: visible;
    }
    svg.stale {
      opacity: 0.55;
    }
    .band {
      fill: color-mix(in srgb, var(--qk-funnel-inverter-required-color) 22%, transparent);
      stroke: var(--qk-funnel-inverter-required-color);
      stroke-width: 1;
    }
    .stage.bottleneck .band {
      stroke: var(--qk-funnel-inverter-bottleneck-color);
      stroke-width: 2.5;
    }
    .actual {
      fill: var(--qk-funnel-inverter-actual-color);
    }
    .pipeline {
      fill: none;
      stroke: var(--qk-funnel-inverter-pipeline-color);
      stroke-width: 2;
      stroke-dasharray: 4 2;
    }
    svg text {
      fill: var(--_text);
      font-size: 13px;
    }
    svg text.count {
      font-weight: 600;
      font-size: 15px;
      font-variant-numeric: tabular-nums;
    }
    .conversion text {
      fill: var(--_muted);
      font-size: 12px;
    }
    .conversion.bottleneck text {
      fill: var(--qk-funnel-inverter-bottleneck-color);
      font-weight: 700;
    }
    .bottleneck-note {
      border-inline-start: 4px solid var(--qk-funnel-inverter-bottleneck-color);
      background: var(--_surface-alt);
      padding: var(--_space);
      border-radius: var(--_radius);
    }
    .bottleneck-note strong {
      color: var(--qk-funnel-inverter-bottleneck-color);
    }
    .outputs {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 2);
    }
    .section {
      min-width: 0;
    }
    .section p {
      margin: 0 0 4px;
    }
    .scroll {
      overflow-x: auto;
      max-height: 24em;
      overflow-y: auto;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
      width: 100%;
    }
    th,
    td {
      padding: 3px 8px;
      border-bottom: 1px solid var(--_border);
      text-align: end;
      white-space: nowrap;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: start;
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--_surface);
      font-weight: 600;
    }
    tr.short td:last-child {
      color: var(--_danger);
      font-weight: 600;
    }
    details summary {
      cursor: pointer;
      color: var(--_primary);
    }
    /*
     * Too narrow for a table of five to eight columns (a phone, a side panel): each row becomes a
     * block, its name on a line and its figures in a grid, each under its column's name (data-label).
     */
    @container qk-funnel (max-width: 36em) {
      .outputs thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .outputs table,
      .outputs tbody {
        display: block;
      }
      .outputs tr {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9em, 1fr));
        gap: 0 calc(var(--_space) * 2);
        padding: 4px 0;
        border-bottom: 1px solid var(--_border);
      }
      .outputs th[scope='row'] {
        grid-column: 1 / -1;
        font-weight: 600;
        text-align: start;
      }
      .outputs th,
      .outputs td {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 4px;
        border-bottom: 0;
        padding: 1px 0;
        min-width: 0;
      }
      .outputs td {
        white-space: normal;
        text-align: end;
      }
      /* A month's figures are dates ("1,476 by Nov 26, 2025 (2025-W48)"): one a line. */
      .outputs .schedule tr {
        grid-template-columns: minmax(0, 1fr);
      }
      .outputs td::before {
        content: attr(data-label);
        color: var(--_muted);
        font-size: 0.85em;
        text-align: start;
        min-width: 0;
      }
    }
    @container qk-funnel (min-width: 720px) {
      /* The funnel comes first (on a phone the answer is on top); wide, the inputs sit to its left. */
      .layout {
        grid-template-columns: minmax(240px, var(--qk-funnel-inverter-form-width)) minmax(0, 1fr);
        grid-template-areas: 'form chart';
        align-items: start;
      }
      .layout > .chart {
        grid-area: chart;
      }
      .layout > .form {
        grid-area: form;
      }
      .outputs {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .outputs .schedule,
      .outputs .per-rep {
        grid-column: 1 / -1;
      }
    }
    /* A wall screen: the tables of a few columns keep them near each other (64em at most). */
    @container qk-funnel (min-width: 1600px) {
      .outputs table {
        width: auto;
        min-width: min(100%, 40em);
        max-width: 64em;
      }
    }
  }
`;
