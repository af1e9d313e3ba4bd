import { saveOffer } from '../../db/repositories/offers-repo.js';
import { draftOffer as decideDraft } from '../../domain/closing/draft-offer.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lockOpportunity } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { offerSummary } from './change-offer.js';
import { loadOfferDeal, requirePerson } from './offer-access.js';
import { offerError } from './offer-errors.js';
import type { OfferTermsInput } from './offer-inputs.js';
import { type OfferView, offerView } from './offer-view.js';

/**
 * Drafts a new offer on a deal the actor may edit (an AE on deals they own), from the stage the playbook names
 * on: version 1, a draft by the actor. Audited on the deal.
 */
export async function draftOffer(
  context: AppContext,
  actor: Actor,
  opportunityId: string,
  terms: OfferTermsInput,
): Promise<Result<OfferView, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOpportunity(trx, actor, opportunityId, 'edit', undefined);
    if (!locked.ok) return locked;
    const refusal = await requirePerson(trx, actor);
    if (refusal) return err(refusal);
    const deal = await loadOfferDeal(trx, locked.value);
    const now = context.now();
    const input = { offerId: context.newId('offer'), authorId: actor.id, terms };
    const drafted = decideDraft(context.playbook, deal, input, now);
    if (!drafted.ok) return err(offerError(drafted.error));
    await saveOffer(trx, drafted.value);
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: opportunityId,
      action: 'opportunity.offer_drafted',
      after: offerSummary(drafted.value),
    });
    const viewer = { principal: actor.principal, mayEditDeal: true };
    return ok(await offerView(trx, context, drafted.value, { deal: locked.value, offerDeal: deal }, viewer));
  });
}
