import { css } from 'lit';

/** The row menu (⋯), its popover list and the cells' padlock buttons. */
export const rowMenuStyles = css`
  @layer qk-goal-tree {
    .menu-button,
    .lock-toggle {
      display: inline-grid;
      place-items: center;
      flex: none;
      min-width: 24px;
      min-height: 24px;
      padding: 0;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      background: transparent;
      color: var(--_muted);
      cursor: pointer;
      line-height: 1;
    }
    .menu-button {
      margin-inline-start: 2px;
    }
    .act + .menu-button {
      margin-inline-start: 2px;
    }
    .label + .menu-button,
    .badge + .menu-button {
      margin-inline-start: auto;
    }
    .menu-button:hover,
    .lock-toggle:hover,
    .menu-button[aria-expanded='true'] {
      border-color: var(--_border);
      color: var(--_text);
    }
    .lock-toggle {
      margin-inline-end: 4px;
      vertical-align: middle;
    }
    .lock-toggle .lock-icon {
      width: 14px;
      height: 14px;
      margin: 0;
      color: inherit;
      vertical-align: 0;
    }
    .lock-toggle[aria-pressed='true'] {
      color: var(--_primary);
      background: color-mix(in srgb, var(--_primary) 14%, transparent);
      border-color: color-mix(in srgb, var(--_primary) 45%, transparent);
    }
    .row-menu {
      position: fixed;
      inset: auto;
      margin: 2px 0 0;
      min-width: 12em;
      padding: 4px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.18);
    }
    .row-menu [role^='menuitem'] {
      display: flex;
      gap: 6px;
      align-items: center;
      padding: 6px 10px;
      border-radius: var(--_radius);
      cursor: pointer;
      white-space: nowrap;
    }
    .row-menu [role^='menuitem']:hover,
    .row-menu [role^='menuitem']:focus {
      background: color-mix(in srgb, var(--_primary) 14%, transparent);
      outline: none;
    }
    .row-menu [role^='menuitem']:focus-visible {
      outline: 2px solid var(--_focus, var(--_primary));
      outline-offset: -2px;
    }
    .row-menu [aria-disabled='true'] {
      opacity: 0.5;
      cursor: default;
    }
    .row-menu .check {
      display: inline-block;
      width: 1em;
    }
  }
`;
