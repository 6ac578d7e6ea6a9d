import { css } from 'lit';

/** The styles of the people cards (goal-tree.cards.ts), adopted with the element's own. */
export const cardStyles = css`
  @layer qk-goal-tree {
    .cards-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      margin-block-end: var(--_space);
    }
    .to-table {
      margin-inline-start: auto;
    }
    .crumbs ol {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 2px 4px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .crumbs li {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-width: 0;
    }
    .crumbs li + li::before {
      content: '/';
      color: var(--_muted);
    }
    .crumbs button {
      padding: 0 6px;
    }
    .crumbs .qk-name {
      --_name-max: 8em;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr));
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 6px;
      min-width: 0;
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .card-head {
      display: flex;
      align-items: center;
      gap: var(--_space);
      min-width: 0;
    }
    .card-head .qk-name {
      --_name-max: 100%;
      max-inline-size: 100%;
    }
    .who,
    .open {
      min-width: 0;
      font-weight: 600;
    }
    .open {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      color: var(--_primary);
    }
    .chev {
      font-size: 1.2em;
      line-height: 1;
    }
    .status {
      flex: none;
      margin-inline-start: auto;
      padding: 0 8px;
      border-radius: 999px;
      border: 1px solid currentColor;
      font-size: 0.8em;
      white-space: nowrap;
    }
    .status.on-track,
    .status.achieved {
      color: var(--_success);
    }
    .status.at-risk {
      color: var(--_warning);
    }
    .status.off-track,
    .status.missed {
      color: var(--_danger);
    }
    .status.too-early {
      color: var(--_muted);
    }
    .figs {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 4px var(--_space);
      margin: 0;
    }
    .figs div {
      min-width: 0;
    }
    .figs .wide {
      grid-column: 1 / -1;
    }
    .figs dt {
      color: var(--_muted);
      font-size: 0.8em;
    }
    .figs dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .more {
      margin: var(--_space) 0 0;
      color: var(--_muted);
    }
  }
`;
