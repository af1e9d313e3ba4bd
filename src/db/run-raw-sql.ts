import { CompiledQuery, type Kysely } from 'kysely';

/**
 * Runs one SQL statement with `$1…$n` parameters on either engine and returns its rows (parsed like every
 * other query). For benchmarks and ad-hoc admin work; application queries go through the query builder.
 */
export async function runRawSql<Row = Record<string, unknown>, DB = unknown>(
  db: Pick<Kysely<DB>, 'executeQuery'>,
  text: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  const result = await db.executeQuery<Row>(CompiledQuery.raw(text, [...params]));
  return result.rows;
}
