import { decideApproval as decideStep } from '../../domain/closing/decide-approval.js';
import type { Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { changeOffer } from './change-offer.js';
import type { ApprovalDecisionInput } from './offer-inputs.js';
import type { OfferView } from './offer-view.js';

/**
 * An approver approves or rejects the step waiting on the version they read. The domain refuses
 * self-approval, an approver outside the chain, a step out of order and a rejection without a comment.
 */
export function decideApproval(
  context: AppContext,
  actor: Actor,
  offerId: string,
  input: ApprovalDecisionInput,
  expectedVersion?: number,
): Promise<Result<OfferView, AppError>> {
  const request = {
    versionNumber: input.versionNumber,
    decision: input.decision,
    comment: input.comment ?? null,
    ...(input.step !== undefined && { stepKey: input.step }),
  };
  return changeOffer(
    context,
    actor,
    offerId,
    {
      action: input.decision === 'approve' ? 'opportunity.offer_approved' : 'opportunity.offer_rejected',
      side: 'approver',
      decide: ({ offer, offerDeal }, now) => decideStep(offer, offerDeal, request, actor.principal, now),
      audit: (before) => {
        const decided = before.versions.find((version) => version.number === input.versionNumber);
        const step = decided?.chain?.[decided.decisions.length];
        return { decidedVersion: input.versionNumber, step: step?.key ?? null, comment: request.comment };
      },
    },
    expectedVersion,
  );
}
