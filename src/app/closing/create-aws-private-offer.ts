import { saveOffer } from '../../db/repositories/offers-repo.js';
import { checkAwsOfferCreatable, withAwsOffer } from '../../domain/closing/aws-offer.js';
import { checkBuyerAwsAccount } from '../../domain/closing/closing-parties.js';
import { dayOf } from '../../domain/closing/draft-offer.js';
import { installmentsFor } from '../../domain/closing/payment-installments.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { privateOffersOf } from '../integrations/closing-ports.js';
import { integrationAppError } from '../integrations/integration-error.js';
import { recordEvent } from '../shared/record-event.js';
import { offerSummary } from './change-offer.js';
import { closingParty } from './closing-parties.js';
import { lockOfferForApprover } from './offer-access.js';
import { offerError } from './offer-errors.js';

export interface AwsOfferStep {
  awsOfferStatus: 'created' | 'released';
  changeSetId: string;
  marketplaceOfferId: string | null;
  offerVersion: number;
}

/** The Marketplace offer a change set made, if AWS names it already (the change set may still be applying). */
export async function marketplaceOfferOf(context: AppContext, changeSetId: string): Promise<string | null> {
  const described = await privateOffersOf(context).describeChangeSet(changeSetId);
  return described.ok ? described.value.offerId : null;
}

/**
 * Finance creates the AWS Marketplace private offer of the current version's chosen option for the buyer's
 * AWS account (on the account) and its AWS admin (a contact other than the DocuSign signer): lock, decide
 * (domain), the parties (409 naming what to record), StartChangeSet through the port (503 not configured),
 * then the change set and offer ids on the version (`created`), audited with its outbox row, in one transaction.
 */
export function createAwsPrivateOffer(
  context: AppContext,
  actor: Actor,
  offerId: string,
  expectedVersion?: number,
): Promise<Result<AwsOfferStep, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOfferForApprover(trx, actor, offerId, expectedVersion);
    if (!locked.ok) return locked;
    const { offer, deal, offerDeal } = locked.value;
    const creatable = checkAwsOfferCreatable(offer, offerDeal, actor.principal);
    if (!creatable.ok) return err(offerError(creatable.error));
    const { version, option } = creatable.value;
    const party = await closingParty(trx, deal, 'aws_admin');
    if (!party.ok) return party;
    const { account, contact } = party.value;
    const buyer = checkBuyerAwsAccount(account);
    if (!buyer.ok) return err(offerError(buyer.error));
    const buyerAwsAccountId = buyer.value;
    const now = context.now();
    const tcvMinor = BigInt(option.tcvMinor);
    const started = await privateOffersOf(context).createPrivateOffer({
      requestKey: `${offer.id}/${version.number}`,
      name: `${deal.name}: ${option.name}`,
      description: `${option.name}, ${option.termMonths} months (offer version ${version.number})`,
      buyerAwsAccountId,
      currency: version.currency,
      tcvMinor,
      termMonths: option.termMonths,
      installments: installmentsFor({
        tcvMinor,
        termMonths: option.termMonths,
        schedule: option.paymentSchedule,
        startDate: dayOf(now),
      }),
      acceptBy: version.validUntil,
    });
    if (!started.ok) return err(integrationAppError(started.error));
    const { changeSetId } = started.value;
    const marketplaceOfferId = await marketplaceOfferOf(context, changeSetId);
    const awsOffer = {
      buyerAwsAccountId,
      adminContactId: contact.id,
      createChangeSetId: changeSetId,
      marketplaceOfferId,
      createdBy: actor.id,
      createdAt: now.toISOString(),
      releaseChangeSetId: null,
      releasedAt: null,
      agreementId: null,
      agreementStart: null,
      acceptedAt: null,
      agreementEndedAt: null,
    };
    const next = withAwsOffer(offer, version, awsOffer, 'created', now);
    await saveOffer(trx, next, offer);
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: deal.id,
      action: 'opportunity.aws_offer_created',
      before: offerSummary(offer),
      after: {
        ...offerSummary(next),
        changeSetId,
        marketplaceOfferId,
        buyerAwsAccountId,
      },
    });
    return ok({ awsOfferStatus: 'created', changeSetId, marketplaceOfferId, offerVersion: next.version });
  });
}
