import { css } from 'lit';

export const styles = css`
  @layer qk-scorecard {
    :host {
      --qk-scorecard-bar: var(--_primary);
      --qk-scorecard-up: var(--_success);
      --qk-scorecard-down: var(--_danger);
      min-width: 0;
    }
    .title {
      font-size: 1.05em;
    }
    .switch {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 10px;
      margin: 0;
      padding: 2px 8px 4px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      font-size: 0.9em;
    }
    .switch legend {
      padding: 0 4px;
      color: var(--_muted);
    }
    .switch label {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      cursor: pointer;
    }
    .switch input {
      accent-color: var(--_primary);
      margin: 0;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 4px 6px;
      border-bottom: 1px solid var(--_border);
      text-align: start;
    }
    thead th {
      color: var(--_muted);
      font-weight: 600;
    }
    th[scope='row'] {
      font-weight: normal;
    }
    .rank {
      white-space: nowrap;
      width: 4em;
    }
    .tied,
    .group,
    .muted,
    .note {
      color: var(--_muted);
      font-size: 0.85em;
    }
    .note {
      margin: 0;
    }
    .link {
      border: none;
      background: none;
      padding: 0;
      color: var(--_primary);
      text-decoration: underline;
      text-underline-offset: 2px;
      cursor: pointer;
    }
    .score-cell {
      position: relative;
      min-width: 8em;
    }
    .bar {
      display: inline-block;
      vertical-align: middle;
      inline-size: 60%;
      block-size: 8px;
      margin-inline-end: 6px;
      background: var(--_surface-alt);
      border-radius: 4px;
      overflow: hidden;
    }
    .bar > span {
      display: block;
      block-size: 100%;
      background: var(--qk-scorecard-bar);
    }
    .trend.up {
      color: var(--qk-scorecard-up);
    }
    .trend.down {
      color: var(--qk-scorecard-down);
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space) calc(var(--_space) * 2);
    }
    .big {
      font-size: 2.2em;
      font-weight: 700;
      line-height: 1;
      color: var(--qk-scorecard-bar);
    }
    .back {
      margin-inline-start: auto;
    }
    tr.missing {
      color: var(--_muted);
    }
    .person {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    /* The ranking reflows on a narrow element (a phone, a side panel): one block per person. */
    .base {
      container-type: inline-size;
    }
    @container (max-width: 36em) {
      .ranking,
      .ranking tbody {
        display: block;
      }
      .ranking thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .ranking tbody tr {
        display: grid;
        grid-template-columns: 2.5em auto minmax(0, 1fr);
        grid-template-areas: 'rank name score' 'rank profile trend';
        align-items: center;
        column-gap: var(--_space);
        padding: 4px 0;
        border-bottom: 1px solid var(--_border);
      }
      .ranking tbody th,
      .ranking tbody td {
        display: block;
        padding: 0;
        border: none;
      }
      .ranking .rank {
        grid-area: rank;
        width: auto;
        align-self: start;
        font-weight: 600;
      }
      .ranking .rank .tied {
        display: block;
        font-weight: 400;
      }
      .ranking .name {
        grid-area: name;
        min-width: 0;
      }
      .ranking .score-cell {
        grid-area: score;
        min-width: 0;
        text-align: end;
        white-space: nowrap;
      }
      .ranking .score-cell .bar {
        inline-size: 4em;
      }
      .ranking tbody td:nth-child(3) {
        grid-area: profile;
        white-space: nowrap;
        color: var(--_muted);
        font-size: 0.85em;
      }
      .ranking tbody td:nth-child(5) {
        grid-area: trend;
        text-align: end;
        font-size: 0.85em;
      }
    }
  }
`;
