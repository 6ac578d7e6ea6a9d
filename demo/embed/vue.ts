// QuotaKit in a Vue 3 app. Vue is told the qk-* tags are custom elements; it then sets objects
// (`:data`, `:autosave-ms`) as DOM properties and listens to the elements' events with `@qk-…`.
import { createApp, ref } from 'vue';
import '../../src/index.js';
import type { QkAdjustmentCommitEvent, QkErrorEvent, QkFocusChangeEvent, QkFunnelChangeEvent, QkTargetChangeEvent } from '../../src/events/index.js';

const app = createApp({
  setup() {
    const focus = ref('—');
    const alerts = ref(0);
    const edits = ref(0);
    const last = ref('—');
    const errors = ref<string[]>([]);
    return {
      focus,
      alerts,
      edits,
      last,
      errors,
      onFocus: (e: QkFocusChangeEvent) => (focus.value = e.detail.nodeId ?? ''),
      onAlert: () => alerts.value++,
      onTargetChange: (e: QkTargetChangeEvent) => {
        edits.value++;
        last.value = `${e.type} ${e.detail.nodeId}`;
      },
      onFunnelChange: (e: QkFunnelChangeEvent) => (last.value = `${e.type} ${e.detail.nodeId}`),
      onAdjustmentCommit: (e: QkAdjustmentCommitEvent) => (last.value = `${e.type} ${e.detail.action}`),
      onError: (e: QkErrorEvent) => errors.value.push(e.detail.message),
    };
  },
  template: `
    <qk-provider sample locale="en" as-of="2026-03-11" :autosave-ms="0" @qk-error="onError">
      <p>
        Focus: <output id="focus">{{ focus }}</output> · Alerts: <output id="alerts">{{ alerts }}</output> ·
        Edited cells: <output id="edits">{{ edits }}</output> · Last event: <output id="last-event">{{ last }}</output>
      </p>
      <main class="grid">
        <qk-attainment-gauge period="FY2026" @qk-alert="onAlert"></qk-attainment-gauge>
        <qk-pace-chart period="FY2026"></qk-pace-chart>
        <qk-goal-tree class="wide" @qk-focus-change="onFocus" @qk-target-change="onTargetChange"></qk-goal-tree>
        <qk-funnel-inverter @qk-funnel-change="onFunnelChange"></qk-funnel-inverter>
        <qk-incentive-calculator></qk-incentive-calculator>
        <qk-incentive-plan-editor></qk-incentive-plan-editor>
        <qk-review-board class="wide"></qk-review-board>
        <qk-scorecard class="wide"></qk-scorecard>
        <qk-adjustment-panel class="wide" @qk-adjustment-commit="onAdjustmentCommit"></qk-adjustment-panel>
      </main>
    </qk-provider>
  `,
});
// Only needed when templates are compiled in the browser; with .vue files set the same function in
// the Vite plugin: vue({ template: { compilerOptions: { isCustomElement } } }).
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('qk-');
app.mount('#app');
