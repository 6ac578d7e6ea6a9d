// The demo's user switcher (issue 16, item 6): sign in as a rep, their team manager, a region
// manager, finance or the admin, so request → approve → apply → notice can be walked through.
// Switching builds a new adapter for that user over the same stored plan: identity comes from the
// adapter (`currentUser`), never from a field of a request or an attribute of a widget.
import { DemoAdapter } from './notices.js';
import { generateSampleCompany } from '../src/sample/sample-data.js';
import type { OrgNode, User } from '../src/engine/plan/model.js';
import type { QkProvider } from '../src/components/provider/provider.js';

export const DEMO_KEY = 'quotakit-demo-v1';
const USER_KEY = 'quotakit-demo-user';

const labels = {
  'zh-CN': {
    signedIn: '当前用户',
    roles: { admin: '管理员', region: '区域经理', team: '团队经理', manager: '经理', finance: '财务', rep: '销售代表', viewer: '只读' },
  },
  en: {
    signedIn: 'Signed in as',
    roles: { admin: 'Administrator', region: 'Region manager', team: 'Team manager', manager: 'Manager', finance: 'Finance', rep: 'Sales rep', viewer: 'Viewer' },
  },
} as const;

type RoleLabel = keyof (typeof labels)['en']['roles'];

/** The role a user is shown with: a manager as region or team manager by the node they manage. */
export function roleLabel(user: User, org: readonly OrgNode[]): RoleLabel {
  if (user.roles.includes('admin')) return 'admin';
  if (user.roles.includes('manager')) {
    const kind = org.find((n) => n.id === user.canEdit[0])?.kind;
    return kind === 'region' ? 'region' : kind === 'team' ? 'team' : 'manager';
  }
  if (user.roles.includes('finance')) return 'finance';
  if (user.roles.includes('rep')) return 'rep';
  return 'viewer';
}

/** The order of the switcher: from the rep up to the admin, the way a request travels. */
const ORDER: RoleLabel[] = ['rep', 'team', 'region', 'manager', 'finance', 'viewer', 'admin'];

/** An adapter over the demo's stored plan, acting for `userId` (default: the admin). */
export function demoAdapter(userId: string | null, today: string): DemoAdapter {
  return new DemoAdapter({
    key: DEMO_KEY,
    seed: () => generateSampleCompany({ asOf: today }),
    ...(userId ? { user: userId } : {}),
  });
}

/** The user the demo signed in as last time (null: the admin). */
export function storedUser(): string | null {
  return localStorage.getItem(USER_KEY);
}

/**
 * Puts a "signed in as" select into `toolbar`, listing the plan's users from the rep up; choosing
 * one connects the provider to a new adapter for that user (`onSwitch` gets it, e.g. for reset).
 */
export function mountUserSwitcher(provider: QkProvider, toolbar: HTMLElement, today: string, onSwitch: (adapter: DemoAdapter) => void): void {
  const label = document.createElement('label');
  const caption = document.createElement('span');
  const select = document.createElement('select');
  select.id = 'user';
  label.append(caption, select);
  toolbar.prepend(label);

  const render = () => {
    const locale = document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
    const s = labels[locale];
    caption.textContent = s.signedIn;
    const snap = provider.store.snapshot;
    const current = provider.store.user?.id ?? '';
    if (!snap?.users?.length) return;
    const users = [...snap.users].sort((a, b) => ORDER.indexOf(roleLabel(a, snap.org)) - ORDER.indexOf(roleLabel(b, snap.org)));
    const key = `${locale}|${current}|${users.map((u) => u.id).join(',')}`;
    if (select.dataset.key === key) return;
    select.dataset.key = key;
    select.replaceChildren(
      ...users.map((u) => {
        const o = document.createElement('option');
        o.value = u.id;
        o.textContent = `${u.name} · ${s.roles[roleLabel(u, snap.org)]}`;
        o.selected = u.id === current;
        return o;
      }),
    );
  };

  select.addEventListener('change', () => {
    localStorage.setItem(USER_KEY, select.value);
    const adapter = demoAdapter(select.value, today);
    onSwitch(adapter);
    provider.adapter = adapter;
  });
  provider.store.subscribe(render);
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  render();
}
