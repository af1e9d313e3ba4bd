import { saveOffer } from '../../db/repositories/offers-repo.js';
import { checkAwsOfferReleasable, withAwsOffer } from '../../domain/closing/aws-offer.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { privateOffersOf } from '../integrations/closing-ports.js';
import { integrationAppError } from '../integrations/integration-error.js';
import { recordEvent } from '../shared/record-event.js';
import { offerSummary } from './change-offer.js';
import { type AwsOfferStep, marketplaceOfferOf } from './create-aws-private-offer.js';
import { lockOfferForApprover } from './offer-access.js';
import { offerError } from './offer-errors.js';

/**
 * Finance releases the created private offer to the buyer: the Marketplace offer id (asked of AWS again when
 * the create change set had not named it yet: 409 while it applies), StartChangeSet (release) through the
 * port, the version's private offer `released`, audited with its outbox row — one transaction.
 */
export function releaseAwsPrivateOffer(
  context: AppContext,
  actor: Actor,
  offerId: string,
  expectedVersion?: number,
): Promise<Result<AwsOfferStep, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOfferForApprover(trx, actor, offerId, expectedVersion);
    if (!locked.ok) return locked;
    const { offer, deal, offerDeal } = locked.value;
    const releasable = checkAwsOfferReleasable(offer, offerDeal, actor.principal);
    if (!releasable.ok) return err(offerError(releasable.error));
    const { version, awsOffer } = releasable.value;
    const marketplaceOfferId =
      awsOffer.marketplaceOfferId ?? (await marketplaceOfferOf(context, awsOffer.createChangeSetId));
    if (!marketplaceOfferId)
      return err({
        code: 'conflict',
        refusal: 'aws_offer_not_created',
        message: `AWS is still applying change set ${awsOffer.createChangeSetId}: release the offer once it is created.`,
      });
    const started = await privateOffersOf(context).releasePrivateOffer({
      requestKey: `${offer.id}/${version.number}`,
      offerId: marketplaceOfferId,
    });
    if (!started.ok) return err(integrationAppError(started.error));
    const now = context.now();
    const { changeSetId } = started.value;
    const released = {
      ...awsOffer,
      marketplaceOfferId,
      releaseChangeSetId: changeSetId,
      releasedAt: now.toISOString(),
    };
    const next = withAwsOffer(offer, version, released, 'released', now);
    await saveOffer(trx, next, offer);
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: deal.id,
      action: 'opportunity.aws_offer_released',
      before: offerSummary(offer),
      after: { ...offerSummary(next), changeSetId, marketplaceOfferId },
    });
    return ok({ awsOfferStatus: 'released', changeSetId, marketplaceOfferId, offerVersion: next.version });
  });
}
