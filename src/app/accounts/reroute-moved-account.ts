import type { Kysely } from 'kysely';
import { listAccountDealsToFollow } from '../../db/repositories/territory-reassignment-repo.js';
import { findUserByEmail } from '../../db/repositories/user-records-repo.js';
import type { Database } from '../../db/schema.js';
import type { Account } from '../../domain/account/account.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type DealMove, planReassignment } from '../../domain/territory/plan-reassignment.js';
import { routeAccount } from '../../domain/territory/route-account.js';
import type { AppError } from '../app-error.js';
import { activeTerritories } from '../territory/compiled-territories.js';
import { placeOf, unroutable } from './route-new-account.js';

export interface Rerouted {
  account: Account;
  /** The account's open deals owned by an AE, which follow it to its new AE. */
  dealMoves: DealMove[];
}

/**
 * An account that moves to another place while a territory model is active goes where the model routes it, by
 * the activation's rule: unless pinned, its new territory's AE takes it, with its open deals owned by an AE (a
 * CSM's renewal and closed deals stay). A place the model cannot route is refused at its field.
 */
export async function rerouteMovedAccount(
  trx: Kysely<Database>,
  account: Account,
): Promise<Result<Rerouted, AppError>> {
  const unchanged = ok({ account, dealMoves: [] });
  const active = await activeTerritories(trx);
  if (!active) return unchanged;
  const place = placeOf(account);
  const routing = routeAccount(active.compiled, place);
  if (!routing.ok) return err(unroutable(routing, place));
  if (account.ownerPinned) return unchanged;
  const found = await findUserByEmail(trx, routing.ae);
  if (!found?.user.active || found.user.role !== 'ae') return unchanged;
  const { deals, roles } = await listAccountDealsToFollow(trx, account.id);
  const plan = planReassignment({
    accounts: [{ id: account.id, name: account.name, ownerId: account.ownerId, ownerPinned: false, place }],
    deals,
    roles,
    route: () => routing,
    aeUserIds: new Map([[routing.ae.trim().toLowerCase(), found.user.id]]),
  });
  const move = plan.accountMoves[0];
  return ok({ account: move ? { ...account, ownerId: move.toId } : account, dealMoves: plan.dealMoves });
}
