export const CONTRACT_KINDS = ['commit'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** A signed contract with a customer: a commit over a date range for a total contract value (TCV). */
export interface Contract {
  id: string;
  accountId: string;
  kind: ContractKind;
  /** First and last day in force, 'YYYY-MM-DD' (both inclusive). */
  startDate: string;
  endDate: string;
  /** Total contract value in minor units of `currency`. */
  tcvMinor: number;
  currency: string;
  /** The won deal the contract came from, when it came from one. */
  opportunityId: string | null;
  createdBy: string;
  createdAt: Date;
  version: number;
  /** Ended before term by Finance: the last day in force ('YYYY-MM-DD') and why; null: runs to term. */
  endedOn: string | null;
  endedReason: string | null;
}

/** The UTC calendar day of an instant, as 'YYYY-MM-DD' (the form contract dates compare in). */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The last day a contract is in force: the day Finance ended it, else its end date. */
export const lastDayInForce = (contract: Contract): string => contract.endedOn ?? contract.endDate;

/** Whether a contract is in force on `today` ('YYYY-MM-DD'): start ≤ today ≤ its last day in force. */
export const isInForce = (contract: Contract, today: string): boolean =>
  contract.startDate <= today && today <= lastDayInForce(contract);

/** Latest end first; on a tie the later start, then the later id (a stable order). */
const latestEndingFirst = (a: Contract, b: Contract) =>
  b.endDate.localeCompare(a.endDate) || b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id);

/** The commit contract in force on `today` that runs longest, or null: what makes a Commit Customer. */
export function activeCommitContract(contracts: readonly Contract[], today: string): Contract | null {
  return (
    contracts
      .filter((contract) => contract.kind === 'commit' && isInForce(contract, today))
      .sort(latestEndingFirst)[0] ?? null
  );
}

/**
 * The contract a Renewal or Expansion renews: the account's latest-ending commit contract that had started
 * by the day the deal was opened (`openedAt`), leaving out the one recorded from the deal itself (a won
 * renewal is not measured against its own contract, nor an open one against one that starts after it).
 */
export function previousCommitContract(
  contracts: readonly Contract[],
  opportunityId: string | null = null,
  openedAt: Date | null = null,
): Contract | null {
  return (
    contracts
      .filter((contract) => contract.kind === 'commit')
      .filter((contract) => opportunityId === null || contract.opportunityId !== opportunityId)
      .filter((contract) => openedAt === null || contract.startDate <= dayOf(openedAt))
      .sort(latestEndingFirst)[0] ?? null
  );
}

/** Contracts as an account page lists them: latest-ending first. */
export const sortContracts = (contracts: readonly Contract[]): Contract[] =>
  [...contracts].sort(latestEndingFirst);
