import type { Kysely } from 'kysely';
import { findUserByEmail } from '../../db/repositories/user-records-repo.js';
import type { Database } from '../../db/schema.js';
import type { Account } from '../../domain/account/account.js';
import { routeAccount } from '../../domain/territory/route-account.js';
import { activeTerritories } from '../territory/compiled-territories.js';
import { placeOf } from './route-new-account.js';

/**
 * Whether an account handed to a new owner by hand is pinned: while a territory model is active, an owner other
 * than the AE the model routes it to is an override the next activation keeps; handing it back to that AE
 * unpins it. With no model active there is nothing to override, and the pin stays as it was.
 */
export async function pinnedAfterReassign(trx: Kysely<Database>, account: Account): Promise<boolean> {
  const active = await activeTerritories(trx);
  if (!active) return account.ownerPinned;
  const routing = routeAccount(active.compiled, placeOf(account));
  if (!routing.ok) return true;
  const ae = await findUserByEmail(trx, routing.ae);
  return account.ownerId !== ae?.user.id;
}
