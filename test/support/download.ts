import { waitUntil } from '@open-wc/testing';

/**
 * Clicks an element's export button (by part) and returns the file the page would download: its
 * name and bytes. The Blob is caught at URL.createObjectURL and the link's click does not navigate.
 */
export async function download(el: Element, part: string): Promise<{ name: string; bytes: Uint8Array }> {
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  let blob: Blob | null = null;
  let name = '';
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blob = b as Blob;
    return createObjectURL.call(URL, b);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!.click();
    await waitUntil(() => blob !== null && name !== '', 'the file is built', { timeout: 60000 });
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  return { name, bytes: new Uint8Array(await blob!.arrayBuffer()) };
}
