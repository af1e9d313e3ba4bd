/** An AWS account id: exactly 12 digits, kept as text (leading zeros are part of it). */
export const AWS_ACCOUNT_ID = /^\d{12}$/;

export const CLOSING_ROLES = ['docusign_signer', 'aws_admin'] as const;
export type ClosingRole = (typeof CLOSING_ROLES)[number];

export const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** A customer or prospect company, with the geography territories route on. */
export interface Account {
  id: string;
  name: string;
  domain: string | null;
  segment: Segment;
  industry: string | null;
  /** ISO 3166-1 alpha-2, e.g. US. */
  country: string;
  /** ISO 3166-2 subdivision (state/province), e.g. US-CA. */
  subdivision: string | null;
  city: string | null;
  postalCode: string | null;
  /** The county, for metro rules that name counties (e.g. Harris County). */
  county: string | null;
  ownerId: string | null;
  /** The account's Customer Success Manager (a user of role csm): owns its renewal deals; null: the owner does. */
  csmId: string | null;
  /** Created with an explicit owner other than the AE the territory model routed it to: activations keep it. */
  ownerPinned: boolean;
  selfServeUsage: boolean;
  /** The buyer's AWS account (12 digits): the AWS Marketplace private offer is targeted at it. */
  awsAccountId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Contact {
  id: string;
  accountId: string;
  name: string;
  email: string | null;
  title: string | null;
  phone: string | null;
  /** Who this contact is on the closing path: the quote's DocuSign signer, the AWS admin who accepts. */
  closingRoles: ClosingRole[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
