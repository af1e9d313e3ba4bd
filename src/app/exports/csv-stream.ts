import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

/**
 * Rows as CSV text under a header (RFC 4180, UTF-8), as a stream: one page of records in memory at a time,
 * whatever the export's size.
 */
export function csvStream(
  columns: readonly string[],
  rows: AsyncIterable<string[]> | Iterable<string[]>,
): Readable {
  return Readable.from(rows).pipe(stringify({ header: true, columns: [...columns] }));
}
