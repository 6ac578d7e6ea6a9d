// Only the define modules: no `import 'quotakit'`. Each element's events must be typed from here.
import 'quotakit/define/qk-goal-tree.js';
import 'quotakit/define/qk-attainment-gauge';

const tree = document.createElement('qk-goal-tree');
tree.addEventListener('qk-target-change', (e) => {
  const value: number | null = e.detail.newValue;
  return value;
});
tree.addEventListener('qk-focus-change', (e) => e.detail.nodeId);
tree.addEventListener('qk-error', (e) => e.detail.code);
document.createElement('qk-attainment-gauge').addEventListener('qk-alert', (e) => e.detail.message.length);
