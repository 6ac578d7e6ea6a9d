import { expect } from '@open-wc/testing';
import { normalizeLocale, resolveLocale, registerTranslation, getTranslation, errorText, registerStrings, registerMessages, loadLocale, onTranslationChange } from '../../src/i18n/localize.js';
import { en as coreEn } from '../../src/i18n/en.js';
import { registerAllStrings } from '../../src/i18n/loaders/all.js';

registerAllStrings();

const en = getTranslation('en');
// Before anything of zh-CN is loaded: this file's bundle has its own copy of the module, which no
// other test file loaded zh-CN into (@qk-fresh-modules, scripts/test-node.mjs).
const zhBeforeLoad = getTranslation('zh-CN');
let zhCN = zhBeforeLoad;

/** Every key path of a dictionary, with the kind of value at it. */
function shape(o: unknown, prefix = ''): string[] {
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k));
  return [`${prefix}:${typeof o}`];
}

describe('i18n', () => {
  // zh-CN arrives by import(), its shared strings too (issue 14): the tables below compare loaded ones.
  before(async () => {
    await loadLocale('zh-CN');
    zhCN = getTranslation('zh-CN');
  });

  it('normalizes language tags to the shipped locales', () => {
    expect(normalizeLocale('zh')).to.equal('zh-CN');
    expect(normalizeLocale('zh-Hans-CN')).to.equal('zh-CN');
    expect(normalizeLocale('ZH-cn')).to.equal('zh-CN');
    expect(normalizeLocale('en-GB')).to.equal('en');
    expect(normalizeLocale('fr')).to.equal('en');
    expect(normalizeLocale('')).to.equal(undefined);
    expect(normalizeLocale(null)).to.equal(undefined);
  });

  it('resolves element → provider → page, falling back to en', () => {
    expect(resolveLocale('', 'zh-CN', 'en')).to.equal('zh-CN');
    expect(resolveLocale('en', 'zh-CN', 'zh')).to.equal('en');
    expect(resolveLocale(undefined, undefined, 'zh-TW')).to.equal('zh-CN');
    expect(resolveLocale(undefined, undefined, undefined)).to.equal('en');
  });

  it('en and zh-CN have exactly the same keys, and every string is translated', () => {
    const a = shape({ ...en, locale: '', languageName: '' });
    const b = shape({ ...zhCN, locale: '', languageName: '' });
    expect(b).to.deep.equal(a);
    expect(zhCN.common.loading).to.not.equal(en.common.loading);
  });

  it('every error code has a message in both locales that uses its parameters', () => {
    for (const code of Object.keys(en.errors)) {
      expect(zhCN.errors[code], code).to.be.a('function');
      const p = new Proxy({}, { get: (_t, k) => `«${String(k)}»` }) as Record<string, string>;
      expect(en.errors[code](p), code).to.be.a('string').and.not.empty;
      expect(zhCN.errors[code](p), code).to.be.a('string').and.not.empty;
    }
  });

  it('holds only the shared strings until an element registers its own', () => {
    expect(Object.keys(coreEn).sort()).to.deep.equal(['common', 'languageName', 'locale', 'metrics', 'statuses']);
    expect(en.goalTree.title).to.be.a('string');
    const mine = { en: { title: 'Quota tree' }, 'zh-CN': { title: '配额树' } } as never;
    const before = getTranslation('en').goalTree;
    registerStrings('goalTree', mine);
    expect(getTranslation('en').goalTree.title).to.equal('Quota tree');
    registerStrings('goalTree', { en: before, 'zh-CN': zhCN.goalTree } as never);
  });

  it('loads another locale on demand: English meanwhile, one import however often asked, then the table and a re-render', async () => {
    const english = { 'on-demand-probe': () => 'Pace is low.' };
    let imports = 0;
    registerMessages('on-demand-probe', {
      en: english,
      'zh-CN': () => {
        imports++;
        // A real module of one language, as an element's loader imports it.
        return import('../../src/i18n/zh-cn/pace.errors.js').then((m) => ({ default: { 'on-demand-probe': () => m.default['pace-low']({ value: 0.9, threshold: 0.95 }) } }));
      },
    });
    let heard = 0;
    const off = onTranslationChange(() => heard++);
    expect(getTranslation('zh-CN').errors['on-demand-probe']({})).to.equal('Pace is low.');
    expect(getTranslation('zh-CN').errors['on-demand-probe']({})).to.equal('Pace is low.');
    expect(getTranslation('en').errors['on-demand-probe']({})).to.equal('Pace is low.');
    await loadLocale('zh-CN');
    expect(imports).to.equal(1);
    expect(heard).to.be.greaterThan(0);
    expect(getTranslation('zh-CN').errors['on-demand-probe']({})).to.equal('当前进度为应达进度的 90%，低于 95%。');
    expect(getTranslation('en').errors['on-demand-probe']({})).to.equal('Pace is low.');
    off();
  });

  it('a locale module that fails to load leaves English, and says so once', async () => {
    const warn = console.warn;
    const said: unknown[] = [];
    console.warn = (...a: unknown[]) => said.push(a[0]);
    try {
      registerMessages('failing-probe', { en: { 'failing-probe': () => 'English' }, 'zh-CN': () => Promise.reject(new Error('blocked')) });
      expect(getTranslation('zh-CN').errors['failing-probe']({})).to.equal('English');
      await loadLocale('zh-CN');
      expect(getTranslation('zh-CN').errors['failing-probe']({})).to.equal('English');
      expect(said.filter((s) => String(s).includes('failing-probe'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it("zh-CN's shared strings (common, metrics, statuses) come with the language, by import(); English stands in meanwhile", async () => {
    expect({ locale: zhBeforeLoad.locale, loading: zhBeforeLoad.common.loading }).to.deep.equal({ locale: 'zh-CN', loading: 'Loading…' });
    await loadLocale('zh-CN');
    const t = getTranslation('zh-CN');
    expect([t.common.loading, t.metrics.revenue, t.statuses['on-track']]).to.deep.equal(['加载中…', '销售额', '进度正常']);
  });

  it('plural and parameter messages', () => {
    expect(en.common.unsavedChanges({ count: 1 })).to.equal('1 unsaved change');
    expect(en.common.unsavedChanges({ count: 3 })).to.equal('3 unsaved changes');
    expect(zhCN.common.unsavedChanges({ count: 3 })).to.equal('3 项修改未保存');
  });

  it('hosts override strings per locale without touching the others', () => {
    registerTranslation('en', { metrics: { revenue: 'Bookings' } });
    expect(getTranslation('en').metrics.revenue).to.equal('Bookings');
    expect(getTranslation('en').metrics.leads).to.equal('Leads');
    expect(getTranslation('zh-CN').metrics.revenue).to.equal('销售额');
    registerTranslation('en', { metrics: { revenue: 'Revenue' } });
  });

  it('errorText uses the dictionary for known codes and the English message otherwise', () => {
    const t = getTranslation('zh-CN');
    expect(errorText(t, { code: 'save-failed', message: 'x', params: { reason: '超时' } })).to.equal('修改未能保存（已为您保留）：超时');
    expect(errorText(t, { code: 'no-such-code', message: 'Plain English' })).to.equal('Plain English');
  });
});
