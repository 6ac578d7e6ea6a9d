export * from './incentive-plan-editor.js';
