import type { Playbook, RenewalSettings } from '../playbook/playbook.js';
import type { Contract } from './contract.js';

/** The day `days` after (or, negative, before) the calendar day `day` ('YYYY-MM-DD'), in UTC. */
export function shiftDay(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * The last end date whose contract is due for renewal on `today`: a contract is due once
 * end_date − leadDays ≤ today, i.e. end_date ≤ today + leadDays.
 */
export const renewalHorizon = (settings: RenewalSettings, today: string): string =>
  shiftDay(today, settings.leadDays);

/** What a renewal needs to know of the contract's account. */
export interface RenewalAccount {
  id: string;
  name: string;
  ownerId: string | null;
  /** The account's active CSM, if it has one. */
  csmId: string | null;
}

/**
 * Whether a contract is due for a renewal deal on `today`: a commit contract, not ended early, that has not
 * ended yet (today ≤ end) and ends within the lead days (end − leadDays ≤ today). Whether it was renewed
 * already is the database's to say (one renewal deal per contract).
 */
export function isRenewalDue(settings: RenewalSettings, contract: Contract, today: string): boolean {
  return (
    contract.kind === 'commit' &&
    !contract.endedOn &&
    today <= contract.endDate &&
    contract.endDate <= renewalHorizon(settings, today)
  );
}

/** The deal a due contract is renewed by: created like every deal, so its gate and class fit still apply. */
export interface RenewalDeal {
  accountId: string;
  name: string;
  type: string;
  amountMinor: number;
  currency: string;
  closeDate: string;
  /** Null when the account has neither a CSM nor an owner: nobody to own the renewal. */
  ownerId: string | null;
  source: string;
  renewsContractId: string;
}

/**
 * The renewal deal of `contract`: of the playbook's renewal type (in its pipeline's first stage, as every
 * created deal), owned by the account's CSM — else the account's owner —, for the contract's TCV in its
 * currency, closing on the day the contract ends, from the playbook's renewal source (else its first source).
 */
export function renewalDealFor(
  playbook: Playbook,
  settings: RenewalSettings,
  contract: Contract,
  account: RenewalAccount,
): RenewalDeal {
  const typeName =
    playbook.opportunityTypes.find((type) => type.key === settings.type)?.name ?? settings.type;
  const source = settings.source ?? playbook.leadSources[0]?.key ?? '';
  return {
    accountId: account.id,
    name: `${account.name} — ${typeName} of the contract ending ${contract.endDate}`.slice(0, 200),
    type: settings.type,
    amountMinor: contract.tcvMinor,
    currency: contract.currency,
    closeDate: contract.endDate,
    ownerId: account.csmId ?? account.ownerId,
    source,
    renewsContractId: contract.id,
  };
}
