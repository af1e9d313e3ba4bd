import { activeCommitContract, type Contract } from '../contract/contract.js';
import type { Playbook } from '../playbook/playbook.js';

export const CUSTOMER_CLASSES = ['new_prospect', 'plg', 'commit_customer'] as const;
export type CustomerClassKey = (typeof CUSTOMER_CLASSES)[number];

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

/** The facts of an account's class from its recorded contracts and self-serve usage, on `today` ('YYYY-MM-DD'). */
export function customerFactsOf(
  account: { selfServeUsage: boolean },
  contracts: readonly Contract[],
  today: string,
): CustomerFacts {
  return {
    hasActiveCommitContract: activeCommitContract(contracts, today) !== null,
    selfServeUsage: account.selfServeUsage,
  };
}

export interface CustomerStanding {
  customerClass: CustomerClassKey;
  /** The class's name and the seed's focus guidance for it. */
  name: string;
  focus: string;
  /** The commit contract in force today (the longest-running one), if any. */
  activeContract: Contract | null;
}

/** An account's class today with the playbook's name and focus for it, and the contract that makes it. */
export function describeCustomer(
  playbook: Playbook,
  account: { selfServeUsage: boolean },
  contracts: readonly Contract[],
  today: string,
): CustomerStanding {
  const customerClass = classifyCustomer(customerFactsOf(account, contracts, today));
  const klass = playbook.customerClasses.find((candidate) => candidate.key === customerClass);
  return {
    customerClass,
    name: klass?.name ?? customerClass,
    focus: klass?.focus ?? '',
    activeContract: activeCommitContract(contracts, today),
  };
}
