import { type Contract, lastDayInForce } from '../contract/contract.js';
import { shiftDay } from '../contract/renewals-due.js';

/** The deal a contract was recorded from, as far as renewing goes. */
export interface WonFrom {
  type: string;
  openedAt: Date;
  /** The contract the deal was opened to renew (renewals the job created); null for deals opened by hand. */
  renewsContractId: string | null;
}

/** A commit contract with the deal it was won from, if any. */
export type RevenueContract = Contract & { wonFrom?: WonFrom | null };

/**
 * A contract won by a deal whose type renews one (a Renewal, an Expansion) replaces, from its first day, the
 * contract it was opened to renew — or, for a deal opened by hand, every other commit contract of the account
 * in force the day before it starts (co-termed contracts fold into the renewal). A replaced contract counts
 * through the day before; never both at once. Answers each replaced contract's last counted day.
 */
export function replacedUntil(
  contracts: readonly RevenueContract[],
  renewsContract: (type: string) => boolean,
): Map<string, string> {
  const until = new Map<string, string>();
  const replace = (id: string, day: string) => {
    const earlier = until.get(id);
    until.set(id, earlier && earlier < day ? earlier : day);
  };
  for (const contract of contracts) {
    const won = contract.wonFrom;
    if (!won || !renewsContract(won.type)) continue;
    const dayBefore = shiftDay(contract.startDate, -1);
    if (won.renewsContractId) {
      replace(won.renewsContractId, dayBefore);
      continue;
    }
    for (const other of contracts) {
      const inForce = other.startDate <= dayBefore && dayBefore <= lastDayInForce(other);
      if (other.id !== contract.id && other.accountId === contract.accountId && inForce)
        replace(other.id, dayBefore);
    }
  }
  return until;
}
