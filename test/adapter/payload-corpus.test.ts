/**
 * A corpus of bad payloads, as a host adapter might send them. Each one must come back as a
 * `QkAdapterError('invalid-data')` with one issue per problem, at the exact path, and each issue
 * must read well in both languages (path and reason): never a TypeError, never a silent drop.
 * Plain TypeScript: runs in Node. How an element's error state lists these issues, in the page's
 * language: payload-corpus-render.test.ts (in the browser).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { QkAdapterError } from '../../src/adapter/adapter.js';
import {
  parseActualsSnapshot,
  parseOrgNodes,
  parsePlanSnapshot,
  parseSaveResult,
  parseTargetChange,
  parseUser,
} from '../../src/adapter/validate.js';
import { getTranslation, loadLocale } from '../../src/i18n/localize.js';
import { describeIssue, issuePath } from '../../src/i18n/issues.js';
import { errorText } from '../../src/i18n/localize.js';
import { toStoreError } from '../../src/store/errors.js';
import { smallFixture } from '../fixtures/small-plan.js';

// zh-CN's tables arrive by import() (in the browser pages test/support/testing.ts provides them
// up front); the Chinese wording is read once they are in.
let zh = getTranslation('zh-CN');
const en = getTranslation('en');

function thrown(fn: () => unknown): QkAdapterError {
  try {
    fn();
  } catch (e) {
    if (QkAdapterError.is(e)) return e;
    throw e;
  }
  throw new Error('expected a QkAdapterError, nothing was thrown');
}

/** Every issue as [path, zh-CN text, en text]. */
const described = (e: QkAdapterError) => e.issues.map((i) => [i.path.join('.'), describeIssue(zh, i), describeIssue(en, i)]);

type Loose = Record<string, unknown>;
const plan = () => smallFixture().plan as unknown as Loose & { plan: Loose; org: Loose[]; targets: Loose[]; products: unknown };
const actuals = () => smallFixture().actuals as unknown as Loose & { actuals: Loose[]; stageCounts: Loose[] };

