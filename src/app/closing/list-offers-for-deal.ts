import { listOffersOfDeal } from '../../db/repositories/offers-repo.js';
import { ok, type Result } from '../../domain/result.js';
import { readableOpportunity } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { loadOfferDeal, viewerOf } from './offer-access.js';
import { type OfferView, offerView } from './offer-view.js';

/** The offers of a deal the actor may read (404 otherwise), oldest first, each with its history. */
export async function listOffersForDeal(
  context: AppContext,
  actor: Actor,
  opportunityId: string,
): Promise<Result<OfferView[], AppError>> {
  const readable = await readableOpportunity(context.db, actor, opportunityId);
  if (!readable.ok) return readable;
  const deal = await loadOfferDeal(context.db, readable.value);
  const offers = await listOffersOfDeal(context.db, opportunityId);
  const viewer = await viewerOf(context.db, actor, readable.value);
  const views: OfferView[] = [];
  const dealOf = { deal: readable.value, offerDeal: deal };
  for (const offer of offers) views.push(await offerView(context.db, context, offer, dealOf, viewer));
  return ok(views);
}
