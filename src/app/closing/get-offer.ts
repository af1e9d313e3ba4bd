import { findOffer } from '../../db/repositories/offers-repo.js';
import { findOpportunityWithOwner } from '../../db/repositories/opportunities-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { accessToOpportunity } from '../access/authorize.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { approvesOffer, loadOfferDeal } from './offer-access.js';
import { type OfferView, offerView } from './offer-view.js';

/**
 * One offer with its version history and who may act next. Seen by whoever may read the deal and by the
 * approvers its chain names (a VP Finance, the region's RVP); 404 for anyone else.
 */
export async function getOffer(
  context: AppContext,
  actor: Actor,
  offerId: string,
): Promise<Result<OfferView, AppError>> {
  const offer = await findOffer(context.db, offerId);
  const found = offer && (await findOpportunityWithOwner(context.db, offer.opportunityId));
  if (!offer || !found) return err(notFound('Offer', offerId));
  const access = await accessToOpportunity(context.db, actor, found.opportunity);
  if (!access.read && !approvesOffer(actor.principal, offer)) return err(notFound('Offer', offerId));
  const deal = await loadOfferDeal(context.db, found.opportunity);
  const viewer = { principal: actor.principal, mayEditDeal: access.edit };
  return ok(
    await offerView(context.db, context, offer, { deal: found.opportunity, offerDeal: deal }, viewer),
  );
}
