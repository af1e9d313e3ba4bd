import { ROLE_RIGHTS } from '../../domain/access/roles.js';
import type { AppError } from '../app-error.js';
import type { Actor } from '../context.js';

/** Webhooks are for roles with `manageWebhooks` (RevOps admin); changes also need a writable credential. */
export function refuseUnlessWebhookManager(actor: Actor, need: 'read' | 'write'): AppError | null {
  if (!ROLE_RIGHTS[actor.principal.role].manageWebhooks) {
    return { code: 'forbidden', message: 'Only the roles that manage webhooks may do this.' };
  }
  if (need === 'write' && actor.readOnly) {
    return { code: 'forbidden', message: 'This credential is read-only.' };
  }
  return null;
}
