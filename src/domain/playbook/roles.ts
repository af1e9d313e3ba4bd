import type { MeddpiccElement, Playbook, QualificationRole } from './playbook.js';

/** The qualification element that plays `role` in the playbook, if any (the first one when several do). */
export function elementWithRole(playbook: Playbook, role: QualificationRole): MeddpiccElement | undefined {
  return playbook.qualification.elements.find((element) => element.role === role);
}

/** The elements that play any of `roles`, in the playbook's order. */
export function elementsWithRoles(
  playbook: Playbook,
  roles: readonly QualificationRole[],
): MeddpiccElement[] {
  return playbook.qualification.elements.filter(
    (element) => element.role !== undefined && roles.includes(element.role),
  );
}

/** The element's name in the playbook, or its key when the playbook has no such element. */
export function elementName(playbook: Playbook, key: string): string {
  return playbook.qualification.elements.find((element) => element.key === key)?.name ?? key;
}
