import { css } from 'lit';

export const styles = css`
  @layer qk-review-board {
    :host {
      --qk-review-board-up: var(--_success);
      --qk-review-board-down: var(--_danger);
      --qk-review-board-total: var(--_primary);
      min-width: 0;
      container-type: inline-size;
    }
    .title {
      font-size: 1.05em;
    }
    h3 {
      margin: var(--_space) 0 calc(var(--_space) / 2);
      font-size: 0.95em;
      font-weight: 600;
    }
    .note,
    .muted {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
    }
    .waterfall {
      margin: 0;
      position: relative;
      overflow: hidden;
    }
    .caption {
      font-size: 0.9em;
      color: var(--_muted);
    }
    .chart {
      display: block;
      max-width: 100%;
      height: auto;
    }
    .axis-note {
      color: var(--_text);
    }
    .axis line,
    .axis-floor {
      stroke: var(--_border);
    }
    .axis-break path {
      fill: var(--_surface);
      stroke: none;
    }
    .axis-break path.stroke {
      fill: none;
      stroke: var(--_muted);
      stroke-width: 1.5;
    }
    .axis text,
    .x-label,
    .bar-label {
      fill: var(--_muted);
      font-size: 11px;
      font-family: var(--_font);
    }
    .bar-label {
      fill: var(--_text);
    }
    /* A halo in the card's colour: a grid line or connector behind a label never runs through it. */
    .x-label,
    .bar-label {
      paint-order: stroke;
      stroke: var(--_surface);
      stroke-width: 3px;
      stroke-linejoin: round;
    }
    .bar.plan,
    .bar.actual {
      fill: var(--qk-review-board-total);
    }
    .bar.up {
      fill: var(--qk-review-board-up);
    }
    .bar.down {
      fill: var(--qk-review-board-down);
    }
    .bar.zero {
      fill: var(--_muted);
    }
    .connector {
      stroke: var(--_muted);
      stroke-dasharray: 3 3;
    }
    .columns {
      display: grid;
      /* The KPI table's money columns do not wrap (about 410 px): one column until two fit it. */
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 30em), 1fr));
      gap: var(--_space) calc(var(--_space) * 2);
    }
    .col {
      min-width: 0;
    }
    /* A wall screen: the KPI table's figures stay near their names (56em at most), the text takes the rest. */
    @container (min-width: 1600px) {
      .columns {
        grid-template-columns: minmax(0, 1fr) minmax(30em, 56em);
      }
    }
    .diagnosis {
      margin: 0;
      padding: calc(var(--_space) / 2) var(--_space);
      border-inline-start: 3px solid var(--qk-review-board-total);
      background: var(--_surface-alt);
    }
    .findings,
    .recommendations {
      margin: 0;
      padding-inline-start: 1.4em;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .apply {
      align-self: flex-start;
      margin-top: calc(var(--_space) / 2);
    }
    .finding .amount {
      display: inline-block;
      min-width: 6.5em;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .finding.up .amount,
    td.up {
      color: var(--qk-review-board-up);
    }
    .finding.down .amount,
    td.down {
      color: var(--qk-review-board-down);
    }
    table.kpis {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .kpis caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: 4px;
    }
    .kpis th,
    .kpis td {
      padding: 3px 6px;
      border-bottom: 1px solid var(--_border);
      text-align: end;
      white-space: nowrap;
    }
    .kpis th[scope='row'],
    .kpis thead th:first-child {
      text-align: start;
      font-weight: normal;
      white-space: normal;
    }
    .kpis thead th {
      color: var(--_muted);
      font-weight: 600;
    }
    .kpis tr.sub th[scope='row'] {
      padding-inline-start: 1.2em;
    }
    /* Why CLV is not available: a sentence under the dash, wrapping (the figure cells do not). */
    .kpis .clv-reason {
      white-space: normal;
      min-width: 8em;
      text-align: start;
      font-size: 0.85em;
      color: var(--_muted);
    }
      /*
     * A container too narrow for five columns (phones, a side panel): each KPI becomes a block, its
     * name on a line and the four figures in a 2 × 2 grid, each under its column's name.
     */
    @container (max-width: 30em) {
      .kpis thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .kpis tbody,
      .kpis tr {
        display: block;
      }
      .kpis tr {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0 var(--_space);
        padding: 4px 0;
        border-bottom: 1px solid var(--_border);
      }
      .kpis th[scope='row'] {
        grid-column: 1 / -1;
        font-weight: 600;
      }
      .kpis th,
      .kpis td {
        display: flex;
        justify-content: space-between;
        gap: 4px;
        border-bottom: 0;
        padding: 1px 0;
        white-space: normal;
      }
      .kpis td {
        white-space: nowrap;
      }
      /* A reason under a figure (CLV not available) takes its own line, not the label's width. */
      .kpis td:has(.clv-reason) {
        flex-wrap: wrap;
      }
      .kpis td .clv-reason {
        flex-basis: 100%;
        white-space: normal;
      }
      .kpis td::before {
        content: attr(data-label);
        color: var(--_muted);
        font-size: 0.85em;
        white-space: normal;
        min-width: 0;
      }
      .kpis tr.sub th[scope='row'] {
        padding-inline-start: 0;
      }
    }
  }
`;
