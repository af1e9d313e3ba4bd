import type { Schemas } from './schema-types';

/** The closing flow: offers, their versions and pricing options, and the approvals inbox. */
export type Offer = Schemas['Offer'];
export type OfferList = Schemas['OfferList'];
export type OfferVersion = Schemas['OfferVersion'];
export type PricingOption = Schemas['PricingOption'];
export type PendingApprovals = Schemas['PendingApprovals'];
export type PendingApproval = PendingApprovals['items'][number];
export type PendingApprovalCount = Schemas['PendingApprovalCount'];
export type Quote = Schemas['Quote'];
