/**
 * Writing an adapter: QuotaKit reaches your CRM only through a `CrmAdapter`. This one talks to a
 * small REST API with `fetch` (the routes test/adapter/rest-server-plugin.mjs serves in the tests):
 *
 *   GET /plan · GET /actuals?from=&to= · PUT /targets (409 { currentVersion } when stale) · GET /me · POST /notify
 *
 * Two rules make an adapter work with every element:
 * 1. Check what the CRM sends with the parse functions of `quotakit/adapters`: bad data becomes a
 *    `QkAdapterError('invalid-data')` listing every bad path, and nothing half-valid reaches the kit.
 * 2. Turn every failure into a `QkAdapterError` with a stable code (`network`, `forbidden`,
 *    `not-found`, `conflict` with `currentVersion`): the elements show a localized message for it.
 *
 * The optional methods (adjustments, `subscribe`, `loadChildren`) are left out; add them when your
 * CRM has them. Check an adapter with `runAdapterContractSuite` from `quotakit/testing` (see
 * test/embed/adapter.test.ts).
 */
import {
  QkAdapterError,
  parseActualsSnapshot,
  parsePlanSnapshot,
  parseSaveResult,
  parseUser,
  type CrmAdapter,
  type Notice,
} from '../../src/adapter/index.js'; // in an app: 'quotakit/adapters'
import type { ActualsSnapshot, PlanSnapshot, SaveResult, TargetChange, User } from '../../src/engine/index.js'; // 'quotakit/engine'

/** HTTP statuses with a code of their own; any other failure is `network`. */
const STATUS_CODES = { 401: 'forbidden', 403: 'forbidden', 404: 'not-found' } as const;

export class ExampleCrmAdapter implements CrmAdapter {
  readonly #baseUrl: string;
  readonly #token: string;

  /** `baseUrl` e.g. `/api/quota`; `token` is sent as a bearer token. */
  constructor(baseUrl: string, token = '') {
    this.#baseUrl = baseUrl;
    this.#token = token;
  }

  async loadPlan(): Promise<PlanSnapshot> {
    return parsePlanSnapshot(await this.#call('GET', '/plan'), { source: 'GET /plan' });
  }

  async loadActuals({ from, to }: { from: string; to: string }): Promise<ActualsSnapshot> {
    const query = new URLSearchParams({ from, to });
    return parseActualsSnapshot(await this.#call('GET', `/actuals?${query}`), { source: 'GET /actuals' });
  }

  async saveTargets(change: TargetChange): Promise<SaveResult> {
    return parseSaveResult(await this.#call('PUT', '/targets', change), { source: 'PUT /targets' });
  }

  async currentUser(): Promise<User> {
    return parseUser(await this.#call('GET', '/me'), { source: 'GET /me' });
  }

  async notify(notice: Notice): Promise<void> {
    await this.#call('POST', '/notify', notice);
  }

  /** Sends one request and returns its JSON body (`undefined` when empty); every failure is a QkAdapterError. */
  async #call(method: string, path: string, body?: unknown): Promise<unknown> {
    const what = `${method} ${path}`;
    let response: Response;
    try {
      response = await fetch(`${this.#baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#token}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new QkAdapterError('network', `${what}: no response`, { cause });
    }
    const text = await response.text();
    if (response.status === 409) {
      // Someone saved first: the kit reloads and tells the user, so it needs the version the CRM has now.
      const { currentVersion } = JSON.parse(text) as { currentVersion: number };
      throw new QkAdapterError('conflict', `${what}: the plan is now at version ${currentVersion}`, { currentVersion });
    }
    if (!response.ok) {
      const code = STATUS_CODES[response.status as keyof typeof STATUS_CODES] ?? 'network';
      throw new QkAdapterError(code, `${what}: HTTP ${response.status}`);
    }
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new QkAdapterError('invalid-data', `${what}: the answer is not JSON`, { cause, issues: [{ path: [], message: 'not JSON' }] });
    }
  }
}
