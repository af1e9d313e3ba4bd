import type { ClosingRole, Contact } from './account.js';

const ROLE_NAMES = {
  docusign_signer: 'the DocuSign signer',
  aws_admin: 'the AWS admin',
} as const satisfies Record<ClosingRole, string>;

/**
 * Clear signer identification (the spec's closing factor): per account at most one DocuSign signer and one
 * AWS admin, and never the same person — the one who signs the quote is not the one who accepts the private
 * offer. What is wrong with giving `contactId` these roles among the account's other contacts, or null.
 */
export function closingRolesProblem(
  contactId: string,
  roles: readonly ClosingRole[],
  accountContacts: readonly Pick<Contact, 'id' | 'name' | 'closingRoles'>[],
): string | null {
  if (roles.includes('docusign_signer') && roles.includes('aws_admin'))
    return 'the DocuSign signer and the AWS admin must be two different contacts';
  for (const role of roles) {
    const holder = accountContacts.find(
      (other) => other.id !== contactId && other.closingRoles.includes(role),
    );
    if (holder)
      return `${holder.name} (${holder.id}) is already ${ROLE_NAMES[role]} of this account; take the role from them first`;
  }
  return null;
}
