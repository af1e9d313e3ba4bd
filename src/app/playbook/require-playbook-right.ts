import { ROLE_RIGHTS } from '../../domain/access/roles.js';
import type { AppError } from '../app-error.js';
import type { Actor } from '../context.js';

/** The playbook's versions and previews are for roles with `managePlaybook` (RevOps). */
export function refuseUnlessPlaybookManager(actor: Actor): AppError | null {
  if (ROLE_RIGHTS[actor.principal.role].managePlaybook) return null;
  return { code: 'forbidden', message: 'Only the roles that manage the playbook may do this.' };
}
