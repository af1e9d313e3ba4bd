import type { PocTemplate } from '../playbook/inspection-settings.js';
import type { PocPlan } from './poc-plan.js';

/**
 * A plan's sessions and criteria in the order the playbook's POC method lists them: sessions by template
 * (a repeated one by its count), criteria by group and position. Sessions or groups the playbook no longer
 * has come last, in a stable order.
 */
export function inTemplateOrder(plan: PocPlan, template: PocTemplate | undefined): PocPlan {
  const rank = (keys: readonly string[], key: string) => {
    const index = keys.indexOf(key);
    return index < 0 ? keys.length : index;
  };
  const sessions = (template?.sessions ?? []).map((session) => session.key);
  const groups = (template?.successCriteria ?? []).map((group) => group.key);
  return {
    ...plan,
    sessions: [...plan.sessions].sort(
      (a, b) =>
        rank(sessions, a.templateKey) - rank(sessions, b.templateKey) ||
        a.templateKey.localeCompare(b.templateKey) ||
        a.sequence - b.sequence,
    ),
    criteria: [...plan.criteria].sort(
      (a, b) =>
        rank(groups, a.group) - rank(groups, b.group) ||
        a.group.localeCompare(b.group) ||
        a.position - b.position,
    ),
  };
}
