import type { Kysely } from 'kysely';
import { findAccount, listContacts } from '../../db/repositories/accounts-repo.js';
import type { Database } from '../../db/schema.js';
import type { Account, ClosingRole, Contact } from '../../domain/account/account.js';
import type { OfferRefusalCode } from '../../domain/closing/offer-refusal.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';

const LABEL: Record<ClosingRole, string> = { docusign_signer: 'DocuSign signer', aws_admin: 'AWS admin' };
const REFUSAL: Record<ClosingRole, OfferRefusalCode> = {
  docusign_signer: 'no_docusign_signer',
  aws_admin: 'no_aws_admin',
};

/** The deal's account and the contact of it holding `role`, or a refusal naming where to mark one (409). */
export async function closingParty(
  db: Kysely<Database>,
  deal: Opportunity,
  role: ClosingRole,
): Promise<Result<{ account: Account; contact: Contact }, AppError>> {
  const account = await findAccount(db, deal.accountId);
  if (!account) throw new Error(`deal ${deal.id}: account ${deal.accountId} is gone`);
  const contact = (await listContacts(db, account.id)).find((each) => each.closingRoles.includes(role));
  const where = `mark one of its contacts as the ${LABEL[role]} (closingRoles: ["${role}"] on PATCH /api/v1/contacts/{id}, or the contact's closing role on the account page)`;
  if (!contact)
    return err({
      code: 'conflict',
      refusal: REFUSAL[role],
      message: `${account.name} has no ${LABEL[role]}: ${where}.`,
    });
  if (!contact.email)
    return err({
      code: 'conflict',
      refusal: REFUSAL[role],
      message: `${contact.name}, the ${LABEL[role]} of ${account.name}, has no email address: add one to the contact.`,
    });
  return ok({ account, contact });
}
