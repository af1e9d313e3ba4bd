import type { Account, ClosingRole, Contact } from '../account/account.js';
import { ok, type Result } from '../result.js';
import { type OfferRefusal, refuse } from './offer-refusal.js';

/** How the screens and refusals name each closing role of a contact. */
export const CLOSING_ROLE_LABEL: Record<ClosingRole, string> = {
  docusign_signer: 'DocuSign signer',
  aws_admin: 'AWS admin',
};

const REFUSAL = { docusign_signer: 'no_docusign_signer', aws_admin: 'no_aws_admin' } as const;

/**
 * The account's contact holding `role` (who signs the quote, who accepts the private offer), with an email
 * address to reach them; else a refusal naming where to record one. The send and create use cases and the
 * offer's permissions all ask this.
 */
export function checkClosingParty(
  account: Pick<Account, 'name'>,
  contacts: readonly Contact[],
  role: ClosingRole,
): Result<Contact, OfferRefusal> {
  const label = CLOSING_ROLE_LABEL[role];
  const contact = contacts.find((each) => each.closingRoles.includes(role));
  if (!contact)
    return refuse(
      REFUSAL[role],
      `${account.name} has no ${label}: mark one of its contacts as the ${label} (closingRoles: ["${role}"] on ` +
        "PATCH /api/v1/contacts/{id}, or the contact's closing role on the account page).",
    );
  if (!contact.email)
    return refuse(
      REFUSAL[role],
      `${contact.name}, the ${label} of ${account.name}, has no email address: add one to the contact.`,
    );
  return ok(contact);
}

/** The buyer's AWS account the private offer is targeted at, or a refusal naming where to record it. */
export function checkBuyerAwsAccount(
  account: Pick<Account, 'name' | 'awsAccountId'>,
): Result<string, OfferRefusal> {
  if (account.awsAccountId) return ok(account.awsAccountId);
  return refuse(
    'no_buyer_aws_account',
    `${account.name} has no AWS account id: record the buyer's 12-digit account (awsAccountId on ` +
      'PATCH /api/v1/accounts/{id}, or "Buyer\'s AWS account id" on the account page).',
  );
}
