import { submitForApproval } from '../../domain/closing/decide-approval.js';
import { currentVersion } from '../../domain/closing/offer.js';
import type { Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { changeOffer } from './change-offer.js';
import type { OfferView } from './offer-view.js';

/** Locks the current draft and resolves its approval chain; the audit names the steps it needs. */
export function submitOfferForApproval(
  context: AppContext,
  actor: Actor,
  offerId: string,
  expectedVersion?: number,
): Promise<Result<OfferView, AppError>> {
  return changeOffer(
    context,
    actor,
    offerId,
    {
      action: 'opportunity.offer_submitted',
      side: 'deal',
      decide: ({ offer, offerDeal }, now) =>
        submitForApproval(context.playbook, offer, offerDeal, actor.id, now),
      audit: (_, after) => ({ chain: (currentVersion(after).chain ?? []).map((step) => step.key) }),
    },
    expectedVersion,
  );
}
