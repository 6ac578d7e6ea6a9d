/**
 * Who may change the commission plan (提成方案): finance or an administrator, decided from the
 * signed-in user alone. The editor checks it to offer saving; every adapter and the reference
 * server check it again (a field in a request never grants a right).
 */
import type { User } from '../plan/model.js';

export type PlanPermission = { allowed: true } | { allowed: false; reason: 'incentive-plan-forbidden'; params: { user: string; role: string } };

/**
 * May `user` change the commission plan? Finance and admin may; anyone else is refused with
 * `incentive-plan-forbidden` (params `user`: their name, `role`: their strongest role), so the
 * message can say who may and why not them.
 *
 * @example
 * canEditIncentivePlan({ id: 'u-finance', name: '林涛', roles: ['finance'], canView: ['co'], canEdit: [] }) // { allowed: true }
 * canEditIncentivePlan(zhouMin) // { allowed: false, reason: 'incentive-plan-forbidden', params: { user: '周敏', role: 'manager' } }
 */
export function canEditIncentivePlan(user: User): PlanPermission {
  if (user.roles.includes('finance') || user.roles.includes('admin')) return { allowed: true };
  const role = (['manager', 'rep', 'viewer'] as const).find((r) => user.roles.includes(r)) ?? 'viewer';
  return { allowed: false, reason: 'incentive-plan-forbidden', params: { user: user.name || user.id, role } };
}
