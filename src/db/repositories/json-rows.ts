import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Many rows as one parameter: `select <columns> from json_populate_recordset(null::<table>, $1)`, each JSON
 * value read as its column's type (nested objects into jsonb columns as they are). The source of an
 * `insert … select` for bulk writes: one text parameter instead of one per value keeps big batches cheap to
 * build, send and plan. The columns are the first row's keys; every row must have the same ones.
 */
export function jsonRowsSource(table: keyof Database, rows: ReadonlyArray<Record<string, unknown>>) {
  const columns = Object.keys(rows[0] ?? {});
  const source = sql`select ${sql.join(columns.map((column) => sql.ref(column)))}
    from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::text::json)`;
  return { columns, source };
}

/** `insert into <table> (<columns>) select … from json_populate_recordset(…)`: onConflict / returning may follow. */
export function insertJsonRows<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: ReadonlyArray<Record<string, unknown>>,
) {
  const { columns, source } = jsonRowsSource(table, rows);
  return db
    .insertInto(table)
    .columns(columns as never)
    .expression(source as never);
}
