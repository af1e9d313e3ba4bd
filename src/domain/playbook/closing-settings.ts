import type { Role } from '../access/roles.js';

/** The closing part of a playbook: where offers are drafted, how options may be paid, who approves them. */

/** How a pricing option is invoiced over its term. */
export const PAYMENT_SCHEDULES = ['upfront', 'annual', 'semiannual', 'quarterly', 'monthly'] as const;
export type PaymentSchedule = (typeof PAYMENT_SCHEDULES)[number];

/**
 * Which holders of the step's role may act on it: `deal_region` — only one whose region is the deal's (the
 * region of the deal's owner: "the RVP of the deal's region"); `any` — any active holder of the role.
 */
export const APPROVER_SCOPES = ['deal_region', 'any'] as const;
export type ApproverScope = (typeof APPROVER_SCOPES)[number];

/**
 * A step with thresholds applies to an offer when ANY of its options is above ANY threshold given: every
 * option may be the one the customer chooses, so the approval must cover the most generous of them.
 */
export interface ApprovalThreshold {
  /** Discount against list above this percent (e.g. 20 = more than 20% off). */
  discountPercentAbove?: number;
  /**
   * TCV above this, in minor units of the playbook's `defaultCurrency`. An offer in another currency cannot be
   * compared (no rate is applied here), so the step applies to it.
   */
  tcvAboveMinor?: number;
}

export interface ApprovalStepTemplate {
  key: string;
  name: string;
  role: Role;
  scope: ApproverScope;
  /** Absent: the step applies to every offer. */
  when?: ApprovalThreshold;
}

export interface ClosingSettings {
  /**
   * Per pipeline key, the first stage at which an offer may be drafted (and every open stage after it).
   * A pipeline not named here makes no offers.
   */
  offersFrom: Record<string, string>;
  /** The payment schedules an option may have, in the order screens offer them. */
  paymentSchedules: PaymentSchedule[];
  /** The internal approval chain, in order; at least one step applies to every offer. */
  approvals: ApprovalStepTemplate[];
}
