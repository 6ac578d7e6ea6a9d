/**
 * When several test files share a page (test/runner/groups.mjs), each runs inside a describe named
 * after it, and this puts back, after its last test, what a file can leave on the page for the next
 * one: nodes added to <head> or <body> (a theme style sheet, an element a test appended and did not
 * remove), attributes of <html> (`lang`, `dir`, a style), the document's adopted style sheets,
 * focus, scroll, and local/session storage. Called by the group's module, never by a test file.
 */
function attributes(el: Element): Map<string, string> {
  return new Map([...el.attributes].map((a) => [a.name, a.value]));
}

export function isolate(): void {
  let head: Node[] = [];
  let body: Node[] = [];
  let html = new Map<string, string>();
  let bodyAttrs = new Map<string, string>();
  let sheets: CSSStyleSheet[] = [];
  before(() => {
    head = [...document.head.childNodes];
    body = [...document.body.childNodes];
    html = attributes(document.documentElement);
    bodyAttrs = attributes(document.body);
    sheets = [...document.adoptedStyleSheets];
  });
  after(() => {
    for (const [parent, kept] of [[document.head, head], [document.body, body]] as const) {
      for (const n of [...parent.childNodes]) if (!kept.includes(n)) n.remove();
    }
    for (const [el, kept] of [[document.documentElement, html], [document.body, bodyAttrs]] as const) {
      for (const a of [...el.attributes]) if (!kept.has(a.name)) el.removeAttribute(a.name);
      for (const [name, value] of kept) if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }
    document.adoptedStyleSheets = sheets;
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo(0, 0);
    try {
      localStorage.clear();
      sessionStorage.clear();
    } catch {
      // No storage in this context.
    }
  });
}
