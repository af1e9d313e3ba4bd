import { type Kysely, sql } from 'kysely';

/**
 * Bulk imports (issue 14): an imported deal's gate snapshot (every check of its stage, 5–9 KB of JSON) is the
 * same for most deals of one import, so it is kept once in `gate_snapshots`, keyed by the SHA-256 of its JSON
 * text, and the deal's audit event points at it (`events.gate_snapshot_id`); `events.gate` stays for every other
 * event. Like events, shared snapshots are append-only (decision 023).
 */
const statements: readonly string[] = [
  `create table gate_snapshots (
    id text primary key,
    snapshot jsonb not null
  )`,
  `create function gate_snapshots_are_append_only() returns trigger language plpgsql as $$
  begin
    raise exception 'gate snapshots are append-only (% refused)', tg_op;
  end;
  $$`,
  `create trigger gate_snapshots_append_only before update or delete on gate_snapshots
    for each row execute function gate_snapshots_are_append_only()`,
  `alter table events add column gate_snapshot_id text references gate_snapshots(id)`,
  `alter table events add constraint events_one_gate check (gate is null or gate_snapshot_id is null)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
