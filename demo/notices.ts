// The demo's inbox (issue 16, item 6): notices the kit sends through `notify` (e.g. the team notice
// after an adjustment is applied) are kept beside the demo's plan, so after switching to the
// requester they see the notice addressed to them. A real host would send them by mail or IM.
import { LocalStorageAdapter } from '../src/adapter/index.js';
import type { Notice } from '../src/adapter/adapter.js';
import type { QkProvider } from '../src/components/provider/provider.js';

export const NOTICES_KEY = 'quotakit-demo-notices';
const CHANGED = 'quotakit-demo-notice';

interface Kept extends Notice {
  at: string;
}

const labels = {
  'zh-CN': { title: '我的通知', empty: (name: string) => `${name}暂无通知。`, to: (n: number) => `发送给 ${n} 人` },
  en: { title: 'My notices', empty: (name: string) => `No notices for ${name}.`, to: (n: number) => `Sent to ${n} ${n === 1 ? 'person' : 'people'}` },
} as const;

function kept(): Kept[] {
  try {
    const v = JSON.parse(localStorage.getItem(NOTICES_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as Kept[]) : [];
  } catch {
    return [];
  }
}

/** A LocalStorageAdapter whose sent notices are kept for the inbox (all demo users share one store). */
export class DemoAdapter extends LocalStorageAdapter {
  override async notify(notice: Notice): Promise<void> {
    await super.notify(notice);
    localStorage.setItem(NOTICES_KEY, JSON.stringify([...kept(), { ...notice, at: new Date().toISOString() }]));
    window.dispatchEvent(new Event(CHANGED));
  }

  override reset(): void {
    localStorage.removeItem(NOTICES_KEY);
    super.reset();
    window.dispatchEvent(new Event(CHANGED));
  }
}

/** Fills `list` with the notices addressed to the signed-in user, newest first (text only). */
export function mountInbox(provider: QkProvider, title: HTMLElement, list: HTMLElement): void {
  const render = () => {
    const s = labels[document.documentElement.lang === 'en' ? 'en' : 'zh-CN'];
    title.textContent = s.title;
    const user = provider.store.user;
    if (!user) {
      list.replaceChildren();
      return;
    }
    const mine = kept().filter((n) => n.recipients.includes(user.id)).reverse();
    if (!mine.length) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = s.empty(user.name);
      list.replaceChildren(li);
      return;
    }
    list.replaceChildren(
      ...mine.map((n) => {
        const li = document.createElement('li');
        li.className = 'notice';
        const subject = document.createElement('strong');
        subject.textContent = n.subject;
        const meta = document.createElement('small');
        meta.className = 'muted';
        meta.textContent = ` · ${s.to(n.recipients.length)} · ${n.at.slice(0, 16).replace('T', ' ')}`;
        const body = document.createElement('p');
        body.textContent = n.body;
        li.append(subject, meta, body);
        return li;
      }),
    );
  };
  provider.store.subscribe(render);
  window.addEventListener(CHANGED, render);
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  render();
}
