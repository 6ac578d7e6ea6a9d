import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { adapterContext } from '../../context/keys.js';
import type { CrmAdapter } from '../../adapter/adapter.js';
import { savedIncentivePlan, type SavedIncentivePlan, type SavedPlanState } from '../../internal/saved-incentive-plan.js';

/**
 * The commission plan the provider's adapter keeps (`loadIncentivePlan`), for the calculator under a
 * provider: it follows the adapter (a new one, e.g. another signed-in user, loads again) and a save
 * in `qk-incentive-plan-editor` on the same adapter (the host updates). `state` is null without an
 * adapter.
 */
export class SavedPlanController implements ReactiveController {
  private source?: SavedIncentivePlan;
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    new ContextConsumer(host, { context: adapterContext, subscribe: true, callback: (a) => this.follow(a) });
    host.addController(this);
  }

  /** The saved plan of the adapter, or null when there is none to read. */
  get state(): SavedPlanState | null {
    return this.source?.state ?? null;
  }

  private follow(adapter: CrmAdapter | undefined): void {
    const next = adapter ? savedIncentivePlan(adapter) : undefined;
    if (next === this.source) return;
    this.unsubscribe?.();
    this.source = next;
    this.unsubscribe = next?.subscribe(() => this.host.requestUpdate());
    this.host.requestUpdate();
  }

  hostConnected(): void {
    if (this.source && !this.unsubscribe) this.unsubscribe = this.source.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
