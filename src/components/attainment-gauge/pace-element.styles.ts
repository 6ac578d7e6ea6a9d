import { css } from 'lit';

/** The card, header, title and status badge that the gauge and the pace chart share. */
export const paceElementStyles = css`
  @layer qk-pace-element {
    .base {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) / 2);
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
      gap: calc(var(--_space) / 2);
    }
    .title {
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
