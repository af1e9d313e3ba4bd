import { activeCommitContract, type Contract } from '../contract/contract.js';
import type { CustomerClassRule, Playbook } from '../playbook/playbook.js';

/** A customer class's key, as the playbook lists them (`customerClasses`). */
export type CustomerClassKey = string;

export interface CustomerFacts {
  /** The account has a commit contract in force today. */
  hasActiveCommitContract: boolean;
  /** The account uses the self-serve product. */
  selfServeUsage: boolean;
}

/** The rule that holds for these facts, first match in the playbook's order of precedence. */
function ruleOf(playbook: Playbook, facts: CustomerFacts): CustomerClassRule {
  const has = (rule: CustomerClassRule) => playbook.customerClasses.some((klass) => klass.when === rule);
  if (facts.hasActiveCommitContract && has('contract_in_force')) return 'contract_in_force';
  if (facts.selfServeUsage && has('self_serve_usage')) return 'self_serve_usage';
  return 'otherwise';
}

/**
 * The account's class by the playbook's rules: the class made by a contract in force if one is, else the
 * self-serve class if the account uses the product, else the `otherwise` class (the seed: Commit Customer,
 * PLG Customer, New Prospect). A rule no class claims is skipped.
 */
export function classifyCustomer(playbook: Playbook, facts: CustomerFacts): CustomerClassKey {
  const rule = ruleOf(playbook, facts);
  const klass = playbook.customerClasses.find((candidate) => candidate.when === rule);
  // The playbook check guarantees an `otherwise` class.
  return klass?.key ?? playbook.customerClasses[0]?.key ?? rule;
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
  /** What makes the account that class. */
  rule: CustomerClassRule;
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
  const customerClass = classifyCustomer(playbook, customerFactsOf(account, contracts, today));
  const klass = playbook.customerClasses.find((candidate) => candidate.key === customerClass);
  return {
    customerClass,
    rule: klass?.when ?? 'otherwise',
    name: klass?.name ?? customerClass,
    focus: klass?.focus ?? '',
    activeContract: activeCommitContract(contracts, today),
  };
}
