/**
 * The factory behind every `quotakit/react` wrapper. It needs only React (no `@lit/react`).
 *
 * Why not a "mounted" flag set in `useEffect`: React runs passive effects in a later task, and an
 * element raises events before that (a gauge's first alert, a provider whose adapter answers at
 * once), so such a flag dropped them. Here the listeners go on in the ref callback, which React
 * calls in the same commit that inserts the element, before any microtask can run the element's
 * first update; they come off when React detaches the ref, so after unmount the element holds no
 * reference to the app's handlers. Properties are set in the same callback (and on every later
 * commit in a layout effect), so the element's first update already sees them.
 *
 * Primitive values of properties that have an attribute (`period`, `node-id`, `autosave-ms`, …)
 * are also rendered as that attribute, so a server render (`renderToString`) keeps them.
 */
import * as React from 'react';
import type { LitElement } from 'lit';

/** The settable data properties of element `E` (methods and LitElement's own members left out). */
export type QkElementProps<E> = {
  [K in Exclude<keyof E, keyof LitElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/** `{ onQkAlert: QkAlertEvent }` → props `onQkAlert?: (e: QkAlertEvent) => void`. */
export type QkEventProps<Events> = { [P in keyof Events]?: (event: Events[P]) => void };

/** The props of a wrapper: the element's properties, its `onQk…` events, and ordinary HTML props. */
export type QkWrapperProps<E extends HTMLElement, Events> = QkElementProps<E> &
  QkEventProps<Events> &
  Omit<React.HTMLAttributes<E>, keyof QkElementProps<E> | keyof Events> & {
    ref?: React.Ref<E>;
    children?: React.ReactNode;
  };

export type QkWrapper<E extends HTMLElement, Events> = React.ForwardRefExoticComponent<
  React.PropsWithoutRef<QkWrapperProps<E, Events>> & React.RefAttributes<E>
>;

/** React's own props, never element properties. */
const REACT_PROPS = new Set(['children', 'className', 'style', 'key', 'ref', 'id', 'slot']);

interface LitClassLike {
  prototype: object;
  elementProperties?: Map<PropertyKey, { attribute?: boolean | string }>;
  name: string;
}

/** The attribute of Lit reactive property `key`, or `undefined` when it has none. */
function attributeOf(cls: LitClassLike, key: string): string | undefined {
  const options = cls.elementProperties?.get(key);
  if (!options || options.attribute === false) return undefined;
  return typeof options.attribute === 'string' ? options.attribute : key.toLowerCase();
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Makes the React component for `tagName`. `events` maps each handler prop to its event name, e.g.
 * `{ onQkAlert: 'qk-alert' }`; the type parameter `Events` gives each handler its event type.
 */
export function createQkComponent<E extends HTMLElement, Events extends { [P in keyof Events]: Event }>(options: {
  tagName: string;
  elementClass: LitClassLike;
  events: { [P in keyof Events]: string };
  displayName?: string;
}): QkWrapper<E, Events> {
  const { tagName, elementClass } = options;
  const events = Object.entries(options.events) as [string, string][];
  const eventProps = new Set(events.map(([prop]) => prop));
  const isProperty = (key: string) => !REACT_PROPS.has(key) && !eventProps.has(key) && key in elementClass.prototype;

  const Component = React.forwardRef<E, Record<string, unknown>>(function QkWrapper(props, forwardedRef) {
    // The props of the latest render: the listeners read their handler from here when an event comes.
    const latest = React.useRef(props);
    latest.current = props;
    const element = React.useRef<E | null>(null);
    const set = React.useRef(new Map<string, unknown>());
    const off = React.useRef<(() => void) | null>(null);

    const applyProperties = React.useCallback((el: E) => {
      const given = latest.current;
      for (const key of Object.keys(given)) {
        if (!isProperty(key)) continue;
        const value = given[key];
        if (set.current.has(key) && Object.is(set.current.get(key), value)) continue;
        set.current.set(key, value);
        (el as unknown as Record<string, unknown>)[key] = value;
      }
      // A property the app stopped passing goes back to undefined, as with a removed attribute.
      for (const key of [...set.current.keys()]) {
        if (key in given) continue;
        set.current.delete(key);
        (el as unknown as Record<string, unknown>)[key] = undefined;
      }
    }, []);

    const attach = React.useCallback(
      (el: E | null) => {
        off.current?.();
        off.current = null;
        element.current = el;
        if (el) {
          const listeners = events.map(([prop, type]) => {
            const listener = (e: Event) => {
              const handler = latest.current[prop];
              if (typeof handler === 'function') (handler as (e: Event) => void)(e);
            };
            el.addEventListener(type, listener);
            return [type, listener] as const;
          });
          off.current = () => {
            for (const [type, listener] of listeners) el.removeEventListener(type, listener);
          };
          set.current.clear();
          applyProperties(el);
        }
        if (typeof forwardedRef === 'function') forwardedRef(el);
        else if (forwardedRef) forwardedRef.current = el;
      },
      [forwardedRef, applyProperties],
    );

    React.useLayoutEffect(() => {
      if (element.current) applyProperties(element.current);
    });

    const hostProps: Record<string, unknown> = { ref: attach, suppressHydrationWarning: true };
    for (const [key, value] of Object.entries(props)) {
      if (eventProps.has(key)) continue;
      if (!isProperty(key)) hostProps[key] = value;
      else if (isPrimitive(value)) {
        const attribute = attributeOf(elementClass, key);
        if (attribute !== undefined && value !== false) hostProps[attribute] = value === true ? '' : String(value);
      }
    }
    return React.createElement(tagName, hostProps);
  });
  Component.displayName = options.displayName ?? elementClass.name;
  return Component as unknown as QkWrapper<E, Events>;
}
