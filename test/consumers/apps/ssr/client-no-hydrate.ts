// The same elements without quotakit/ssr/hydrate: they draw their shadow roots again.
import './locale.js';
import 'quotakit/define/qk-attainment-gauge';
import 'quotakit/define/qk-pace-chart';
import 'quotakit/define/qk-scorecard';
import 'quotakit/define/qk-review-board';
