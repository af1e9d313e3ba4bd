import type { Principal } from '../../domain/access/principal.js';
import { ROLE_RIGHTS } from '../../domain/access/roles.js';
import type { Actor } from '../context.js';

/** The actor for a user, with the rights of their role. */
export function actorFor(
  principal: Principal,
  options: { requestId?: string; readOnly?: boolean } = {},
): Actor {
  const rights = ROLE_RIGHTS[principal.role];
  return {
    id: principal.id,
    principal,
    canOverride: rights.canOverride,
    canReopen: rights.canReopen,
    readOnly: options.readOnly ?? false,
    ...(options.requestId !== undefined && { requestId: options.requestId }),
  };
}

/** The system acting with admin rights: the CLI run by an operator, the demo seed. */
export function systemActor(name: string): Actor {
  return actorFor({ id: `system:${name}`, role: 'revops_admin', region: null, managerId: null });
}
