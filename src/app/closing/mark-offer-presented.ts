import { markOfferPresented as decidePresentation } from '../../domain/closing/present-offer.js';
import type { Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { changeOffer } from './change-offer.js';
import type { PresentOfferInput } from './offer-inputs.js';
import type { OfferView } from './offer-view.js';

/** Records that the customer was shown the current version: only once it is fully approved. */
export function markOfferPresented(
  context: AppContext,
  actor: Actor,
  offerId: string,
  input: PresentOfferInput,
  expectedVersion?: number,
): Promise<Result<OfferView, AppError>> {
  return changeOffer(
    context,
    actor,
    offerId,
    {
      action: 'opportunity.offer_presented',
      side: 'deal',
      decide: ({ offer, offerDeal }, now) =>
        decidePresentation(offer, offerDeal, input.versionNumber, actor.id, now),
    },
    expectedVersion,
  );
}
