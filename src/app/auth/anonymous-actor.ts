import type { Actor } from '../context.js';

export const ANONYMOUS_ID = 'anonymous';

/**
 * Who a request is before it signs in. Only the public routes (health, login, demo users, docs) ever run
 * with it: every other route answers 401 first. Read-only and without rights beyond the viewer's.
 */
export function anonymousActor(requestId?: string): Actor {
  return {
    id: ANONYMOUS_ID,
    principal: { id: ANONYMOUS_ID, role: 'viewer', region: null, managerId: null },
    canOverride: false,
    canReopen: false,
    readOnly: true,
    ...(requestId !== undefined && { requestId }),
  };
}
