/**
 * An adapter that misbehaves on purpose, for fault-injection tests of a dashboard (and of the
 * store): it wraps any `CrmAdapter` and, at set rates drawn from a seeded generator, makes a call
 * fail (`network`), hang (never answer), answer late (after the caller's timeout), or meet a
 * conflict (another user saves first). Everything else passes through. The same seed gives the same
 * faults in the same order, so a failing run can be replayed.
 *
 * @example
 * const faulty = new FaultyAdapter(new MemoryAdapter(plan, actuals), { seed: 7, fail: 0.2, hang: 0.05, late: 0.1, conflict: 0.1,
 *   foreignEdit: (plan) => [{ nodeId: 'south-sz', period: 'FY2026', metric: 'revenue', value: 1 }] });
 * await store.connect(faulty);
 */
import { createRandom, type Random } from '../engine/shared/random.js';
import type { PlanSnapshot, TargetCell, TargetChange } from '../engine/plan/model.js';
import { QkAdapterError, type AdapterUpdate, type CrmAdapter } from '../adapter/adapter.js';

export interface FaultRates {
  /** Seed of the generator that draws the faults. */
  seed: number;
  /** Share of calls that reject with `network` (0–1). */
  fail?: number;
  /** Share of calls that never answer. */
  hang?: number;
  /** Share of calls that answer after `lateMs` (the real answer, delayed). */
  late?: number;
  /** Share of saves that meet a conflict: `foreignEdit` is saved first, as another user would. */
  conflict?: number;
  /** How late a late answer is, in ms (default 40). */
  lateMs?: number;
  /** The other user's change for an injected conflict (default: none, the version just moves on). */
  foreignEdit?: (plan: PlanSnapshot) => TargetCell[];
  /** Which calls may fail or hang (default: all but `currentUser` and `subscribe`). */
  calls?: readonly (keyof CrmAdapter)[];
}

type Fault = 'fail' | 'hang' | 'late' | 'conflict' | null;

export class FaultyAdapter implements CrmAdapter {
  /** Faults drawn so far, in order (to read a failing run back). */
  readonly log: { call: string; fault: Fault }[] = [];
  /** Turns every fault off (to let a dashboard settle at the end of a test). */
  quiet = false;
  private readonly rng: Random;
  private readonly hanging: (() => void)[] = [];

  constructor(
    readonly inner: CrmAdapter,
    private readonly rates: FaultRates,
  ) {
    this.rng = createRandom(rates.seed);
  }

  private draw(call: keyof CrmAdapter): Fault {
    const { fail = 0, hang = 0, late = 0, conflict = 0, calls } = this.rates;
    if (this.quiet || (calls ? !calls.includes(call) : call === 'currentUser')) return null;
    const x = this.rng.next();
    const fault: Fault = x < fail ? 'fail' : x < fail + hang ? 'hang' : x < fail + hang + late ? 'late' : call === 'saveTargets' && x < fail + hang + late + conflict ? 'conflict' : null;
    this.log.push({ call, fault });
    return fault;
  }

  private async pass<T>(call: keyof CrmAdapter, run: () => Promise<T>): Promise<T> {
    const fault = this.draw(call);
    if (fault === 'fail') throw new QkAdapterError('network', `injected network failure (${call})`);
    if (fault === 'hang') return new Promise<T>((resolve) => this.hanging.push(() => void run().then(resolve, () => {})));
    if (fault === 'late') {
      await new Promise((r) => setTimeout(r, this.rates.lateMs ?? 40));
      return run();
    }
    return run();
  }

  loadPlan() {
    return this.pass('loadPlan', () => this.inner.loadPlan());
  }
  loadActuals(range: { from: string; to: string }) {
    return this.pass('loadActuals', () => this.inner.loadActuals(range));
  }
  currentUser() {
    return this.pass('currentUser', () => this.inner.currentUser());
  }
  notify(notice: Parameters<CrmAdapter['notify']>[0]) {
    return this.pass('notify', () => this.inner.notify(notice));
  }

  async saveTargets(change: TargetChange) {
    const fault = this.draw('saveTargets');
    if (fault === 'conflict') {
      const plan = await this.inner.loadPlan();
      await this.inner.saveTargets({ baseVersion: plan.plan.version, cells: this.rates.foreignEdit?.(plan) ?? [] });
    }
    if (fault === 'fail') throw new QkAdapterError('network', 'injected network failure (saveTargets)');
    if (fault === 'hang') {
      // A hung save may still reach the host later, as a real one can: it lands when `release()` is called.
      return new Promise<never>((_, reject) => this.hanging.push(() => void this.inner.saveTargets(change).catch(() => {}).finally(() => reject(new QkAdapterError('network', 'abandoned')))));
    }
    if (fault === 'late') await new Promise((r) => setTimeout(r, this.rates.lateMs ?? 40));
    return this.inner.saveTargets(change);
  }

  /** Lets every hung call reach the host now (their callers have long given up). */
  release(): void {
    for (const go of this.hanging.splice(0)) go();
  }

  subscribe(listener: (update: AdapterUpdate) => void): () => void {
    return this.inner.subscribe?.(listener) ?? (() => {});
  }
}
