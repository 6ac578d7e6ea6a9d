import { html } from 'lit';

/** A padlock drawn in SVG: emoji fonts are missing on many systems. */
export const lockIcon = html`<svg class="lock-icon" part="lock-icon" viewBox="0 0 16 16" width="11" height="11" aria-hidden="true"><path fill="currentColor" d="M5 7V5a3 3 0 0 1 6 0v2h1.5v7.5h-9V7H5zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z"/></svg>`;
