import type { Segment } from '../account/account.js';

/**
 * How another system's values become the playbook's keys (a mapping file, e.g. imports/*.yaml): stage names
 * per pipeline, opportunity types, owners by the source's user id (else an owner e-mail column), currencies,
 * lead sources and the segment of imported accounts.
 */
export interface ImportMapping {
  /** The source system, stored beside each external id (e.g. salesforce). */
  source: string;
  /** Pipeline key → the source's stage name → that pipeline's stage key. */
  stages: Record<string, Record<string, string>>;
  /** The source's opportunity type → an opportunity type key. */
  types: Record<string, string>;
  /** The type of a row with no Type. */
  defaultType: string | null;
  /** The source's user id (OwnerId) → the e-mail of a Closepath user. */
  owners: Record<string, string>;
  currencies: { default: string };
  /** The source's lead source → a lead source key; `default` for rows with none. */
  leadSources: { values: Record<string, string>; default: string };
  accounts: { segment: Segment };
}
