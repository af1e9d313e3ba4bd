import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { Jsonb } from './schema.js';

/** The outbound webhook tables (migration 013). */

export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  description: string | null;
  /** The event types (WebhookEventType[]) or ['*']. */
  event_types: Jsonb;
  /** whsec_… (base64 of 24 random bytes): the server signs with it, so it is kept, never shown again. */
  secret: string;
  /** The secret before the last rotation: messages are signed with both until `previous_secret_until`. */
  previous_secret: string | null;
  previous_secret_until: Date | null;
  active: Generated<boolean>;
  /** Why it was disabled: `admin`, or `gone` (the receiver answered 410). */
  disabled_reason: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface WebhookDeliveriesTable {
  /** msg_…: the Standard Webhooks `webhook-id`, the same on every attempt and replay. */
  id: string;
  subscription_id: string;
  outbox_id: number;
  event_type: string;
  /** The body sent, `{ type, timestamp, data }`, fixed at fan-out. */
  payload: Jsonb;
  status: WebhookDeliveryStatus;
  /** Attempts started (a claim counts one; it is the fencing token of the claim's lease). */
  attempt_count: Generated<number>;
  /** attempt_count when the retry budget started: 0, or at the last replay. */
  budget_start: Generated<number>;
  next_attempt_at: Date;
  /** While an attempt is in flight: when its claim lapses and another worker may take it. */
  lease_until: Date | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  delivered_at: Date | null;
}

export interface WebhookAttemptsTable {
  id: GeneratedAlways<number>;
  delivery_id: string;
  attempt: number;
  started_at: Date;
  duration_ms: number;
  http_status: number | null;
  error: string | null;
  response_snippet: ColumnType<string | null, string | null | undefined, never>;
}
