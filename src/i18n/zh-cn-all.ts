// Every zh-CN table in one module, for a page in Chinese that wants its language in the first load
// (`import { provideZhCN } from 'quotakit/i18n/zh-cn-all'; provideZhCN();`). Without it, an element
// that renders in zh-CN imports its own tables on demand (see localize.ts).
import { provideTables } from './localize.js';
import { zhCN } from './zh-cn.js';
import goalTree from './zh-cn/goal-tree.js';
import funnel from './zh-cn/funnel.js';
import gauge from './zh-cn/gauge.js';
import paceChart from './zh-cn/pace-chart.js';
import adjustment from './zh-cn/adjustment.js';
import incentive from './zh-cn/incentive.js';
import review from './zh-cn/review.js';
import scorecard from './zh-cn/scorecard.js';
import adapterErrors from './zh-cn/adapter.errors.js';
import adjustmentErrors from './zh-cn/adjustment.errors.js';
import allocationErrors from './zh-cn/allocation.errors.js';
import coreErrors from './zh-cn/core.errors.js';
import csvErrors from './zh-cn/csv.errors.js';
import funnelErrors from './zh-cn/funnel.errors.js';
import goalGridErrors from './zh-cn/goal-grid.errors.js';
import incentiveErrors from './zh-cn/incentive.errors.js';
import paceErrors from './zh-cn/pace.errors.js';
import reviewErrors from './zh-cn/review.errors.js';
import storeErrors from './zh-cn/store.errors.js';

/** Puts every zh-CN string and message in memory now: no element waits for a download to show Chinese. */
export function provideZhCN(): void {
  provideTables('zh-CN', {
    core: zhCN,
    goalTree: goalTree,
    funnel: funnel,
    gauge: gauge,
    paceChart: paceChart,
    adjustment: adjustment,
    incentive: incentive,
    review: review,
    scorecard: scorecard,
    'errors:adapter': adapterErrors,
    'errors:adjustment': adjustmentErrors,
    'errors:allocation': allocationErrors,
    'errors:core': coreErrors,
    'errors:csv': csvErrors,
    'errors:funnel': funnelErrors,
    'errors:goal-grid': goalGridErrors,
    'errors:incentive': incentiveErrors,
    'errors:pace': paceErrors,
    'errors:review': reviewErrors,
    'errors:store': storeErrors,
  });
}
