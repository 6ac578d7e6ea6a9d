// `npm run demo:server`: the dashboard against the reference server (server/) on its embedded
// database, with a user switcher that signs in as rep / manager / director / finance / admin.
// The server hands out demo tokens at /demo/logins (only with --demo-logins); a real host signs
// a token for its own signed-in user on its backend.
import '../src/index.js';
import { RestAdapter } from '../src/adapter/index.js';
import { resolveLocale } from '../src/i18n/localize.js';
import type { QkProvider } from '../src/components/provider/provider.js';
import type { QkLocale } from '../src/i18n/types.js';

interface Login {
  role: 'rep' | 'manager' | 'director' | 'finance' | 'admin';
  id: string;
  name: string;
  token: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = $<QkProvider>('provider');
const userSelect = $<HTMLSelectElement>('user');
const langSelect = $<HTMLSelectElement>('lang');

const ui = {
  'zh-CN': {
    user: '登录为',
    language: '语言',
    roles: { rep: '销售', manager: '区域经理', director: '销售总监', finance: '财务', admin: '管理员' },
    hint: '数据保存在参考服务器（嵌入式 PostgreSQL）。在另一个窗口以其他身份登录：一方保存后，另一方的看板会自动更新；同时编辑会得到版本冲突，重新加载后两人的修改都会保留。',
    unreachable: '无法连接参考服务器：请用 npm run demo:server 启动。',
    saved: (v: number) => `已保存 · 版本 ${v}`,
  },
  en: {
    user: 'Signed in as',
    language: 'Language',
    roles: { rep: 'Rep', manager: 'Region manager', director: 'Sales director', finance: 'Finance', admin: 'Admin' },
    hint: 'The data lives on the reference server (embedded PostgreSQL). Sign in as someone else in another window: a save by one updates the other’s dashboard; edits at the same time get a version conflict, and reloading keeps both.',
    unreachable: 'The reference server cannot be reached: start it with npm run demo:server.',
    saved: (v: number) => `Saved · version ${v}`,
  },
} as const;

let locale: QkLocale = resolveLocale(localStorage.getItem('quotakit-demo-lang'), document.documentElement.lang);
let logins: Login[] = [];

function render(): void {
  const s = ui[locale];
  document.documentElement.lang = locale;
  provider.locale = locale;
  langSelect.value = locale;
  $('user-label').textContent = s.user;
  $('lang-label').textContent = s.language;
  $('hint').textContent = s.hint;
  const chosen = userSelect.value;
  userSelect.replaceChildren(
    ...logins.map((l) => {
      const o = document.createElement('option');
      o.value = l.id;
      o.textContent = `${s.roles[l.role]} · ${l.name}`;
      return o;
    }),
  );
  if (chosen) userSelect.value = chosen;
  const store = provider.store;
  $('plan-name').textContent = store.snapshot?.plan.name ?? '';
  $('save-state').textContent = store.snapshot && store.saveState === 'saved' ? s.saved(store.snapshot.plan.version) : '';
}

function signIn(id: string): void {
  const login = logins.find((l) => l.id === id);
  if (!login) return;
  sessionStorage.setItem('quotakit-demo-user', id);
  provider.adapter = new RestAdapter({ baseUrl: '/api/quota', token: login.token, events: true, idempotencyKeys: true });
}

userSelect.addEventListener('change', () => signIn(userSelect.value));
langSelect.addEventListener('change', () => {
  locale = resolveLocale(langSelect.value, 'zh-CN');
  localStorage.setItem('quotakit-demo-lang', locale);
  render();
});
provider.store.subscribe(() => render());

try {
  const res = await fetch('/demo/logins');
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  logins = (await res.json()) as Login[];
  render();
  const start = sessionStorage.getItem('quotakit-demo-user') ?? logins.find((l) => l.role === 'manager')?.id ?? logins[0]!.id;
  userSelect.value = start;
  signIn(start);
} catch {
  render();
  $('hint').textContent = ui[locale].unreachable;
}
