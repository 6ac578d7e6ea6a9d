// The client of a server-rendered page: hydration support first, then the language, then the elements.
import 'quotakit/ssr/hydrate';
import './locale.js';
import 'quotakit/define/qk-attainment-gauge';
import 'quotakit/define/qk-pace-chart';
import 'quotakit/define/qk-scorecard';
import 'quotakit/define/qk-review-board';
