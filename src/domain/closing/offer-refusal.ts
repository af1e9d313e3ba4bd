import { err } from '../result.js';

/**
 * Why an offer decision is refused, by kind: `input` (what was sent is wrong), `authority` (the person may not
 * do it), `state` (the offer or deal is not where the decision needs it). The app maps kinds to its error codes.
 */
export const OFFER_REFUSAL_KINDS = {
  no_offers_in_pipeline: 'state',
  deal_closed: 'state',
  stage_too_early: 'state',
  invalid_terms: 'input',
  offer_locked: 'state',
  offer_in_closing: 'state',
  no_change: 'state',
  not_a_draft: 'state',
  version_not_current: 'state',
  not_in_approval: 'state',
  step_out_of_order: 'state',
  step_already_decided: 'state',
  self_approval: 'authority',
  not_an_approver: 'authority',
  approver_already_decided: 'authority',
  comment_required: 'input',
  not_fully_approved: 'state',
  offer_expired: 'state',
  not_presented: 'state',
  unknown_option: 'input',
  contact_not_on_account: 'input',
  confirmation_out_of_range: 'input',
  another_offer_chosen: 'state',
  no_option_chosen: 'state',
  not_quote_issuer: 'authority',
  not_quoted: 'state',
  quote_not_latest: 'state',
  no_docusign_signer: 'state',
  no_buyer_aws_account: 'state',
  no_aws_admin: 'state',
  aws_offer_exists: 'state',
  aws_offer_not_created: 'state',
} as const satisfies Record<string, 'input' | 'authority' | 'state'>;
export type OfferRefusalCode = keyof typeof OFFER_REFUSAL_KINDS;

export interface TermsIssue {
  /** Dotted path in the terms: `options.1.termMonths`, `validUntil`. */
  path: string;
  message: string;
}

export interface OfferRefusal {
  code: OfferRefusalCode;
  /** What is wrong and what is missing, for a person. */
  message: string;
  /** `invalid_terms`: every problem at its field. */
  issues?: TermsIssue[];
}

export const refuse = (code: OfferRefusalCode, message: string, issues?: TermsIssue[]) =>
  err<OfferRefusal>(issues ? { code, message, issues } : { code, message });
