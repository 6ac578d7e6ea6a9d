// The demo dashboard: the sample company on a LocalStorageAdapter, so edits survive a reload.
import '../src/index.js';
import { demoAdapter, mountUserSwitcher, storedUser } from './users.js';
import { mountInbox } from './notices.js';
import { actualOf, figureOf } from '../src/engine/plan/plan-state.js';
import { formatMoney, formatCount } from '../src/engine/money/money.js';
import { isDate, periodRange } from '../src/engine/calendar/periods.js';
import { errorText, getTranslation, resolveLocale } from '../src/i18n/localize.js';
import type { QkProvider } from '../src/components/provider/provider.js';
import type { QkLocale } from '../src/i18n/types.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = $<QkProvider>('provider');
const langSelect = $<HTMLSelectElement>('lang');

// "Today" of the demo: the real date, or `?today=YYYY-MM-DD` for a walkthrough (or a test) that must
// show the same figures on any day.
const asked = new URLSearchParams(location.search).get('today');
const today = asked && isDate(asked) ? asked : new Date().toISOString().slice(0, 10);
// The user switcher (demo/users.ts) replaces the adapter with one acting for another user.
let adapter = demoAdapter(storedUser(), today);

const ui = {
  'zh-CN': {
    language: '语言', dark: '深色', light: '浅色', reset: '重置示例数据', summary: '计划概览',
    confirmReset: '重置为示例数据？您在演示中的修改将丢失。',
    annualTarget: '年度销售额目标', ytd: '本年累计销售额', collected: '本年累计回款', reps: '销售人员', newHires: '今年新入职', teams: '团队', regions: '区域', version: '计划版本',
  },
  en: {
    language: 'Language', dark: 'Dark', light: 'Light', reset: 'Reset sample data', summary: 'Plan overview',
    confirmReset: 'Reset to the sample data? Your edits in the demo will be lost.',
    annualTarget: 'Annual revenue target', ytd: 'Revenue year to date', collected: 'Collections year to date', reps: 'Sales reps', newHires: 'Hired this year', teams: 'Teams', regions: 'Regions', version: 'Plan version',
  },
} as const;

let locale: QkLocale = resolveLocale(localStorage.getItem('quotakit-demo-lang'), document.documentElement.lang);

function applyLocale(): void {
  document.documentElement.lang = locale;
  provider.locale = locale;
  langSelect.value = locale;
  localStorage.setItem('quotakit-demo-lang', locale);
  render();
}

function render(): void {
  const s = ui[locale];
  const t = getTranslation(locale);
  const dark = document.body.classList.contains('qk-theme-dark');
  $('lang-label').textContent = s.language;
  $('theme').textContent = dark ? s.light : s.dark;
  $('theme').setAttribute('aria-pressed', String(dark));
  $('reset').textContent = s.reset;
  $('summary-title').textContent = s.summary;
  const store = provider.store;
  const failed = (store.saveState === 'error' || store.saveState === 'conflict') && store.saveError;
  $('save-state').textContent =
    store.saveState === 'saving' ? t.common.saving
    : store.saveState === 'retrying' ? errorText(t, { code: 'save-retrying', message: '', params: { count: store.pendingCount } })
    : failed ? errorText(t, store.saveError!)
    : store.pendingCount ? t.common.unsavedChanges({ count: store.pendingCount })
    : store.saveState === 'saved' ? t.common.saved
    : '';
  const retry = $<HTMLButtonElement>('save-retry');
  retry.hidden = !failed && store.saveState !== 'retrying';
  retry.textContent = t.common.retry;

  const dl = $('summary');
  dl.replaceChildren();
  const snap = store.snapshot;
  if (store.status !== 'ready' || !snap) {
    dl.textContent = store.status === 'error' ? (store.error?.message ?? t.common.errorTitle) : t.common.loading;
    return;
  }
  $('plan-name').textContent = snap.plan.name;
  const state = store.state!;
  const { plan } = state;
  const root = state.index.roots[0]!;
  const fyId = `FY${plan.fiscalYear}`;
  const fy = periodRange(fyId, plan.calendar);
  // The same figures every element shows (the read model's one definition of target and actual).
  const figure = figureOf(state, { nodeId: root, period: fyId });
  const reps = snap.org.filter((n) => n.kind === 'rep');
  const money = (v: number | null) => formatMoney(v ?? 0, { currency: plan.currency, locale, compact: true });
  const rows: [string, string][] = [
    [s.annualTarget, money(figure.target)],
    [s.ytd, money(figure.actual)],
    [s.collected, money(actualOf(state, root, fyId, 'collections'))],
    [s.regions, formatCount(snap.org.filter((n) => n.kind === 'region').length, locale)],
    [s.teams, formatCount(snap.org.filter((n) => n.kind === 'team').length, locale)],
    [s.reps, formatCount(reps.length, locale)],
    [s.newHires, formatCount(reps.filter((r) => (r.hireDate ?? '') >= fy.start).length, locale)],
    [s.version, String(plan.version)],
  ];
  for (const [label, value] of rows) {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = label;
    dd.textContent = value;
    div.append(dt, dd);
    dl.append(div);
  }
}

langSelect.addEventListener('change', () => {
  locale = resolveLocale(langSelect.value);
  applyLocale();
});
$('theme').addEventListener('click', () => {
  document.body.classList.toggle('qk-theme-dark');
  render();
});
$('save-retry').addEventListener('click', () => void provider.store.retry());
$('reset').addEventListener('click', () => {
  if (!confirm(ui[locale].confirmReset)) return;
  adapter.reset();
  void provider.store.load();
});
// Undo and redo have one place on the page, the goal tree's toolbar; the shortcuts work anywhere
// (the tree handles them itself when it has focus and prevents the default: not twice).
document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.defaultPrevented || (e.target as HTMLElement)?.closest?.('input, textarea, select')) return;
  if (e.key.toLowerCase() === 'z' && !e.shiftKey) provider.store.undo();
  else if (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey)) provider.store.redo();
});

// The review's recommendations feed the funnel inverter's what-if for the next cycle.
document.querySelector('qk-review-board')?.addEventListener('qk-review-apply', (e) => {
  const funnel = document.querySelector('qk-funnel-inverter');
  if (!funnel) return;
  const { nextTarget, avgDealSize, rates } = e.detail;
  funnel.inputs = { target: nextTarget, avgDealSize, stages: rates };
  funnel.scrollIntoView({ behavior: 'smooth', block: 'start' });
});

provider.store.subscribe(() => render());
provider.asOf = today;
applyLocale();
mountUserSwitcher(provider, document.querySelector<HTMLElement>('.actions')!, today, (next) => (adapter = next));
mountInbox(provider, $('inbox-title'), $('inbox'));
// A stored login that is not a user of the stored plan (e.g. data from an older demo) falls back to the admin.
void adapter.currentUser().then(
  () => (provider.adapter = adapter),
  () => {
    localStorage.removeItem('quotakit-demo-user');
    provider.adapter = adapter = demoAdapter(null, today);
  },
);
