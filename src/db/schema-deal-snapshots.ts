import type { DateString } from './schema.js';

/** One open deal's forecast facts at a snapshot's instant (migration 020). A snapshot = rows sharing taken_at. */
export interface DealSnapshotsTable {
  taken_at: Date;
  opportunity_id: string;
  amount_minor: number;
  currency: string;
  stage: string;
  pipeline: string;
  forecast_category: string;
  close_date: DateString;
  owner_id: string;
}
