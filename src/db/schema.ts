import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { AccountsTable, ContactsTable } from './schema-accounts.js';
import type {
  OfferApprovalsTable,
  OffersTable,
  OfferVersionsTable,
  QuoteCountersTable,
  QuotesTable,
} from './schema-closing.js';
import type { DealSnapshotsTable } from './schema-deal-snapshots.js';
import type { ForecastCallsTable, FxRatesTable, QuotasTable } from './schema-forecast.js';
import type { ImportRunsTable, ImportUploadChunksTable, ImportUploadsTable } from './schema-imports.js';
import type { DealInspectionsTable, PipelineExpectationsTable } from './schema-inspections.js';
import type { InboundEventsTable } from './schema-integrations.js';
import type {
  ApiTokensTable,
  IdempotencyKeysTable,
  JobRunsTable,
  PlaybookVersionsTable,
  RateLimitWindowsTable,
  SessionsTable,
} from './schema-operations.js';
import type {
  PocBenchmarksTable,
  PocPlansTable,
  PocSessionsTable,
  PocSuccessCriteriaTable,
} from './schema-poc.js';
import type { TerritoryModelsTable } from './schema-territories.js';
import type {
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookSubscriptionsTable,
} from './schema-webhooks.js';

/**
 * The tables of the migrations, as Kysely sees them. Runtime types are the same on PGlite and on a
 * PostgreSQL server (see type-parsers.js): int8/int/smallint → number, date → 'YYYY-MM-DD' string,
 * timestamptz → Date, jsonb → parsed value.
 */

/** A `date` column: 'YYYY-MM-DD', read and written as a string (never a Date: no time zone shift). */
export type DateString = string;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A jsonb column reads as the parsed value and is written as JSON text (`JSON.stringify(value)`): the two
 * drivers serialise a JS array or string parameter differently, JSON text means the same on both.
 */
export type Jsonb<T extends JsonValue = JsonValue> = ColumnType<T, string, string>;
export type NullableJsonb<T extends JsonValue = JsonValue> = ColumnType<
  T | null,
  string | null,
  string | null
>;

export type UserRole = 'ae' | 'sdr' | 'se' | 'csm' | 'rvp' | 'vp_finance' | 'revops_admin' | 'viewer';
export type AccountSegment = 'enterprise' | 'mid_market' | 'smb';
export type MeddpiccLevel = 'unknown' | 'identified' | 'validated';
export type StageChangeKind =
  | 'create'
  | 'advance'
  | 'regress'
  | 'close_won'
  | 'close_lost'
  | 'reopen'
  | 'imported';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  region: string | null;
  manager_id: string | null;
  active: Generated<boolean>;
  created_at: Date;
  /** `scrypt$N$r$p$salt$hash`; null: cannot sign in with a password. */
  password_hash: Generated<string | null>;
  version: Generated<number>;
}

export interface OpportunitiesTable {
  id: string;
  account_id: string;
  name: string;
  type: string;
  pipeline: string;
  stage: string;
  probability: number;
  forecast_category: string;
  amount_minor: number;
  currency: string;
  close_date: DateString;
  owner_id: string;
  source: string;
  next_step: string | null;
  description: string | null;
  loss_reason: string | null;
  winning_competitor: string | null;
  stage_entered_at: Date;
  closed_at: Date | null;
  version: Generated<number>;
  stall_snoozed_until: ColumnType<string | null, string | null | undefined, string | null>;
  stall_snooze_reason: Generated<string | null>;
  /** The contract this renewal deal renews; unique (migration 018). */
  renews_contract_id: Generated<string | null>;
  created_by: string | null;
  /** The system a deal was imported from and its id there (migration 019). */
  external_source: Generated<string | null>;
  external_id: Generated<string | null>;
  created_at: Date;
  updated_at: Date;
  /** Times the close date was pushed into a later month (migration 020); kept by updateOpportunity. */
  push_count: Generated<number>;
}

export interface OpportunityMeddpiccTable {
  opportunity_id: string;
  element: string;
  level: MeddpiccLevel;
  summary: string | null;
  contact_id: string | null;
  updated_by: string;
  updated_at: Date;
}

export interface OpportunityAttestationsTable {
  opportunity_id: string;
  criterion: string;
  attested_by: string;
  attested_at: Date;
  note: string | null;
  evidence_url: string | null;
}

export interface OpportunityStageChangesTable {
  id: GeneratedAlways<number>;
  opportunity_id: string;
  from_stage: string | null;
  to_stage: string;
  kind: StageChangeKind;
  overridden: Generated<boolean>;
  changed_by: string;
  changed_at: Date;
}

