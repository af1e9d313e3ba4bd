import type { Kysely } from 'kysely';
import { findUserByEmail } from '../../db/repositories/user-records-repo.js';
import type { Database } from '../../db/schema.js';
import { rightsOf } from '../../domain/access/principal.js';
import { accountAccess } from '../../domain/access/record-access.js';
import type { Account } from '../../domain/account/account.js';
import { err, ok, type Result } from '../../domain/result.js';
import { routeAccount } from '../../domain/territory/route-account.js';
import type { AccountPlace, Routing } from '../../domain/territory/territory-model.js';
import { checkOwnerChoice } from '../access/authorize.js';
import { type AppError, forbidden, invalid } from '../app-error.js';
import type { Actor } from '../context.js';
import type { ActiveTerritories } from '../territory/compiled-territories.js';

export interface NewAccountOwner {
  ownerId: string | null;
  /** Named by the creator against the model's answer: activations keep this owner. */
  ownerPinned: boolean;
}

type Refused = Extract<Routing, { ok: false }>;

/** The field an unroutable place is refused at: the country (excluded, or in no territory) or the subdivision. */
function fieldOf(routing: Refused, place: AccountPlace): 'country' | 'subdivision' {
  if (routing.reason === 'needs_subdivision') return 'subdivision';
  if (routing.reason === 'excluded') return 'country';
  return place.subdivision ? 'subdivision' : 'country';
}

/** A place the model cannot route, refused at its field (country or subdivision) with why. */
export function unroutable(routing: Refused, place: AccountPlace): AppError {
  const path = fieldOf(routing, place);
  return {
    code: 'territory_rule',
    message: `${path}: ${routing.because}`,
    issues: [{ path, message: routing.because }],
  };
}

/** What routing reads of an account. */
export const placeOf = (account: Account): AccountPlace => ({
  country: account.country,
  subdivision: account.subdivision,
  postalCode: account.postalCode,
  county: account.county,
  segment: account.segment,
});

/**
 * Who owns a new account while a territory model is active: the AE its place routes to. Naming anyone else
 * (or nobody) needs the reassign right on the account as routed, then the named owner is one the creator may
 * reassign to, and the account is pinned. A place the model cannot route is refused at its field, with why.
 */
export async function ownerOfRoutedAccount(
  trx: Kysely<Database>,
  actor: Actor,
  active: ActiveTerritories,
  place: AccountPlace,
  named: string | null | undefined,
): Promise<Result<NewAccountOwner, AppError>> {
  const routing = routeAccount(active.compiled, place);
  if (!routing.ok) return err(unroutable(routing, place));
  const found = await findUserByEmail(trx, routing.ae);
  const ae = found?.user.active && found.user.role === 'ae' ? found.user : undefined;
  if (ae && (named === undefined || named === ae.id)) return ok({ ownerId: ae.id, ownerPinned: false });
  if (named === undefined) {
    const message = `${routing.territoryName}'s AE, ${routing.ae}, is not an active AE: name the owner`;
    return err({ code: 'territory_rule', message, issues: [{ path: 'ownerId', message }] });
  }
  const routed = {
    ownerId: ae?.id ?? null,
    ownerRegion: ae?.region ?? null,
    ownerManagerId: ae?.managerId ?? null,
  };
  if (!accountAccess(actor.principal, routed).reassign) {
    return err(
      forbidden(
        `ownerId: the territory model gives this account to ${ae?.name ?? routing.ae} (${routing.territoryName}); ` +
          'your role may not give it to another owner.',
      ),
    );
  }
  const issue = named && (await checkOwnerChoice(trx, actor, named, rightsOf(actor.principal).reassign));
  if (issue) return err(invalid([issue]));
  return ok({ ownerId: named, ownerPinned: true });
}
