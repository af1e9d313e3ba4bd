import type { Kysely } from 'kysely';
import { actorFor } from '../../src/app/access/actors.js';
import { chooseOfferOption } from '../../src/app/closing/choose-offer-option.js';
import { decideApproval } from '../../src/app/closing/decide-approval.js';
import { draftOffer } from '../../src/app/closing/draft-offer.js';
import { markOfferPresented } from '../../src/app/closing/mark-offer-presented.js';
import type { OfferTermsInput } from '../../src/app/closing/offer-inputs.js';
import type { OfferView } from '../../src/app/closing/offer-view.js';
import { submitOfferForApproval } from '../../src/app/closing/submit-offer-for-approval.js';
import { changeStage } from '../../src/app/opportunities/change-stage.js';
import type { Database } from '../../src/db/schema.js';
import type { Result } from '../../src/domain/result.js';
import { admin, buildAccount, buildContact, buildOpportunity, buildUser, testContext } from './factories.js';
import { OFFER_TERMS } from './offer-fixtures.js';

/** The domain tests' two-option offer in USD, as the use cases take it. */
export const TERMS: OfferTermsInput = OFFER_TERMS;

export function value<T>(result: Result<T, { code: string; message: string }>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a refused result, as `{ code, refusal }` (the app code and the domain's). */
export function refusalOf(result: Result<unknown, { code: string; refusal?: string }>) {
  return result.ok ? null : { code: result.error.code, refusal: result.error.refusal };
}

/**
 * The people around an EMEA deal at the playbook's offer stage: its AE (owner), the EMEA RVP (their manager),
 * a second EMEA RVP, the Americas RVP, VP Finance, another EMEA AE on the team; an account with a contact.
 */
export async function buildOfferOrg(db: Kysely<Database>, options: { stage?: string } = {}) {
  const { context, advanceDays, setNow } = testContext(db);
  const rvp = await buildUser(db, { role: 'rvp', region: 'emea', name: 'Rhea RVP' });
  const rvpColleague = await buildUser(db, { role: 'rvp', region: 'emea', name: 'Ravi RVP' });
  const rvpAbroad = await buildUser(db, { role: 'rvp', region: 'americas', name: 'Rosa RVP' });
  const finance = await buildUser(db, { role: 'vp_finance', region: null, name: 'Fin VP' });
  const ae = await buildUser(db, { role: 'ae', region: 'emea', managerId: rvp.id, name: 'Ada AE' });
  const teammate = await buildUser(db, { role: 'ae', region: 'emea', managerId: rvp.id, name: 'Ted AE' });
  const account = await buildAccount(db, { ownerId: ae.id });
  const contact = await buildContact(db, account.id);
  const otherAccount = await buildAccount(db, { ownerId: ae.id, name: 'Other Co' });
  const stranger = await buildContact(db, otherAccount.id, { name: 'Sam Stranger' });
  const deal = await buildOpportunity(context, { ownerId: ae.id, accountId: account.id });
  const stage = options.stage ?? 'propose';
  const moved = await changeStage(context, admin(), deal.id, {
    to: stage,
    override: { justification: 'Test setup' },
  });
  if (!moved.ok) throw new Error(moved.error.message);
  const as = {
    ae: actorFor(ae),
    rvp: actorFor(rvp),
    rvpColleague: actorFor(rvpColleague),
    rvpAbroad: actorFor(rvpAbroad),
    finance: actorFor(finance),
    teammate: actorFor(teammate),
  };
  const draft = async (terms: OfferTermsInput = TERMS): Promise<OfferView> =>
    value(await draftOffer(context, as.ae, deal.id, terms));
  return {
    context,
    advanceDays,
    setNow,
    users: { ae, rvp, rvpColleague, rvpAbroad, finance, teammate },
    as,
    deal,
    account,
    contact,
    stranger,
    draft,
  };
}

type OfferOrg = Awaited<ReturnType<typeof buildOfferOrg>>;

/**
 * An offer of the org's deal taken through the real use cases to the customer's choice: drafted by the AE,
 * approved by the EMEA RVP then VP Finance, presented a day later, `optionName` confirmed by the contact.
 */
export async function offerWithChoice(org: OfferOrg, optionName = 'Three years'): Promise<OfferView> {
  const { context, as } = org;
  const drafted = await org.draft();
  value(await submitOfferForApproval(context, as.ae, drafted.id, 1));
  const approve = { versionNumber: 1, decision: 'approve' as const, comment: null };
  value(await decideApproval(context, as.rvp, drafted.id, approve));
  value(await decideApproval(context, as.finance, drafted.id, approve));
  org.advanceDays(1);
  value(await markOfferPresented(context, as.ae, drafted.id, { versionNumber: 1 }));
  const confirmedAt = context.now().toISOString();
  const choice = { versionNumber: 1, optionName, contactId: org.contact.id, confirmedAt };
  return value(await chooseOfferOption(context, as.ae, drafted.id, choice));
}
