import type { Playbook } from '../playbook/playbook.js';

export type CustomerClassKey = 'new_prospect' | 'plg' | 'commit_customer';

export interface CustomerFacts {
  /** The account has a commit contract in force today. */
  hasActiveCommitContract: boolean;
  /** The account uses the self-serve product. */
  selfServeUsage: boolean;
}

/** Commit customer = an active commit contract; PLG = self-serve usage and no commit contract; else new prospect. */
export function classifyCustomer(facts: CustomerFacts): CustomerClassKey {
  if (facts.hasActiveCommitContract) return 'commit_customer';
  return facts.selfServeUsage ? 'plg' : 'new_prospect';
}

export interface TypeFit {
  fits: boolean;
  customerClass: CustomerClassKey;
  /** The seed's focus guidance for the class. */
  focus: string;
  message: string;
}

/** Whether an opportunity type suits the account's class (New Business: prospects and PLG; the rest: commit customers). */
export function checkTypeForCustomer(playbook: Playbook, typeKey: string, facts: CustomerFacts): TypeFit {
  const customerClass = classifyCustomer(facts);
  const type = playbook.opportunityTypes.find((candidate) => candidate.key === typeKey);
  const klass = playbook.customerClasses.find((candidate) => candidate.key === customerClass);
  const fits = type?.customerClasses.includes(customerClass) ?? false;
  const allowed = (type?.customerClasses ?? [])
    .map((key) => playbook.customerClasses.find((candidate) => candidate.key === key)?.name ?? key)
    .join(' or ');
  const message = fits
    ? `${type?.name ?? typeKey} suits a ${klass?.name ?? customerClass}.`
    : `${type?.name ?? typeKey} is for a ${allowed}; this account is a ${klass?.name ?? customerClass}.`;
  return { fits, customerClass, focus: klass?.focus ?? '', message };
}
