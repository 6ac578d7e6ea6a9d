import { css } from 'lit';

export const styles = css`
  @layer qk-incentive-calculator {
    :host {
      --qk-incentive-calculator-curve: var(--_primary);
      --qk-incentive-calculator-marker: var(--_success);
      --qk-incentive-calculator-what-if: var(--_warning);
      --qk-incentive-calculator-breakpoint: var(--_border);
      --qk-incentive-calculator-chart-max-width: 640px;
      min-width: 0;
    }
    .base {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      padding: calc(var(--_space) * 1.5);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
    }
    .title {
      margin: 0;
      font-size: 1.05em;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 4);
      margin: 0;
    }
    .fig dt {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .fig dd {
      margin: 0;
    }
    .big {
      font-size: 1.5em;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .payout {
      color: var(--_success);
    }
    /* The label naming the basis of a figure paid on (layout only; it keeps the text colour). */
    .basis {
      display: inline-block;
      margin-inline-start: 4px;
      padding: 0 4px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      font-size: 0.6em;
      font-weight: 400;
      vertical-align: middle;
      white-space: nowrap;
      cursor: help;
    }
    .sub .basis,
    th .basis {
      font-size: 0.85em;
    }
    .sub,
    .muted {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .next,
    .clawback {
      margin: 0;
      padding: calc(var(--_space) / 2) var(--_space);
      border-inline-start: 3px solid var(--_primary);
      background: var(--_surface-alt);
    }
    .clawback {
      border-color: var(--_danger);
    }
    .columns {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 2);
      align-items: flex-start;
    }
    .chart {
      flex: 1 1 360px;
      max-width: var(--qk-incentive-calculator-chart-max-width);
      margin: 0;
      min-width: 0;
    }
    .chart figcaption {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .curve-svg {
      display: block;
      width: 100%;
      height: auto;
      overflow: visible;
    }
    .curve-svg text {
      fill: var(--_muted);
      font-size: 11px;
      font-family: var(--_font);
    }
    .grid,
    .baseline {
      stroke: var(--_border);
      stroke-width: 1;
    }
    .grid {
      stroke-dasharray: 2 3;
    }
    .breakpoint line {
      stroke: var(--qk-incentive-calculator-breakpoint);
      stroke-width: 1.5;
      stroke-dasharray: 4 3;
    }
    .curve {
      fill: none;
      stroke: var(--qk-incentive-calculator-curve);
      stroke-width: 2.5;
      stroke-linejoin: round;
    }
    .marker.you circle {
      fill: var(--qk-incentive-calculator-marker);
      stroke: var(--_surface);
      stroke-width: 2;
    }
    .marker.you text {
      fill: var(--_text);
      font-weight: 600;
    }
    .marker.what-if {
      fill: var(--_surface);
      stroke: var(--qk-incentive-calculator-what-if);
      stroke-width: 2.5;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: calc(var(--_space) / 2);
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
      font-size: 0.9em;
    }
    tfoot th,
    tfoot td {
      font-weight: 600;
      border-bottom: none;
      border-top: 2px solid var(--_border);
    }
    .num {
      text-align: end;
      white-space: nowrap;
    }
    .neg {
      color: var(--_danger);
    }
    .breakdown {
      flex: 1 1 280px;
    }
    .what-if {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) / 2);
    }
    .what-if label {
      font-weight: 600;
    }
    .slider-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }
    input[type='range'] {
      flex: 1 1 240px;
      accent-color: var(--qk-incentive-calculator-what-if);
    }
    .table-wrap {
      overflow-x: auto;
    }
    .team {
      width: 100%;
    }
    /*
     * Why a person has no figures, across the target, revenue, attainment and payout columns: at the
     * cell's start and wrapped, so a narrow element shows it without scrolling (right-aligned, it sat past
     * the visible part of a 320 px table and the cell looked blank).
     */
    .team td.no-figures {
      text-align: start;
      white-space: normal;
    }
    .team thead button {
      all: unset;
      cursor: pointer;
      color: inherit;
      display: inline-flex;
      gap: 4px;
      border-radius: 3px;
      white-space: nowrap;
    }
    .team thead button:focus-visible,
    button.link:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 1px;
    }
    .arrow {
      display: inline-block;
      min-width: 1em;
    }
    button.link {
      all: unset;
      cursor: pointer;
      color: var(--_primary);
      text-decoration: underline;
      text-underline-offset: 2px;
    }
    .mentoring {
      max-width: 640px;
    }
    /*
     * A wall screen: the team table keeps its columns near each other (about 64em) instead of
     * spreading six columns over 2,500 px, where a row can no longer be read across.
     */
    .base {
      container-type: inline-size;
    }
    @container (min-width: 1600px) {
      .team {
        width: auto;
        min-width: min(100%, 64em);
      }
    }
  }
`;
