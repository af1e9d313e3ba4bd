import { type Contract, lastDayInForce } from '../contract/contract.js';

/** Converts an amount in minor units of `currency` to the company currency (src/domain/forecast/currency.ts). */
export type ConvertMinor = (minor: number, currency: string) => number;

/** A contract's annual recurring value in company-currency minor units: TCV over its term, per 365 days. */
export function annualValue(contract: Contract, convert: ConvertMinor): number {
  const days =
    (Date.parse(`${contract.endDate}T00:00:00Z`) - Date.parse(`${contract.startDate}T00:00:00Z`)) /
      86_400_000 +
    1;
  return (convert(contract.tcvMinor, contract.currency) * 365) / days;
}

/** A commit contract as retention reads it: its account, days in force and annual value (computed once). */
export interface RecurringContract {
  accountId: string;
  startDate: string;
  /** The last day in force (an early end counts). */
  lastDay: string;
  annualMinor: number;
}

/**
 * The commit contracts with their annual values, for measuring many days without recomputing them. A contract
 * another one renews counts through the day before its successor starts (`replaced`, see replacedUntil).
 */
export function recurringContracts(
  contracts: readonly Contract[],
  convert: ConvertMinor,
  replaced: ReadonlyMap<string, string> = new Map(),
): RecurringContract[] {
  return contracts
    .filter((contract) => contract.kind === 'commit')
    .map((contract) => {
      const inForce = lastDayInForce(contract);
      const until = replaced.get(contract.id);
      return {
        accountId: contract.accountId,
        startDate: contract.startDate,
        lastDay: until && until < inForce ? until : inForce,
        annualMinor: annualValue(contract, convert),
      };
    })
    .filter((contract) => contract.lastDay >= contract.startDate);
}

/** Each account's annual recurring value on `day`: the sum over its commit contracts in force that day. */
export function recurringByAccount(
  contracts: readonly RecurringContract[],
  day: string,
): Map<string, number> {
  const byAccount = new Map<string, number>();
  for (const contract of contracts) {
    if (contract.startDate > day || day > contract.lastDay) continue;
    byAccount.set(contract.accountId, (byAccount.get(contract.accountId) ?? 0) + contract.annualMinor);
  }
  return byAccount;
}

/** A sum of recurring value and how many accounts make it. */
export interface AccountsSum {
  minor: number;
  accounts: number;
}

export interface Retention {
  /** Recurring value on the first day of the accounts in force then (the cohort). */
  startingMinor: number;
  /** The cohort's recurring value on the last day, each account capped at its start (no expansion). */
  retainedMinor: number;
  /** The cohort's recurring value on the last day, expansion included (new accounts are not in it). */
  endingMinor: number;
  /** The cohort on the first day. */
  cohort: AccountsSum;
  /** Cohort accounts with nothing in force on the last day: their whole starting value. */
  churn: AccountsSum;
  /** Cohort accounts worth less on the last day than the first: the difference. */
  contraction: AccountsSum;
  /** Cohort accounts worth more on the last day than the first: the difference. */
  expansion: AccountsSum;
  /** Accounts in force on the last day but not the first: left out of both ratios. */
  newAccounts: AccountsSum;
  /** retained / starting; null when nothing was in force on the first day. */
  grr: number | null;
  /** ending / starting; null when nothing was in force on the first day. */
  nrr: number | null;
}

const add = (sum: AccountsSum, minor: number) => {
  sum.minor += minor;
  sum.accounts += 1;
};
const none = (): AccountsSum => ({ minor: 0, accounts: 0 });

/**
 * Gross and net revenue retention over [from, to] ('YYYY-MM-DD', inclusive) from the contracts
 * (docs/decisions/020-revenue.md): the cohort is the accounts with recurring value on `from`;
 * GRR = Σ min(end_a, start_a) / Σ start_a, NRR = Σ end_a / Σ start_a. So retained = starting − churn −
 * contraction, ending = retained + expansion.
 */
export function retention(
  contracts: readonly Contract[],
  from: string,
  to: string,
  convert: ConvertMinor,
): Retention {
  return retentionOf(recurringContracts(contracts, convert), from, to);
}

/** retention() over contracts already valued (many periods measured over the same contracts). */
export function retentionOf(contracts: readonly RecurringContract[], from: string, to: string): Retention {
  const start = recurringByAccount(contracts, from);
  const end = recurringByAccount(contracts, to);
  const cohort = none();
  const churn = none();
  const contraction = none();
  const expansion = none();
  const newAccounts = none();
  let retainedMinor = 0;
  let endingMinor = 0;
  for (const [accountId, atStart] of start) {
    const atEnd = end.get(accountId) ?? 0;
    add(cohort, atStart);
    retainedMinor += Math.min(atStart, atEnd);
    endingMinor += atEnd;
    if (atEnd === 0) add(churn, atStart);
    else if (atEnd < atStart) add(contraction, atStart - atEnd);
    else if (atEnd > atStart) add(expansion, atEnd - atStart);
  }
  for (const [accountId, atEnd] of end) if (!start.has(accountId)) add(newAccounts, atEnd);
  const startingMinor = cohort.minor;
  const ratio = (value: number) => (startingMinor > 0 ? value / startingMinor : null);
  return {
    startingMinor,
    retainedMinor,
    endingMinor,
    cohort,
    churn,
    contraction,
    expansion,
    newAccounts,
    grr: ratio(retainedMinor),
    nrr: ratio(endingMinor),
  };
}
