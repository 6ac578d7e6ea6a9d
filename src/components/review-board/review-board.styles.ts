import { css } from 'lit';

export const styles = css`
  @layer qk-review-board {
    :host {
      --qk-review-board-up: var(--_success);
      --qk-review-board-down: var(--_danger);
      --qk-review-board-total: var(--_primary);
      --qk-review-board-chart-height: 240px;
      min-width: 0;
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
      max-height: var(--qk-review-board-chart-height);
    }
    .axis line {
      stroke: var(--_border);
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
  }
`;
