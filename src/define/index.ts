// Registers every element. Each define module is guarded: loading two bundles never throws.
import './qk-provider.js';
import './qk-goal-tree.js';
import './qk-funnel-inverter.js';
import './qk-attainment-gauge.js';
import './qk-pace-chart.js';
import './qk-adjustment-panel.js';
import './qk-review-board.js';
import './qk-scorecard.js';
import './qk-incentive-calculator.js';
import './qk-incentive-plan-editor.js';