describe('payload corpus: every bad payload gives one localized issue per problem', () => {
  // In this suite, not at the top level: mocha run serially (QK_NODE_JOBS=1) makes a top-level hook
  // one of every file's.
  before(async () => {
    await loadLocale('zh-CN');
    zh = getTranslation('zh-CN');
  });

  it('a missing currency (was rendered "1,300,000 undefined")', () => {
    const p = plan();
    delete p.plan.currency;
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['plan.currency', '计划 币种：缺失（应为文本）', 'plan, currency: missing (expected text)'],
    ]);
  });

  it('an org cycle is reported for every node in it (was: the 华东 subtree silently dropped)', () => {
    const p = plan();
    p.org[1]!.parentId = 'east-hz'; // 华东 → 杭州组 → 华东
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      [
        'org.1.parentId',
        '组织 第2项 上级：“east”的上级关系形成循环（east → east-hz → east），其下属将脱离组织树',
        'org item 2, parent: "east" is its own ancestor (east → east-hz → east), so its subtree would be cut off',
      ],
      [
        'org.4.parentId',
        '组织 第5项 上级：“east-hz”的上级关系形成循环（east-hz → east → east-hz），其下属将脱离组织树',
        'org item 5, parent: "east-hz" is its own ancestor (east-hz → east → east-hz), so its subtree would be cut off',
      ],
    ]);
  });

  it('a node that is its own parent is a cycle of one', () => {
    const p = plan();
    p.org[5]!.parentId = 'south-sz';
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      [
        'org.5.parentId',
        '组织 第6项 上级：“south-sz”的上级关系形成循环（south-sz → south-sz），其下属将脱离组织树',
        'org item 6, parent: "south-sz" is its own ancestor (south-sz → south-sz), so its subtree would be cut off',
      ],
    ]);
  });

  it('strings for numbers (were rendered "¥0 … 超分配 ¥0")', () => {
    const p = plan();
    p.targets[0]!.value = '1200000000';
    p.targets[1]!.value = '720000000';
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['targets.0.value', '目标 第1项 数值：应为数字，实际为文本“1200000000”', 'targets item 1, value: expected a number, got text "1200000000"'],
      ['targets.1.value', '目标 第2项 数值：应为数字，实际为文本“720000000”', 'targets item 2, value: expected a number, got text "720000000"'],
    ]);
  });

  it('wrong types (were an uncaught "e.products.filter is not a function")', () => {
    const p = plan();
    p.products = 'core';
    p.org[2]!.name = 7;
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['org.2.name', '组织 第3项 名称：应为文本，实际为 7', 'org item 3, name: expected text, got 7'],
      ['products', '产品线：应为列表，实际为文本“core”', 'product lines: expected a list, got text "core"'],
    ]);
  });

  it('an object instead of an array', () => {
    const p = plan();
    p.targets = { 0: p.targets[0] } as unknown as Loose[];
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['targets', '目标：应为列表，实际为对象', 'targets: expected a list, got an object'],
    ]);
  });

  it('a null snapshot and a null plan (were "Cannot read properties of null (reading \'plan\')")', () => {
    expect(described(thrown(() => parsePlanSnapshot(null)))).to.deep.equal([
      ['', '整个数据：应为对象，实际为空值 null', 'the payload: expected an object, got null'],
    ]);
    const p = plan();
    p.plan = null as unknown as Loose;
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['plan', '计划：应为对象，实际为空值 null', 'plan: expected an object, got null'],
    ]);
  });

  it('dates that are not on the calendar: 2026-02-30, 2026-02-31', () => {
    const p = plan();
    p.org[6]!.hireDate = '2026-02-30';
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      [
        'org.6.hireDate',
        '组织 第7项 入职日期：“2026-02-30”不是真实存在的日期（2026年2月只有 28 天）',
        'org item 7, hire date: "2026-02-30" is not a real date (2026-02 has 28 days)',
      ],
    ]);
    const a = actuals();
    a.actuals[0]!.date = '2026-02-31';
    expect(described(thrown(() => parseActualsSnapshot(a)))).to.deep.equal([
      [
        'actuals.0.date',
        '业绩 第1项 日期：“2026-02-31”不是真实存在的日期（2026年2月只有 28 天）',
        'actuals item 1, date: "2026-02-31" is not a real date (2026-02 has 28 days)',
      ],
    ]);
  });

  it('a currency that is not in ISO 4217: ZZZ', () => {
    const p = plan();
    p.plan.currency = 'ZZZ';
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['plan.currency', '计划 币种：“ZZZ”不是 ISO 4217 币种代码（如 CNY、USD）', 'plan, currency: "ZZZ" is not an ISO 4217 currency code such as CNY or USD'],
    ]);
  });

  it('duplicate ids', () => {
    const p = plan();
    p.org.push({ id: 'r1', name: '重复', parentId: 'east-sh', kind: 'rep' });
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['org.12.id', '组织 第13项 编号：组织节点编号“r1”重复', 'org item 13, id: duplicate org node id "r1"'],
    ]);
  });

  it('an unknown parent', () => {
    const p = plan();
    p.org.push({ id: 'r7', name: '孙丽', parentId: 'west', kind: 'rep' });
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['org.12.parentId', '组织 第13项 上级：上级“west”不在组织中', 'org item 13, parent: the parent "west" is not in the org'],
    ]);
  });

  it('two roots', () => {
    const p = plan();
    p.org.push({ id: 'co2', name: '第二公司', parentId: null, kind: 'company' });
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['org', '组织：应恰好有一个顶层节点，实际有 2 个', 'org: expected exactly one top node, found 2'],
    ]);
  });

  it('NaN and Infinity', () => {
    const p = plan();
    p.org[6]!.potential = NaN;
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['org.6.potential', '组织 第7项 潜力：应为数字，实际为 NaN', 'org item 7, potential: expected a number, got NaN'],
    ]);
    const a = actuals();
    a.actuals[0]!.amount = Infinity;
    expect(described(thrown(() => parseActualsSnapshot(a)))).to.deep.equal([
      ['actuals.0.amount', '业绩 第1项 金额：应为数字，实际为 Infinity', 'actuals item 1, amount: expected a number, got Infinity'],
    ]);
  });

  it('a negative amount and a fractional one', () => {
    const p = plan();
    p.targets[0]!.value = -100;
    p.targets[1]!.value = 12.5;
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['targets.0.value', '目标 第1项 数值：不能小于 0，实际为 -100', 'targets item 1, value: must be at least 0, got -100'],
      [
        'targets.1.value',
        '目标 第2项 数值：应为以最小货币单位（如分）计的整数，实际为 12.5',
        'targets item 2, value: expected a whole number of minor units (such as cents), got 12.5',
      ],
    ]);
  });

  it('a 13th month and a 54th week', () => {
    const p = plan();
    p.targets[8]!.period = '2026-13';
    p.targets[9]!.period = '2026-W54';
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      [
        'targets.8.period',
        '目标 第9项 期间：应为 FY2026、FY2026-Q1、2026-04 或 2026-W05 这样的期间，实际为“2026-13”',
        'targets item 9, period: expected a period id such as FY2026, FY2026-Q1, 2026-04 or 2026-W05, got "2026-13"',
      ],
      [
        'targets.9.period',
        '目标 第10项 期间：应为 FY2026、FY2026-Q1、2026-04 或 2026-W05 这样的期间，实际为“2026-W54”',
        'targets item 10, period: expected a period id such as FY2026, FY2026-Q1, 2026-04 or 2026-W05, got "2026-W54"',
      ],
    ]);
  });

  it('week 53 of a year that has 52 ISO weeks', () => {
    const a = actuals();
    a.stageCounts[0]!.month = '2025-W53';
    expect(described(thrown(() => parseActualsSnapshot(a)))).to.deep.equal([
      ['stageCounts.0.month', '阶段数量 第1项 月份：“2025-W53”不存在：2025 年只有 52 个 ISO 周', 'stage counts item 1, month: "2025-W53" is not a week: 2025 has 52 ISO weeks'],
    ]);
  });

  it('an unknown metric', () => {
    const p = plan();
    p.targets[0]!.metric = 'profit';
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      [
        'targets.0.metric',
        '目标 第1项 指标：应为以下之一：revenue、collections、leads、visits、demos、quotes、won、winRate、collectionRate、avgDealSize，实际为文本“profit”',
        'targets item 1, metric: expected one of revenue, collections, leads, visits, demos, quotes, won, winRate, collectionRate, avgDealSize, got text "profit"',
      ],
    ]);
  });

  it('a target for a period outside the plan year, and for an unknown node', () => {
    const p = plan();
    p.targets[0]!.period = 'FY2025';
    p.targets[9]!.nodeId = 'r99';
    expect(described(thrown(() => parsePlanSnapshot(p)))).to.deep.equal([
      ['targets.0.period', '目标 第1项 期间：FY2025 不在计划财年 FY2026 内', "targets item 1, period: FY2025 is outside the plan's fiscal year FY2026"],
      ['targets.9.nodeId', '目标 第10项 组织节点：组织节点“r99”不存在', 'targets item 10, org node: unknown org node "r99"'],
    ]);
  });

  it('actuals for an unknown rep', () => {
    const { plan: p } = smallFixture();
    const a = actuals();
    a.actuals[0]!.repId = 'ghost';
    expect(described(thrown(() => parseActualsSnapshot(a, { plan: p })))).to.deep.equal([
      ['actuals.0.repId', '业绩 第1项 销售：销售“ghost”不在组织中', 'actuals item 1, rep: unknown rep "ghost"'],
    ]);
  });

  it('a lazily loaded subtree with a child of another parent and a cycle', () => {
    const { plan: p } = smallFixture();
    const e = thrown(() =>
      parseOrgNodes([p.org[3], { ...p.org[4]!, parentId: 'south' }, { id: 'x', name: 'x', parentId: 'y', kind: 'team' }, { id: 'y', name: 'y', parentId: 'x', kind: 'team' }], {
        parentId: 'east',
      }),
    );
    expect(described(e)).to.deep.equal([
      ['2.parentId', '第3项 上级：“x”的上级关系形成循环（x → y → x），其下属将脱离组织树', 'item 3, parent: "x" is its own ancestor (x → y → x), so its subtree would be cut off'],
      ['3.parentId', '第4项 上级：“y”的上级关系形成循环（y → x → y），其下属将脱离组织树', 'item 4, parent: "y" is its own ancestor (y → x → y), so its subtree would be cut off'],
      ['1.parentId', '第2项 上级：应为“east”的下级，实际上级为“south”', 'item 2, parent: expected a child of "east", got parent "south"'],
      ['2.parentId', '第3项 上级：应为“east”的下级，实际上级为“y”', 'item 3, parent: expected a child of "east", got parent "y"'],
      ['3.parentId', '第4项 上级：应为“east”的下级，实际上级为“x”', 'item 4, parent: expected a child of "east", got parent "x"'],
    ]);
  });

  it('never throws anything but invalid-data, whatever the input', () => {
    const show = (v: unknown): string => {
      try {
        return typeof v === 'symbol' || typeof v === 'bigint' || typeof v === 'function' ? String(v) : (JSON.stringify(v) ?? String(v));
      } catch {
        return 'an object with a throwing getter';
      }
    };
    const throwing = {
      get plan(): unknown {
        throw new TypeError('boom');
      },
    };
    const inputs: unknown[] = [null, undefined, 0, NaN, -1, 'plan', true, [], [null], {}, { plan: null }, { org: 5 }, () => 1, new Date(0), Object.create(null), Symbol('x'), 10n, throwing];
    const parsers: [string, (d: unknown) => unknown][] = [
      ['parsePlanSnapshot', (d) => parsePlanSnapshot(d)],
      ['parseActualsSnapshot', (d) => parseActualsSnapshot(d, { plan: smallFixture().plan })],
      ['parseUser', (d) => parseUser(d)],
      ['parseSaveResult', (d) => parseSaveResult(d)],
      ['parseOrgNodes', (d) => parseOrgNodes(d, { parentId: 'east' })],
      ['parseTargetChange', (d) => parseTargetChange(d, { plan: smallFixture().plan })],
    ];
    for (const [name, parse] of parsers) {
      for (const input of inputs) {
        if (name === 'parseOrgNodes' && Array.isArray(input) && input.length === 0) continue; // no children is valid
        let e: unknown;
        try {
          parse(input);
        } catch (err) {
          e = err;
        }
        const label = `${name}(${show(input)})`;
        expect(QkAdapterError.is(e), `${label} threw ${String(e)}`).to.equal(true);
        const err = e as QkAdapterError;
        expect(err.code, label).to.equal('invalid-data');
        expect(err.issues.length, label).to.be.greaterThan(0);
        for (const i of err.issues) {
          expect((i as { code?: string }).code, `${label}: ${i.message}`).to.be.a('string');
          expect(describeIssue(zh, i), label).not.to.match(/undefined|\[object/);
          expect(describeIssue(en, i), label).not.to.match(/undefined|\[object/);
        }
      }
    }
    expect(described(thrown(() => parsePlanSnapshot(throwing)))).to.deep.equal([
      ['', '整个数据：无法读取（TypeError: boom）', 'the payload: could not be read (TypeError: boom)'],
    ]);
  });

  it('any value at all, or any field of a valid snapshot replaced by any value: invalid-data or the value, never a TypeError', () => {
    const only = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (!QkAdapterError.is(e) || e.code !== 'invalid-data' || !e.issues.length) throw e;
        for (const i of e.issues) expect((i as { code?: string }).code, i.message).to.be.a('string');
      }
    };
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true }), (v) => {
        only(() => parsePlanSnapshot(v));
        only(() => parseActualsSnapshot(v, { plan: smallFixture().plan }));
        only(() => parseUser(v));
        only(() => parseOrgNodes(v));
      }),
      { numRuns: 300 },
    );
    const fields = ['plan', 'org', 'products', 'stages', 'targets', 'users'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.nat(20), fc.anything(), (field, index, v) => {
        const p = plan() as Record<string, unknown>;
        const list = p[field];
        if (Array.isArray(list) && list.length) list[index % list.length] = v;
        else p[field] = v;
        only(() => parsePlanSnapshot(p));
      }),
      { numRuns: 300 },
    );
  });

  it('a host rejection that is not an Error (was "[object Object]")', () => {
    const status = toStoreError({ status: 500 }, 'load-failed');
    expect(status).to.deep.include({ code: 'load-failed', message: 'The host answered with status 500' });
    expect(errorText(en, status)).to.equal('The plan could not be loaded: The host answered with status 500');
    expect(toStoreError('quota service down', 'save-failed')).to.deep.include({ code: 'save-failed', message: 'quota service down' });
    expect(toStoreError(undefined, 'load-failed')).to.deep.include({ code: 'load-failed', message: 'The host failed without saying why' });
    expect(toStoreError(null, 'load-failed')).to.deep.include({ code: 'load-failed', message: 'The host failed without saying why' });
    expect(toStoreError({ message: '额度服务不可用' }, 'load-failed')).to.deep.include({ code: 'load-failed', message: '额度服务不可用' });
    expect(toStoreError({ status: 503, statusText: 'Service Unavailable' }, 'load-failed').message).to.equal('The host answered with status 503 (Service Unavailable)');
    expect(toStoreError({ error: 'x' }, 'load-failed').message).to.equal('The host failed with {"error":"x"}');
    // An adapter code carried by a plain object (a host that rebuilt the error) keeps its meaning.
    expect(toStoreError({ code: 'forbidden', message: 'no' }, 'load-failed')).to.deep.include({ code: 'forbidden', message: 'no' });
    // invalid-data with issues: the sentence, then the listed issues (no English log text repeated).
    const invalid = toStoreError(thrown(() => parsePlanSnapshot(null)), 'load-failed');
    expect(invalid.code).to.equal('invalid-data');
    expect(errorText(en, invalid)).to.equal('The data from the CRM is invalid, so none of it was loaded.');
    expect(errorText(zh, invalid)).to.equal('CRM 返回的数据格式有误，已全部拒绝加载，请联系管理员检查数据。');
    const bare = toStoreError(new QkAdapterError('invalid-data', 'the plan has no id'), 'load-failed');
    expect(errorText(en, bare)).to.equal('The data from the CRM is invalid, so none of it was loaded. Details: the plan has no id');
    expect(toStoreError(new TypeError('e.products.filter is not a function'), 'load-failed')).to.deep.include({
      code: 'load-failed',
      message: 'e.products.filter is not a function',
    });
  });

  it('issue paths of every shape read as words', () => {
    expect(issuePath(zh, [])).to.equal('整个数据');
    expect(issuePath(en, [])).to.equal('the payload');
    expect(issuePath(zh, ['org', 3, 'parentId'])).to.equal('组织 第4项 上级');
    expect(issuePath(en, ['org', 3, 'parentId'])).to.equal('org item 4, parent');
    expect(issuePath(en, ['plan', 'calendar', 'holidays', 0])).to.equal('plan, fiscal calendar, holidays item 1');
    expect(issuePath(zh, ['plan', 'calendar', 'holidays', 0])).to.equal('计划 财年日历 节假日 第1项');
    expect(issuePath(en, ['stages', 1, 'name', 'zh-CN'])).to.equal('funnel stages item 2, name, zh-CN');
    // An issue without a code (built by hand by an adapter) keeps its English reason, with a localized path.
    expect(describeIssue(zh, { path: ['snapshot', 'plan'], message: 'the response body is not JSON' })).to.equal('snapshot 计划：the response body is not JSON');
  });
});
