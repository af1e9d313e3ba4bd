import type { Kysely } from 'kysely';
import { findOffer, listOffersOfDeal } from '../../db/repositories/offers-repo.js';
import { findOpportunityWithOwner } from '../../db/repositories/opportunities-repo.js';
import type { Database } from '../../db/schema.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { accessToOpportunity } from '../access/authorize.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor } from '../context.js';
import { approvesOffer } from './offer-access.js';

/**
 * Quotes are read by whoever may read their deal, and by the approvers of its offers (as offers are: decision
 * 013); anyone else gets 404 under the name they asked for (`what`, `id`).
 */
export async function dealOfQuotes(
  db: Kysely<Database>,
  actor: Actor,
  opportunityId: string,
  scope: { offerId?: string; what: string; id: string },
): Promise<Result<Opportunity, AppError>> {
  const missing = err(notFound(scope.what, scope.id));
  const found = await findOpportunityWithOwner(db, opportunityId);
  if (!found) return missing;
  if ((await accessToOpportunity(db, actor, found.opportunity)).read) return ok(found.opportunity);
  const offers =
    scope.offerId === undefined
      ? await listOffersOfDeal(db, opportunityId)
      : [await findOffer(db, scope.offerId)];
  const approver = offers.some((offer) => offer && approvesOffer(actor.principal, offer));
  return approver ? ok(found.opportunity) : missing;
}
