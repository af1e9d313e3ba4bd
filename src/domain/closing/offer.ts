import type { Role } from '../access/roles.js';
import type { ApproverScope, PaymentSchedule } from '../playbook/closing-settings.js';
import type { ClosingEvidence } from './closing-evidence.js';

/**
 * An offer on a deal and its versions (decision 013). A version moves
 * draft → in_approval (step k of n) → approved → presented → option_chosen → quoted → sent_for_signature → signed,
 * and in parallel its AWS private offer none → created → released → accepted. A version is immutable once
 * submitted: any edit makes a new draft version and the old one is `superseded` (its approvals void with it); a
 * rejection makes the version `rejected` and a new draft version with the same terms. The last version is the
 * offer's current one; every earlier version is `superseded` or `rejected`.
 */
export const OFFER_STATUSES = [
  'draft',
  'in_approval',
  'approved',
  'presented',
  'option_chosen',
  'quoted',
  'sent_for_signature',
  'signed',
  'rejected',
  'superseded',
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const AWS_OFFER_STATUSES = ['none', 'created', 'released', 'accepted'] as const;
export type AwsOfferStatus = (typeof AWS_OFFER_STATUSES)[number];

/** A pricing option as the AE gives it. Money in integer minor units of the offer's currency. */
export interface PricingOptionTerms {
  /** Unique within the version (case-insensitively); the customer's choice names it. */
  name: string;
  termMonths: number;
  pricePerYearMinor: number;
  listPricePerYearMinor: number;
  paymentSchedule: PaymentSchedule;
}

/** A pricing option with what follows from it: TCV = price per year × term in years, discount against list. */
export interface PricingOption extends PricingOptionTerms {
  tcvMinor: number;
  /** (list − price) / list in basis points (1 500 = 15%); negative for a price above list. */
  discountBasisPoints: number;
}

/** What an edit gives: everything a version says to the customer. */
export interface OfferTerms {
  currency: string;
  /** The last day the offer holds (YYYY-MM-DD, UTC). */
  validUntil: string;
  notes: string | null;
  options: PricingOptionTerms[];
}

/** A step of the chain as it was resolved for one version when it was submitted (a later playbook does not move it). */
export interface ResolvedStep {
  key: string;
  name: string;
  role: Role;
  scope: ApproverScope;
  /** The deal's region when the step is `deal_region`-scoped (null: the deal's owner has no region). */
  region: string | null;
  /** Why the step applies: "every offer", or the threshold an option is above. */
  appliesBecause: string;
}

export interface ApprovalDecision {
  stepKey: string;
  /** 0-based position in the version's chain. */
  stepIndex: number;
  decision: 'approved' | 'rejected';
  decidedBy: string;
  decidedRole: Role;
  decidedAt: Date;
  comment: string | null;
}

/** The option the customer chose, the contact who confirmed it, when, and who recorded it. */
export interface ChosenOption {
  optionName: string;
  confirmedByContactId: string;
  confirmedAt: Date;
  recordedBy: string;
  recordedAt: Date;
}

export interface OfferVersion {
  number: number;
  status: OfferStatus;
  awsOfferStatus: AwsOfferStatus;
  currency: string;
  validUntil: string;
  notes: string | null;
  options: PricingOption[];
  /** The version this one was made from (an edit or a rejection), null for the first. */
  basedOn: number | null;
  /** How the version came to be. */
  origin: 'drafted' | 'revised' | 'rejected';
  /** The author: the person whose offer this version is (self-approval is judged against them). */
  createdBy: string;
  createdAt: Date;
  /** Resolved at submission; null while a draft. */
  chain: ResolvedStep[] | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  decisions: ApprovalDecision[];
  presentedBy: string | null;
  presentedAt: Date | null;
  chosen: ChosenOption | null;
  /** The envelope and the AWS private offer of this version, and what their vendors reported. */
  evidence: ClosingEvidence;
}

export interface Offer {
  id: string;
  opportunityId: string;
  createdBy: string;
  createdAt: Date;
  /** Optimistic concurrency: bumped by every change to the offer or its versions. */
  version: number;
  updatedAt: Date;
  /** Oldest first; never empty. The last one is the current version. */
  versions: OfferVersion[];
}

/** The facts of the deal that offer decisions read. */
export interface OfferDeal {
  id: string;
  pipeline: string;
  stage: string;
  ownerId: string;
  /** The region of the deal's owner: the region whose RVP approves. */
  region: string | null;
  open: boolean;
}

export function currentVersion(offer: Offer): OfferVersion {
  const last = offer.versions[offer.versions.length - 1];
  if (!last) throw new Error(`offer ${offer.id} has no version`);
  return last;
}
