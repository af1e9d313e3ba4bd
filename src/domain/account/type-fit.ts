import { activeCommitContract, type Contract, previousCommitContract } from '../contract/contract.js';
import type { OpportunityType, Playbook } from '../playbook/playbook.js';
import { type CustomerClassKey, classifyCustomer } from './customer-class.js';

/** What a type fit is judged on: the account's self-serve usage and its recorded contracts. */
export interface CustomerRecord {
  selfServeUsage: boolean;
  contracts: readonly Contract[];
}

/** Whether a deal type suits the account's customer class, and why, with the types that do. */
export interface TypeFit {
  fits: boolean;
  /** The account's class today. */
  customerClass: CustomerClassKey;
  /** The class's name and the seed's focus guidance for it. */
  className: string;
  focus: string;
  /** The types of the playbook that fit this account today (keys, playbook order). */
  allowedTypes: string[];
  /**
   * A type that renews a contract keeps fitting for the playbook's grace period after that contract ended:
   * the last day it still fits, when the fit rests on the grace.
   */
  graceUntil: string | null;
  message: string;
}

const DAY = 86_400_000;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function className(playbook: Playbook, key: string) {
  return playbook.customerClasses.find((candidate) => candidate.key === key)?.name ?? key;
}

const withArticle = (name: string) => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;

/** The class a type is judged against: today's, or the contract class while a renewed contract is in grace. */
function judgedClass(
  playbook: Playbook,
  type: OpportunityType | undefined,
  customer: CustomerRecord,
  today: string,
  opportunityId: string | null,
): { customerClass: CustomerClassKey; graceUntil: string | null } {
  const hasActiveCommitContract = activeCommitContract(customer.contracts, today) !== null;
  const customerClass = classifyCustomer(playbook, {
    hasActiveCommitContract,
    selfServeUsage: customer.selfServeUsage,
  });
  const graceDays = type?.renewsContract?.graceDays;
  if (hasActiveCommitContract || graceDays === undefined) return { customerClass, graceUntil: null };
  const renewed = previousCommitContract(customer.contracts, opportunityId);
  if (!renewed || renewed.endDate >= today) return { customerClass, graceUntil: null };
  const graceUntil = addDays(renewed.endDate, graceDays);
  if (today > graceUntil) return { customerClass, graceUntil: null };
  return {
    customerClass: classifyCustomer(playbook, {
      hasActiveCommitContract: true,
      selfServeUsage: customer.selfServeUsage,
    }),
    graceUntil,
  };
}

function fitsType(
  playbook: Playbook,
  type: OpportunityType,
  customer: CustomerRecord,
  today: string,
  opportunityId: string | null,
) {
  return type.customerClasses.includes(
    judgedClass(playbook, type, customer, today, opportunityId).customerClass,
  );
}

/**
 * Judges a deal type against the account: each type lists the customer classes it is for (the seed: New
 * Business for prospects and PLG; Upsell, Renewal, Expansion for commit customers). A type that renews a contract still fits
 * during its grace period after the contract it renews (the account's latest-ending commit contract, not the
 * one booked from this deal) has ended. Pure; `today` is 'YYYY-MM-DD'.
 */
export function judgeTypeFit(
  playbook: Playbook,
  typeKey: string,
  customer: CustomerRecord,
  today: string,
  opportunityId: string | null = null,
): TypeFit {
  const type = playbook.opportunityTypes.find((candidate) => candidate.key === typeKey);
  const { customerClass, graceUntil } = judgedClass(playbook, type, customer, today, opportunityId);
  const classToday = classifyCustomer(playbook, {
    hasActiveCommitContract: activeCommitContract(customer.contracts, today) !== null,
    selfServeUsage: customer.selfServeUsage,
  });
  const allowedTypes = playbook.opportunityTypes
    .filter((candidate) => fitsType(playbook, candidate, customer, today, opportunityId))
    .map((candidate) => candidate.key);
  const fits = type?.customerClasses.includes(customerClass) ?? false;
  const typeName = type?.name ?? typeKey;
  const name = className(playbook, classToday);
  const focus = playbook.customerClasses.find((candidate) => candidate.key === classToday)?.focus ?? '';
  const allowedNames = allowedTypes.map(
    (key) => playbook.opportunityTypes.find((candidate) => candidate.key === key)?.name ?? key,
  );
  const forClasses = (type?.customerClasses ?? []).map((key) => className(playbook, key)).join(' or ');
  const message = fits
    ? graceUntil
      ? `${typeName} still fits: the contract it renews has ended, and the ${type?.renewsContract?.graceDays}-day grace runs until ${graceUntil}.`
      : `${typeName} suits ${withArticle(name)}.`
    : `${typeName} is for ${withArticle(forClasses || 'no class')}; this account is ${withArticle(name)}${
        allowedNames.length > 0 ? `, for which the playbook has ${allowedNames.join(', ')}` : ''
      }.`;
  return {
    fits,
    customerClass: classToday,
    className: name,
    focus,
    allowedTypes,
    graceUntil: fits ? graceUntil : null,
    message,
  };
}
