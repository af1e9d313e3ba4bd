import type { Kysely } from 'kysely';
import { findAccount, listContacts } from '../../db/repositories/accounts-repo.js';
import type { Database } from '../../db/schema.js';
import type { Account, ClosingRole, Contact } from '../../domain/account/account.js';
import { checkBuyerAwsAccount, checkClosingParty } from '../../domain/closing/closing-parties.js';
import type { OfferRefusal } from '../../domain/closing/offer-refusal.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import { offerError } from './offer-errors.js';

/** Who is on the closing path of a deal's account: the signer, the AWS admin and the buyer's AWS account. */
export interface ClosingParties {
  account: Account;
  signer: Result<Contact, OfferRefusal>;
  awsAdmin: Result<Contact, OfferRefusal>;
  buyerAwsAccount: Result<string, OfferRefusal>;
}

/** The deal's account and what the domain says of its closing parties (the view shows them, the use cases need them). */
export async function loadClosingParties(db: Kysely<Database>, deal: Opportunity): Promise<ClosingParties> {
  const account = await findAccount(db, deal.accountId);
  if (!account) throw new Error(`deal ${deal.id}: account ${deal.accountId} is gone`);
  const contacts = await listContacts(db, account.id);
  return {
    account,
    signer: checkClosingParty(account, contacts, 'docusign_signer'),
    awsAdmin: checkClosingParty(account, contacts, 'aws_admin'),
    buyerAwsAccount: checkBuyerAwsAccount(account),
  };
}

/** The deal's account and the contact of it holding `role`, or the refusal naming where to mark one (409). */
export async function closingParty(
  db: Kysely<Database>,
  deal: Opportunity,
  role: ClosingRole,
): Promise<Result<{ account: Account; contact: Contact }, AppError>> {
  const parties = await loadClosingParties(db, deal);
  const contact = role === 'docusign_signer' ? parties.signer : parties.awsAdmin;
  if (!contact.ok) return err(offerError(contact.error));
  return ok({ account: parties.account, contact: contact.value });
}
