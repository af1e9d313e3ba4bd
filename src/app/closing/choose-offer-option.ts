import { findContact } from '../../db/repositories/accounts-repo.js';
import { findOtherChosenOffer } from '../../db/repositories/offers-repo.js';
import { currentVersion } from '../../domain/closing/offer.js';
import { chooseOfferOption as decideChoice } from '../../domain/closing/present-offer.js';
import type { Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { changeOffer } from './change-offer.js';
import type { ChooseOptionInput } from './offer-inputs.js';
import type { OfferView } from './offer-view.js';

/** Records the option the customer chose on the presented version, the contact who confirmed it and when. */
export function chooseOfferOption(
  context: AppContext,
  actor: Actor,
  offerId: string,
  input: ChooseOptionInput,
  expectedVersion?: number,
): Promise<Result<OfferView, AppError>> {
  const choice = {
    versionNumber: input.versionNumber,
    optionName: input.optionName,
    contactId: input.contactId,
    confirmedAt: new Date(input.confirmedAt),
  };
  return changeOffer(
    context,
    actor,
    offerId,
    {
      action: 'opportunity.offer_option_chosen',
      side: 'deal',
      decide: async ({ offer, deal, offerDeal }, now, trx) => {
        const contact = await findContact(trx, choice.contactId);
        const facts = {
          accountContactIds: new Set(contact?.accountId === deal.accountId ? [contact.id] : []),
          otherChosenOfferId: await findOtherChosenOffer(trx, deal.id, offer.id),
        };
        return decideChoice(offer, offerDeal, choice, facts, actor.id, now);
      },
      audit: (_, after) => {
        const chosen = currentVersion(after).chosen;
        return {
          option: chosen?.optionName,
          contactId: chosen?.confirmedByContactId,
          confirmedAt: chosen?.confirmedAt,
        };
      },
    },
    expectedVersion,
  );
}
