import { type Kysely, sql } from 'kysely';

/**
 * Sign-in: password hashes, server-side sessions, API tokens. Secrets are never stored: a session row is
 * keyed by the SHA-256 of its cookie value, a token row holds the SHA-256 of the token.
 * One statement per entry (PGlite's `query` runs one at a time); SQL that PostgreSQL 15 and PGlite both run.
 */
const statements: readonly string[] = [
  'alter table users add column password_hash text',
  'alter table users add column version integer not null default 1',
  `create table sessions (
    id_hash text primary key,
    user_id text not null references users(id),
    csrf_token text not null,
    created_at timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    ip text,
    user_agent text
  )`,
  'create index sessions_user_idx on sessions (user_id)',
  `create table api_tokens (
    id text primary key,
    user_id text not null references users(id),
    name text not null,
    token_hash text not null unique,
    scope text not null check (scope in ('read','write')),
    created_by text not null,
    created_at timestamptz not null,
    last_used_at timestamptz,
    expires_at timestamptz,
    revoked_at timestamptz
  )`,
  'create index api_tokens_user_idx on api_tokens (user_id)',
  'create index events_actor_idx on events (actor_id, id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
