/**
 * The manifest Storybook reads, cut down to the public API a host sets or listens to.
 *
 * The analyzer lists every class member (112 entries for the goal tree: `memoRows`, `onKeydown`,
 * `resizeObserver`, …). Controls and the Docs tables show only what a host uses: public, writable,
 * documented instance fields; documented methods stay in the Docs text, never in Controls. An
 * attribute that mirrors a kept property is folded into the property's description, so a property
 * appears once (`editMode`, attribute `edit-mode`).
 */
type Item = {
  kind?: string;
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  description?: string;
  attribute?: string;
  fieldName?: string;
  [key: string]: unknown;
};
type Declaration = { tagName?: string; members?: Item[]; attributes?: Item[]; [key: string]: unknown };
type Manifest = { modules: { declarations?: Declaration[]; [key: string]: unknown }[]; [key: string]: unknown };

/** True for a member a host may set: a public, writable, documented field not named `_x`. */
export function isPublicProperty(m: Item): boolean {
  return (
    m.kind === 'field' &&
    (m.privacy === undefined || m.privacy === 'public') &&
    !m.static &&
    !m.readonly &&
    !m.name.startsWith('_') &&
    !!m.description?.trim()
  );
}

export function publicManifest<T>(manifest: T): T {
  const m = manifest as unknown as Manifest;
  return {
    ...m,
    modules: m.modules.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((d) => {
        if (!d.tagName) return d;
        const members = (d.members ?? []).filter(isPublicProperty).map((p) => ({
          ...p,
          description: p.attribute && p.attribute !== p.name ? `${p.description} (attribute \`${p.attribute}\`)` : p.description,
        }));
        const kept = new Set(members.map((p) => p.name));
        const attributes = (d.attributes ?? []).filter((a) => !(a.fieldName && kept.has(a.fieldName)) && !a.name.startsWith('_'));
        return { ...d, members, attributes };
      }),
    })),
  } as unknown as T;
}
