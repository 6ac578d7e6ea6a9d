/** `quotakit/conformance`: checks a server against the QuotaKit REST protocol (also `npx quotakit-conformance`). */
export { runConformance, type CheckResult, type ConformanceOptions, type ConformanceReport } from './conformance.js';
