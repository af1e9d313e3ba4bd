import { type Kysely, sql } from 'kysely';

/**
 * The closing evidence of an offer version (decision 016): the envelope its quote was sent in and the AWS
 * private offer made of it, with what the vendors reported (jsonb: written with the version, read with it,
 * never queried field by field). The two vendor ids inbound events are matched by are columns of their own,
 * unique: one envelope, one Marketplace offer names at most one version. A processed inbound event keeps
 * its outcome (applied, or why it had no effect: unmatched, the wrong version).
 */
const statements: readonly string[] = [
  `alter table offer_versions add column closing_evidence jsonb not null
    default '{"envelope":null,"awsOffer":null}'::jsonb check (jsonb_typeof(closing_evidence) = 'object')`,
  `alter table offer_versions add column envelope_id text`,
  `alter table offer_versions add column marketplace_offer_id text`,
  `create unique index offer_versions_envelope_idx on offer_versions (envelope_id) where envelope_id is not null`,
  `create unique index offer_versions_marketplace_offer_idx on offer_versions (marketplace_offer_id)
    where marketplace_offer_id is not null`,
  `alter table inbound_events add column outcome text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
