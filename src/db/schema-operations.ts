import type { ColumnType } from 'kysely';
import type { Jsonb, NullableJsonb } from './schema.js';

/** The tables the server keeps for itself rather than for sales records: sign-in, retries, limits, jobs, playbook versions. */

/** A create's Idempotency-Key with its stored answer (claimed and answered in the create's own transaction). */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status: number;
  response: Jsonb;
  created_at: Date;
}

/** A fixed rate-limit window: `count` hits of `key` against budget `bucket` until `reset_at`. */
export interface RateLimitWindowsTable {
  bucket: string;
  key: string;
  count: number;
  reset_at: Date;
}

/** One run of a background job in one period, claimed by the process that runs it. */
export interface JobRunsTable {
  job: string;
  period_start: Date;
  process: string;
  started_at: Date;
  finished_at: Date | null;
  outcome: Jsonb | null;
}

/** Every playbook the server has run; the highest number is the one in force. */
export interface PlaybookVersionsTable {
  id: string;
  number: number;
  playbook_id: string;
  content_hash: string;
  playbook: Jsonb;
  /** The mapping of old keys to new ones applied to the records when this version was loaded. */
  mappings: NullableJsonb;
  /** What loading it changed: records moved per kind, deals re-probabilised. */
  summary: Jsonb;
  loaded_at: Date;
  loaded_by: string;
  /** When every open deal's stored inspection was recomputed for this version (null: not yet; migration 024). */
  inspections_complete_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A signed-in browser. The cookie value is never stored: `id_hash` is its SHA-256 (hex). */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  /** The absolute end, whatever the activity. */
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export type TokenScope = 'read' | 'write';

/** An integration's credential. `token_hash` is the SHA-256 (hex) of the whole token. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scope: TokenScope;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}
