import { type Kysely, sql } from 'kysely';

/**
 * Quotes (decision 014): the PDF of an offer version's chosen option, stored once and never changed.
 *
 * Numbers come from `quote_counters`, one row per year: the number is taken by an upsert that increments the
 * row in the quote's own transaction, so two server processes queue on the row lock and never draw the same
 * number, and a transaction that rolls back gives its number back (no gaps, unlike a sequence). The hash and
 * the size are checked against the bytes by the database itself; a trigger refuses UPDATE and DELETE.
 */
const statements: readonly string[] = [
  `create table quote_counters (
    year integer primary key check (year between 2000 and 9999),
    last_number integer not null check (last_number > 0)
  )`,
  `create table quotes (
    id text primary key,
    number text not null unique check (number ~ '^Q-[0-9]{4}-[0-9]{6,}$'),
    offer_id text not null,
    version_number integer not null,
    opportunity_id text not null references opportunities(id),
    option_name text not null,
    currency char(3) not null,
    tcv_minor bigint not null check (tcv_minor >= 0),
    valid_until date not null,
    pdf bytea not null,
    sha256 char(64) not null constraint quotes_sha256_of_pdf check (sha256 = encode(sha256(pdf), 'hex')),
    byte_size integer not null constraint quotes_byte_size_of_pdf check (byte_size = octet_length(pdf)),
    created_by text not null references users(id),
    created_at timestamptz not null,
    foreign key (offer_id, version_number) references offer_versions(offer_id, number)
  )`,
  `create index quotes_opportunity_idx on quotes (opportunity_id, created_at, id)`,
  `create index quotes_offer_idx on quotes (offer_id, version_number, created_at)`,
  `create function quotes_are_immutable() returns trigger language plpgsql as $$
  begin
    raise exception 'quotes are immutable (% refused)', tg_op;
  end;
  $$`,
  `create trigger quotes_immutable before update or delete on quotes
    for each row execute function quotes_are_immutable()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