/** Append-only: a trigger refuses UPDATE and DELETE. */
export interface EventsTable {
  id: GeneratedAlways<number>;
  occurred_at: Date;
  actor_id: string;
  request_id: string | null;
  entity_type: string;
  entity_id: string;
  opportunity_id: string | null;
  action: string;
  before: NullableJsonb;
  after: NullableJsonb;
  gate: NullableJsonb;
  /** The gate snapshot kept once for many events (imports, migration 023); never set with `gate`. */
  gate_snapshot_id: string | null;
}

/** Append-only: gate snapshots shared by many events, keyed by the SHA-256 of their JSON text. */
export interface GateSnapshotsTable {
  id: string;
  snapshot: Jsonb;
}

export interface OutboxTable {
  id: GeneratedAlways<number>;
  event_id: number;
  topic: string;
  payload: Jsonb;
  created_at: Date;
  delivered_at: Date | null;
}

export interface OpportunityMilestonesTable {
  opportunity_id: string;
  milestone: string;
  achieved_at: Date;
  recorded_by: string;
  evidence_url: string | null;
  note: string | null;
  recorded_at: Date;
}

export interface ContractsTable {
  id: string;
  account_id: string;
  kind: 'commit';
  start_date: DateString;
  end_date: DateString;
  tcv_minor: number;
  currency: string;
  opportunity_id: string | null;
  created_by: string;
  created_at: Date;
  version: Generated<number>;
  /** Ended before term by Finance: the last day in force, and why (migration 018). */
  ended_on: Generated<DateString | null>;
  ended_reason: Generated<string | null>;
  updated_at: Generated<Date | null>;
}

export interface ActivitiesTable {
  id: string;
  account_id: string;
  opportunity_id: string | null;
  kind: 'call' | 'meeting' | 'email' | 'note';
  occurred_at: Date;
  user_ids: Jsonb<string[]>;
  contact_ids: Jsonb<string[]>;
  summary: string;
  link: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export type { AccountsTable, ContactsTable } from './schema-accounts.js';
export type {
  OfferApprovalsTable,
  OffersTable,
  OfferVersionsTable,
  QuoteCountersTable,
  QuotesTable,
} from './schema-closing.js';
export type {
  ApiTokensTable,
  IdempotencyKeysTable,
  JobRunsTable,
  PlaybookVersionsTable,
  RateLimitWindowsTable,
  SessionsTable,
  TokenScope,
} from './schema-operations.js';
export type {
  PocBenchmarksTable,
  PocPlansTable,
  PocSessionsTable,
  PocSuccessCriteriaTable,
} from './schema-poc.js';
export type { TerritoryModelStatus, TerritoryModelsTable } from './schema-territories.js';
export type {
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookDeliveryStatus,
  WebhookSubscriptionsTable,
} from './schema-webhooks.js';

export interface Database {
  users: UsersTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  opportunities: OpportunitiesTable;
  opportunity_meddpicc: OpportunityMeddpiccTable;
  opportunity_attestations: OpportunityAttestationsTable;
  opportunity_stage_changes: OpportunityStageChangesTable;
  events: EventsTable;
  gate_snapshots: GateSnapshotsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  poc_plans: PocPlansTable;
  poc_sessions: PocSessionsTable;
  poc_success_criteria: PocSuccessCriteriaTable;
  poc_benchmarks: PocBenchmarksTable;
  opportunity_milestones: OpportunityMilestonesTable;
  contracts: ContractsTable;
  activities: ActivitiesTable;
  rate_limit_windows: RateLimitWindowsTable;
  job_runs: JobRunsTable;
  playbook_versions: PlaybookVersionsTable;
  offers: OffersTable;
  offer_versions: OfferVersionsTable;
  offer_approvals: OfferApprovalsTable;
  quote_counters: QuoteCountersTable;
  quotes: QuotesTable;
  inbound_events: InboundEventsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  territory_models: TerritoryModelsTable;
  fx_rates: FxRatesTable;
  quotas: QuotasTable;
  forecast_calls: ForecastCallsTable;
  deal_snapshots: DealSnapshotsTable;
  import_runs: ImportRunsTable;
  import_uploads: ImportUploadsTable;
  import_upload_chunks: ImportUploadChunksTable;
  deal_inspections: DealInspectionsTable;
  pipeline_expectations: PipelineExpectationsTable;
}
