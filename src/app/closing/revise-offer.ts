import { reviseOffer as decideRevision } from '../../domain/closing/draft-offer.js';
import type { Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { changeOffer } from './change-offer.js';
import type { OfferTermsInput } from './offer-inputs.js';
import type { OfferView } from './offer-view.js';

/** Any edit makes a new draft version by the actor; the old version is superseded with its approvals. */
export function reviseOffer(
  context: AppContext,
  actor: Actor,
  offerId: string,
  terms: OfferTermsInput,
  expectedVersion?: number,
): Promise<Result<OfferView, AppError>> {
  return changeOffer(
    context,
    actor,
    offerId,
    {
      action: 'opportunity.offer_revised',
      side: 'deal',
      decide: ({ offer, offerDeal }, now) =>
        decideRevision(context.playbook, offer, offerDeal, { authorId: actor.id, terms }, now),
    },
    expectedVersion,
  );
}
