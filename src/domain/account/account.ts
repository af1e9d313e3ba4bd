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
  ownerId: string | null;
  selfServeUsage: boolean;
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
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
