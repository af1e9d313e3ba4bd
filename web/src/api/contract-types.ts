import type { CustomerClassRule } from './playbook-types';

/** Contracts and customer classification as the API answers them (dates 'YYYY-MM-DD', instants ISO strings). */

/** A customer class key of the playbook in force (`customerClasses[].key`). */
export type CustomerClassKey = string;

export interface ContractTerms {
  id: string;
  startDate: string;
  endDate: string;
  tcvMinor: number;
  currency: string;
}

export interface Contract extends ContractTerms {
  accountId: string;
  kind: 'commit';
  opportunityId: string | null;
  createdBy: string;
  createdAt: string;
  version: number;
}

/** GET /accounts/{id}/contracts: latest-ending first. */
export interface ContractList {
  items: Array<Contract & { inForce: boolean }>;
}

/** POST /accounts/{id}/contracts. */
export interface ContractRecorded {
  contract: Contract;
  accountVersion: number;
}

/** The body of POST /accounts/{id}/contracts. */
export interface ContractInput {
  startDate: string;
  endDate: string;
  tcvMinor: number;
  currency: string;
  opportunityId?: string | null;
}

/** The account's class today, with the playbook's focus for it (GET /accounts/{id} `customer`). */
export interface CustomerStanding {
  customerClass: CustomerClassKey;
  /** What makes the account this class (the class's `when` in the playbook). */
  rule: CustomerClassRule;
  name: string;
  focus: string;
  activeContract: ContractTerms | null;
}

/** The type a renewal calls for by TCV uplift over the previous contract (inspection `customer.uplift`). */
export interface UpliftVerdict {
  /** null: cannot compare (no previous contract, another currency). */
  fits: boolean | null;
  upliftPct: number | null;
  /** The type key the uplift calls for (the type whose `renewsContract.uplift` side it is on). */
  expectedType: string | null;
  previousContract: Omit<ContractTerms, 'startDate'> | null;
  message: string;
}

/** The inspection's customer part: class, type fit and, for types told apart by uplift, the uplift verdict. */
export interface CustomerFit {
  fits: boolean;
  customerClass: CustomerClassKey;
  className: string;
  focus: string;
  allowedTypes: string[];
  /** A type that renews an ended contract fits until this day (the playbook's grace). */
  graceUntil: string | null;
  message: string;
  activeContract: ContractTerms | null;
  uplift: UpliftVerdict | null;
}
