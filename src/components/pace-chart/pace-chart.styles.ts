import { css } from 'lit';

export const styles = css`
  @layer qk-pace-chart {
    :host {
      --qk-pace-chart-actual: var(--_primary);
      --qk-pace-chart-expected: var(--_muted);
      --qk-pace-chart-cone: var(--_primary);
      --qk-pace-chart-cone-opacity: 0.16;
      --qk-pace-chart-target: var(--_success);
      --qk-pace-chart-today: var(--_warning);
      --_card-gap: calc(var(--_space) / 2);
      min-width: 0;
    }
    .badge.on-track {
      background: var(--_success);
    }
    .badge.at-risk {
      background: var(--_warning);
    }
    .badge.off-track {
      background: var(--_danger);
    }
    .badge.achieved {
      background: var(--_success);
    }
    .badge.missed {
      background: var(--_danger);
    }
    .badge.too-early {
      background: var(--_surface-alt);
      color: inherit;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 2px var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
      color: var(--_muted);
      font-size: 0.85em;
    }
    .key {
      display: inline-block;
      width: 14px;
      height: 0;
      margin-inline-end: 4px;
      vertical-align: middle;
      border-top: 2px solid;
    }
    .key.actual {
      border-color: var(--qk-pace-chart-actual);
      border-top-width: 3px;
    }
    .key.expected {
      border-color: var(--qk-pace-chart-expected);
      border-top-style: dashed;
    }
    .key.cone {
      height: 8px;
      border: 0;
      background: var(--qk-pace-chart-cone);
      opacity: calc(var(--qk-pace-chart-cone-opacity) * 2.5);
    }
    .key.forecast {
      border-color: var(--qk-pace-chart-cone);
      border-top-style: dotted;
    }
    .key.target {
      border-color: var(--qk-pace-chart-target);
      border-top-style: dashed;
    }
    .plot {
      position: relative;
      border-radius: var(--_radius);
      touch-action: pan-y;
    }
    .plot:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .chart {
      display: block;
      width: 100%;
      height: auto;
      overflow: visible;
      font-size: 11px;
    }
    .grid line {
      stroke: var(--_border);
      stroke-width: 1;
    }
    .grid text {
      fill: var(--_muted);
    }
    path {
      fill: none;
    }
    .cone {
      fill: var(--qk-pace-chart-cone);
      fill-opacity: var(--qk-pace-chart-cone-opacity);
    }
    .expected {
      stroke: var(--qk-pace-chart-expected);
      stroke-width: 1.5;
      stroke-dasharray: 5 4;
    }
    .actual {
      stroke: var(--qk-pace-chart-actual);
      stroke-width: 2.5;
      stroke-linejoin: round;
    }
    .forecast {
      stroke: var(--qk-pace-chart-cone);
      stroke-width: 1.5;
      stroke-dasharray: 2 3;
    }
    .target {
      stroke: var(--qk-pace-chart-target);
      stroke-width: 1.5;
      stroke-dasharray: 6 3;
    }
    .actual-dot {
      fill: var(--qk-pace-chart-actual);
    }
    .today line {
      stroke: var(--qk-pace-chart-today);
      stroke-width: 1.5;
    }
    .today text {
      fill: var(--qk-pace-chart-today);
      font-weight: 600;
    }
    .active line {
      stroke: var(--_muted);
      stroke-width: 1;
    }
    .active circle {
      stroke: var(--_surface);
      stroke-width: 1.5;
      stroke-dasharray: none;
    }
    .active circle.actual {
      fill: var(--qk-pace-chart-actual);
    }
    .active circle.expected {
      fill: var(--qk-pace-chart-expected);
    }
    .active circle.forecast {
      fill: var(--qk-pace-chart-cone);
    }
    .tooltip {
      position: absolute;
      top: 4px;
      z-index: 1;
      padding: 4px 8px;
      max-width: min(260px, 70%);
      background: var(--_surface);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
      font-size: 0.85em;
      font-variant-numeric: tabular-nums;
      pointer-events: none;
    }
    .tooltip .muted {
      color: var(--_muted);
    }
  }
`;
