import type { ColumnType, Generated } from 'kysely';
import type { DateString, Jsonb, JsonValue, NullableJsonb } from './schema.js';

/**
 * The closing tables: offers, their versions, the approval decisions on each version (migration 011); quotes
 * and their numbering (migration 012).
 */

export interface OffersTable {
  id: string;
  opportunity_id: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

/** One version of an offer; its terms are immutable once submitted (a trigger refuses a change). */
export interface OfferVersionsTable {
  offer_id: string;
  number: number;
  status: string;
  aws_offer_status: Generated<string>;
  currency: string;
  valid_until: DateString;
  notes: string | null;
  /** The pricing options with their TCV and discount (PricingOption[]). */
  options: Jsonb;
  based_on: number | null;
  origin: string;
  created_by: string;
  created_at: Date;
  /** The chain resolved at submission (ResolvedStep[]); null while a draft. */
  chain: NullableJsonb;
  submitted_by: string | null;
  submitted_at: Date | null;
  /** The role the waiting step is for, while in approval (the approvals inbox filters by it). */
  awaiting_role: string | null;
  presented_by: string | null;
  presented_at: Date | null;
  chosen_option: string | null;
  chosen_contact_id: string | null;
  chosen_confirmed_at: Date | null;
  chosen_recorded_by: string | null;
  chosen_recorded_at: Date | null;
  /** The envelope and AWS private offer of the version (ClosingEvidence). */
  closing_evidence: ColumnType<JsonValue, string | undefined, string>;
  envelope_id: string | null;
  marketplace_offer_id: string | null;
}

/** Append-only: a trigger refuses UPDATE and DELETE. */
export interface OfferApprovalsTable {
  offer_id: string;
  version_number: number;
  step_index: number;
  step_key: string;
  decision: 'approved' | 'rejected';
  decided_by: string;
  decided_role: string;
  decided_at: Date;
  comment: string | null;
}

/** One row per year: the last quote number drawn that year. */
export interface QuoteCountersTable {
  year: number;
  last_number: number;
}

/** Immutable: a trigger refuses UPDATE and DELETE; the hash and size are checked against the bytes. */
export interface QuotesTable {
  id: string;
  number: string;
  offer_id: string;
  version_number: number;
  opportunity_id: string;
  option_name: string;
  currency: string;
  tcv_minor: number;
  valid_until: DateString;
  pdf: Uint8Array;
  sha256: string;
  byte_size: number;
  created_by: string;
  created_at: Date;
}
