/**
 * Shared setup of the demo tests (test/embed/demo*.test.ts): open demo/index.html afresh (no stored
 * plan, user or notices) in a language, wait for the admin's dashboard, decompose the company target
 * the way a director does (the goal tree's 拆解目标 button), and sign in as another user through the
 * page's user switcher. Waits are for conditions, with ceilings for a loaded machine.
 */
import { waitUntil } from '@open-wc/testing';
import { openPage, type HostPage } from './host.js';
import { keepInStorage } from '../support/kept-storage.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import type { QkStore } from '../../src/store/store.js';

/** What the demo keeps in localStorage: the plan, the signed-in user, the inbox. */
export const DEMO_KEYS = ['quotakit-demo-v1', 'quotakit-demo-user', 'quotakit-demo-notices'];
/** The ceiling of every wait on the full dashboard. */
export const LONG = { timeout: 240_000 };

export const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

export interface Demo {
  page: HostPage;
  doc: Document;
  provider: QkProvider;
  store(): QkStore;
  /** Chooses `userId` in the page's "signed in as" select and waits until the dashboard is theirs. */
  signIn(userId: string): Promise<void>;
  /** Clicks the goal tree's 拆解目标 and waits until the plan is saved (version 2). */
  decompose(): Promise<void>;
  /** Clears what the demo stored and closes the page. */
  close(): void;
}

/**
 * Opens the demo with nothing stored, in `lang`, signed in as the admin. `query` is added to the
 * page's address (e.g. `today=2026-11-27` to pin the demo's date).
 */
export async function openDemo(lang: 'zh-CN' | 'en', query = ''): Promise<Demo> {
  const url = `/demo/index.html${query ? `?${query}` : ''}`;
  // The demo's iframe shares this page's origin, so its localStorage: set it here, not through a
  // first load of the whole dashboard.
  for (const k of DEMO_KEYS) localStorage.removeItem(k);
  localStorage.setItem('quotakit-demo-lang', lang);
  // Kept through the clear after each test until `close()`: a file that opens the demo once (in
  // `before`) uses its stored plan across its tests (cleared, the adapter started again from the
  // sample at version 1 under a dashboard at version 2, and every later save was a conflict).
  const release = keepInStorage([...DEMO_KEYS, 'quotakit-demo-lang']);
  const page = await openPage(url);
  const doc = page.doc;
  const provider = doc.getElementById('provider') as QkProvider;
  const store = () => provider.store;
  await waitUntil(() => store().status === 'ready' && store().user?.id === 'u-admin', 'the demo never loaded as the admin', LONG);
  return {
    page,
    doc,
    provider,
    store,
    async signIn(userId) {
      const select = doc.getElementById('user') as HTMLSelectElement;
      select.value = userId;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => store().status === 'ready' && store().user?.id === userId, `never signed in as ${userId}`, LONG);
    },
    async decompose() {
      const tree = doc.querySelector('qk-goal-tree')!;
      await waitUntil(() => tree.shadowRoot?.querySelector('[part~="decompose"]'), 'the goal tree never offered to decompose', LONG);
      tree.shadowRoot!.querySelector<HTMLButtonElement>('[part~="decompose"]')!.click();
      await waitUntil(() => store().plan?.version === 2, 'the decomposition was never saved', LONG);
    },
    close() {
      release();
      for (const k of DEMO_KEYS) page.win.localStorage.removeItem(k);
      page.close();
    },
  };
}
