import { css } from 'lit';

export const styles = css`
  @layer qk-attainment-gauge {
    :host {
      --qk-attainment-gauge-on-track: var(--_success);
      --qk-attainment-gauge-at-risk: var(--_warning);
      --qk-attainment-gauge-off-track: var(--_danger);
      --qk-attainment-gauge-over: var(--_primary);
      --qk-attainment-gauge-track: var(--_surface-alt);
      --qk-attainment-gauge-band-opacity: 0.35;
      --_card-gap: calc(var(--_space) / 2);
      min-width: 0;
    }
    .badge.on-track {
      background: var(--qk-attainment-gauge-on-track);
    }
    .badge.at-risk {
      background: var(--qk-attainment-gauge-at-risk);
    }
    .badge.off-track {
      background: var(--qk-attainment-gauge-off-track);
    }
    .badge.achieved {
      background: var(--qk-attainment-gauge-on-track);
    }
    .badge.missed {
      background: var(--qk-attainment-gauge-off-track);
    }
    .badge.too-early {
      background: var(--_surface-alt);
      color: inherit;
    }
    .body {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space) calc(var(--_space) * 2);
    }
    .meter {
      flex: 0 1 auto;
      min-width: 0;
      max-width: 100%;
    }
    .gauge {
      display: block;
      max-width: 100%;
      height: auto;
      overflow: visible;
    }
    .band {
      opacity: var(--qk-attainment-gauge-band-opacity);
    }
    .band.on-track {
      fill: var(--qk-attainment-gauge-on-track);
    }
    .band.at-risk {
      fill: var(--qk-attainment-gauge-at-risk);
    }
    .band.off-track {
      fill: var(--qk-attainment-gauge-off-track);
    }
    .track {
      fill: var(--qk-attainment-gauge-track);
      stroke: var(--_border);
      stroke-width: 0.5;
    }
    .fill {
      fill: var(--_fill, var(--_primary));
    }
    .fill-over {
      fill: var(--qk-attainment-gauge-over);
      stroke: var(--_surface);
      stroke-width: 1.5;
    }
    .base:has(.badge.on-track) {
      --_fill: var(--qk-attainment-gauge-on-track);
    }
    .base:has(.badge.at-risk) {
      --_fill: var(--qk-attainment-gauge-at-risk);
    }
    .base:has(.badge.off-track) {
      --_fill: var(--qk-attainment-gauge-off-track);
    }
    .forecast-range {
      fill: var(--_primary);
      opacity: 0.45;
    }
    .tick {
      stroke: var(--_muted);
      stroke-width: 1;
    }
    .tick.major {
      stroke-width: 1.5;
    }
    .tick-label {
      fill: var(--_muted);
    }
    .marker {
      stroke-width: 3;
      stroke-linecap: round;
    }
    .marker.expected {
      stroke: var(--_text);
    }
    .marker.forecast {
      stroke: var(--_primary);
      stroke-dasharray: 3 3;
    }
    .value {
      fill: var(--_text);
      font-weight: 700;
    }
    .figures {
      flex: 1 1 180px;
      margin: 0;
      display: grid;
      gap: 2px;
      min-width: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 var(--_space);
    }
    dt {
      color: var(--_muted);
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
      text-align: end;
    }
    .row.main dd {
      font-weight: 600;
    }
    .row.over dd {
      color: var(--qk-attainment-gauge-on-track);
    }
    .reason {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
    }
    .compact {
      padding: calc(var(--_space) * 0.75);
      font-size: 0.92em;
    }
  }
`;
