/**
 * The sample company the demo and the tests start from: the kit's generated company, plus a
 * director (a manager of the whole company) and a finance login (sees everything, edits no target; may change the commission plan).
 */
import { generateSampleCompany } from '../../src/sample/sample-data.js';
import type { User } from '../../src/engine/index.js';
import type { SeedData } from './data.js';

export function sampleSeed(): SeedData & { logins: { role: string; user: User }[] } {
  const { plan, actuals } = generateSampleCompany();
  const root = plan.org.find((n) => n.parentId === null)!.id;
  const director: User = { id: 'u-director', name: '销售总监 陈静', roles: ['manager'], canView: [root], canEdit: [root], nodeId: root };
  const finance: User = { id: 'u-finance', name: '财务 林涛', roles: ['finance'], canView: [root], canEdit: [] };
  const users = plan.users ?? [];
  const manager = users.find((u) => u.id === 'u-mgr-1')!;
  const rep = users.find((u) => u.roles.includes('rep') && u.nodeId !== undefined)!;
  const admin = users.find((u) => u.roles.includes('admin'))!;
  return {
    plan,
    actuals,
    users: [director, finance],
    logins: [
      { role: 'rep', user: rep },
      { role: 'manager', user: manager },
      { role: 'director', user: director },
      { role: 'finance', user: finance },
      { role: 'admin', user: admin },
    ],
  };
}
