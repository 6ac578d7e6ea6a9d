/**
 * A linear scale with the part of d3-scale's `scaleLinear` API the kit uses (domain, range, clamp,
 * nice, ticks, invert). d3-scale's linear scale brings d3-interpolate, d3-color and d3-format with
 * it — about 11 kB gzip for what is `r0 + (x − d0) × (r1 − r0) / (d1 − d0)` on numbers — so the kit
 * keeps d3 for what earns its bytes (arcs and lines on d3-path) and maps numbers here. `ticks` and
 * `nice` steps follow d3-array's algorithm (`ticks.ts`, checked against d3-array in the tests).
 *
 * @example
 * const x = linearScale().domain([0, 1.5]).range([-Math.PI / 2, Math.PI / 2]).clamp(true);
 * x(0.75); // 0 (the top of a half-circle gauge)
 * x.ticks(3); // [0, 0.5, 1, 1.5]
 */
import { ticks as roundTicks, tickIncrement } from './ticks.js';

export interface LinearScale {
  (x: number): number;
  domain(): [number, number];
  domain(d: readonly [number, number] | readonly number[]): LinearScale;
  range(): [number, number];
  range(r: readonly [number, number] | readonly number[]): LinearScale;
  clamp(): boolean;
  clamp(on: boolean): LinearScale;
  /** The domain value for a range value (for pointer positions). */
  invert(y: number): number;
  /** Round values in the domain, as d3 picks them. */
  ticks(count?: number): number[];
  /** Extends the domain to round values. */
  nice(count?: number): LinearScale;
  copy(): LinearScale;
}

export function linearScale(domain: readonly number[] = [0, 1], range: readonly number[] = [0, 1], clamped = false): LinearScale {
  let d0 = domain[0] ?? 0;
  let d1 = domain[domain.length - 1] ?? 1;
  let r0 = range[0] ?? 0;
  let r1 = range[range.length - 1] ?? 1;
  let clampOn = clamped;

  const scale = ((x: number) => {
    if (d1 === d0) return (r0 + r1) / 2;
    let t = (x - d0) / (d1 - d0);
    if (clampOn) t = Math.max(0, Math.min(1, t));
    return r0 + t * (r1 - r0);
  }) as LinearScale;

  scale.domain = ((d?: readonly number[]) => {
    if (!d) return [d0, d1];
    d0 = d[0] ?? 0;
    d1 = d[d.length - 1] ?? 1;
    return scale;
  }) as LinearScale['domain'];
  scale.range = ((r?: readonly number[]) => {
    if (!r) return [r0, r1];
    r0 = r[0] ?? 0;
    r1 = r[r.length - 1] ?? 1;
    return scale;
  }) as LinearScale['range'];
  scale.clamp = ((on?: boolean) => {
    if (on === undefined) return clampOn;
    clampOn = on;
    return scale;
  }) as LinearScale['clamp'];
  scale.invert = (y: number) => {
    if (r1 === r0) return (d0 + d1) / 2;
    let t = (y - r0) / (r1 - r0);
    if (clampOn) t = Math.max(0, Math.min(1, t));
    return d0 + t * (d1 - d0);
  };
  scale.ticks = (count = 10) => roundTicks(d0, d1, count);
  scale.nice = (count = 10) => {
    // d3's algorithm: widen to multiples of the tick step until the step settles.
    let lo = Math.min(d0, d1);
    let hi = Math.max(d0, d1);
    let prev: number | undefined;
    for (let i = 0; i < 10; i++) {
      const step = tickIncrement(lo, hi, count);
      if (step === prev || !Number.isFinite(step) || step === 0) break;
      if (step > 0) {
        lo = Math.floor(lo / step) * step;
        hi = Math.ceil(hi / step) * step;
      } else {
        lo = Math.ceil(lo * step) / step;
        hi = Math.floor(hi * step) / step;
      }
      prev = step;
    }
    if (d0 <= d1) [d0, d1] = [lo, hi];
    else [d0, d1] = [hi, lo];
    return scale;
  };
  scale.copy = () => linearScale([d0, d1], [r0, r1], clampOn);
  return scale;
}
