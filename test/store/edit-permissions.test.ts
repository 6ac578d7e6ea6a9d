/**
 * The permission matrix for target edits: every role × own subtree / other subtree × every route
 * (the store, MemoryAdapter and LocalStorageAdapter called directly, as a hostile page would).
 * Adjustment requests and decisions have their own matrix (test/adapter/adjustment-permissions).
 */
import { expect } from '@open-wc/testing';
import { QkStore } from '../../src/store/store.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { LocalStorageAdapter } from '../../src/adapter/local-storage-adapter.js';
import type { CrmAdapter } from '../../src/adapter/adapter.js';
import { smallFixture } from '../fixtures/small-plan.js';
import type { TargetCell, User } from '../../src/engine/plan/model.js';

const USERS: Record<string, User> = {
  admin: { id: 'u-admin', name: '系统管理员', roles: ['admin'], canView: ['co'], canEdit: ['co'] },
  'region manager': { id: 'u-east', name: '周敏', roles: ['manager'], canView: ['east'], canEdit: ['east'] },
  'team manager': { id: 'u-sh', name: '孙丽', roles: ['manager'], canView: ['east-sh'], canEdit: ['east-sh'] },
  rep: { id: 'u-r1', name: '王芳', roles: ['rep'], canView: ['r1'], canEdit: [], nodeId: 'r1' },
  viewer: { id: 'u-viewer', name: '访客', roles: ['viewer'], canView: ['co'], canEdit: [] },
};
// Own subtree: a rep of 上海一组 (r1, inside every manager's scope above); other: a rep of 深圳组.
const OWN: TargetCell = { nodeId: 'r1', period: 'FY2026-Q3', metric: 'revenue', value: 12_300_000 };
const OTHER: TargetCell = { nodeId: 'r5', period: 'FY2026-Q3', metric: 'revenue', value: 45_600_000 };
const EXPECTED: Record<string, { own: string; other: string }> = {
  admin: { own: 'ok', other: 'ok' },
  'region manager': { own: 'ok', other: 'edit-forbidden-scope' },
  'team manager': { own: 'ok', other: 'edit-forbidden-scope' },
  rep: { own: 'edit-forbidden-role', other: 'edit-forbidden-role' },
  viewer: { own: 'edit-forbidden-role', other: 'edit-forbidden-role' },
};

function seed() {
  const { plan, actuals } = smallFixture();
  plan.users = Object.values(USERS);
  return { plan, actuals };
}

let n = 0;
const ROUTES: Record<string, (user: User) => Promise<(cell: TargetCell) => Promise<string>>> = {
  store: async (user) => {
    const { plan, actuals } = seed();
    const store = new QkStore({ autosaveMs: false, retryDelaysMs: [], asOf: '2026-04-01' });
    await store.connect(new MemoryAdapter(plan, actuals, { user: user.id }));
    return async (cell) => {
      const r = store.applyCells([cell]);
      return r.ok ? 'ok' : r.error.code;
    };
  },
  ...Object.fromEntries(
    (['MemoryAdapter', 'LocalStorageAdapter'] as const).map((name) => [
      name,
      async (user: User) => {
        const { plan, actuals } = seed();
        const adapter: CrmAdapter =
          name === 'MemoryAdapter'
            ? new MemoryAdapter(plan, actuals, { user: user.id })
            : new LocalStorageAdapter({ key: `qk-perm-${Date.now()}-${n++}`, seed: () => ({ plan, actuals }), user: user.id });
        return async (cell: TargetCell) => {
          const version = (await adapter.loadPlan()).plan.version;
          try {
            await adapter.saveTargets({ baseVersion: version, cells: [cell] });
            return 'ok';
          } catch (e) {
            // The adapter says `forbidden` and names the rule it applied.
            const err = e as { code: string; message: string };
            return err.code === 'forbidden' ? (/edit-[a-z-]+/.exec(err.message)?.[0] ?? err.code) : err.code;
          }
        };
      },
    ]),
  ),
};

describe('permission matrix: target edits (role × subtree × route)', () => {
  for (const [route, open] of Object.entries(ROUTES)) {
    for (const [role, user] of Object.entries(USERS)) {
      it(`${route}: ${role} — own subtree ${EXPECTED[role].own}, other subtree ${EXPECTED[role].other}`, async () => {
        const edit = await open(user);
        expect(await edit(OWN), 'own subtree').to.equal(EXPECTED[role].own);
        expect(await edit(OTHER), 'other subtree').to.equal(EXPECTED[role].other);
      });
    }
  }
});
