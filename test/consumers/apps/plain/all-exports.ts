// Every public subpath, as written in the README, resolves with types under this moduleResolution.
import { VERSION, QkProvider, MemoryAdapter as RootAdapter } from 'quotakit';
import { allocate } from 'quotakit/engine';
import { MemoryAdapter, LocalStorageAdapter, RestAdapter, type CrmAdapter } from 'quotakit/adapters';
import { generateSampleCompany } from 'quotakit/sample-data';
import { runAdapterContractSuite, adapterContractCases } from 'quotakit/testing';
import { QkGoalTree } from 'quotakit/components/goal-tree';
import 'quotakit/define/qk-scorecard';
import 'quotakit/define/qk-scorecard.js';
import { en } from 'quotakit/i18n/en';
import * as bundle from 'quotakit/bundle';
import { renderToString, SSR_DISPLAY_TAGS } from 'quotakit/ssr';
import 'quotakit/ssr/hydrate';

const company = generateSampleCompany();
const adapter: CrmAdapter = new MemoryAdapter(company.plan, company.actuals);
export const all = [VERSION, QkProvider, RootAdapter, allocate, LocalStorageAdapter, RestAdapter, runAdapterContractSuite, adapterContractCases, QkGoalTree, en, bundle.QkProvider, adapter, renderToString, SSR_DISPLAY_TAGS];
