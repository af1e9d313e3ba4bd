import { revokeSession } from '../../db/repositories/sessions-repo.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { sessionRef } from './login.js';

/** Ends a session on the server (the cookie is worthless from now on), with its audit event. */
export async function logout(context: AppContext, actor: Actor, idHash: string): Promise<void> {
  const at = context.now();
  await context.db.transaction().execute(async (trx) => {
    if (await revokeSession(trx, idHash, at)) {
      await recordEvent(trx, actor, at, {
        entityType: 'session',
        entityId: sessionRef(idHash),
        action: 'auth.logout',
      });
    }
  });
}
