import { unsafeSVG } from 'lit/directives/unsafe-svg.js';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The `<title>` (tooltip, accessible name) of an SVG mark. Lit's server rendering cannot put a
 * binding inside `<title>` (lit/lit#4405: "Unexpected final partIndex"), so the element is written
 * whole, its text escaped: what the host gave (a node or stage name) stays text, never markup.
 */
export const svgTitle = (text: string) => unsafeSVG(`<title>${escapeText(text)}</title>`);
