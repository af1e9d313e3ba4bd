import type { Jsonb } from './schema.js';

/** Vendor events received, each fact once (migration 014; decision 016). */
export interface InboundEventsTable {
  id: string;
  source: string;
  dedup_key: string;
  event_type: string;
  occurred_at: Date;
  external_id: string;
  offer_id: string | null;
  offer_version: number | null;
  payload: Jsonb;
  received_at: Date;
  processed_at: Date | null;
  /** What processing did: `applied`, or why the event had no effect (migration 015). */
  outcome: string | null;
}
