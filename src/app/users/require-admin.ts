import { ROLE_RIGHTS } from '../../domain/access/roles.js';
import type { AppError } from '../app-error.js';
import type { Actor } from '../context.js';

/** Administration (users, tokens, audit) is for roles with `administer`; changes also need a writable actor. */
export function refuseUnlessAdmin(actor: Actor, need: 'read' | 'write'): AppError | null {
  if (!ROLE_RIGHTS[actor.principal.role].administer) {
    return { code: 'forbidden', message: 'Only administrators may do this.' };
  }
  if (need === 'write' && actor.readOnly) {
    return { code: 'forbidden', message: 'This credential is read-only.' };
  }
  return null;
}

/** The roles that administer: at least one active user must keep one. */
export const ADMIN_ROLES = (Object.keys(ROLE_RIGHTS) as Array<keyof typeof ROLE_RIGHTS>).filter(
  (role) => ROLE_RIGHTS[role].administer,
);
