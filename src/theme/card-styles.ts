import { css } from 'lit';

/**
 * The card most elements draw themselves in: the box (`.base`), a header row (`.header`) with a
 * title (`.title`) and a status badge (`.badge`). The gap follows `--_card-gap` (default: the
 * spacing token), which an element may tighten on its `:host`.
 */
export const cardStyles = css`
  @layer qk-card {
    .base {
      display: flex;
      flex-direction: column;
      gap: var(--_card-gap, var(--_space));
      padding: var(--_space);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_card-gap, var(--_space));
    }
    .title {
      margin: 0;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .badge {
      display: inline-block;
      padding: 0 8px;
      border-radius: 999px;
      font-size: 0.85em;
      font-weight: 600;
      color: var(--_surface);
      white-space: nowrap;
    }
  }
`;
