import { noChange, nothing, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through CSSOM (`element.style.setProperty`) on every render, first
 * render included. Lit's `styleMap` writes a `style` attribute on the first render, which a strict
 * Content-Security-Policy (`style-src 'self'`, no `'unsafe-inline'`) blocks; CSSOM writes are allowed.
 * Use it in element position: `<div ${cssProps({ transform: 'translateY(32px)', '--_level': '2' })}>`.
 */
class CssPropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() goes in element position: <div ${cssProps({…})}>');
  }

  render(_props: Readonly<Record<string, string | number | null | undefined>>) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string | number | null | undefined>>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (props[name] == null) style.removeProperty(name);
    this.previous.clear();
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      // Custom properties and hyphenated names as written; camelCase names converted.
      const prop = name.startsWith('--') || name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      style.setProperty(prop, String(value));
      this.previous.add(name);
    }
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
