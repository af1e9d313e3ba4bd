import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CsvRow } from '../../domain/imports/row-values.js';

/** A row and the line it starts on (the header is line 1). */
export interface NumberedRow {
  line: number;
  row: CsvRow;
}

/** A file the parser cannot read as CSV (an unclosed quote, say), at its line. */
export class CsvFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Line breaks in a text: \r\n, \r or \n each count once. */
const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Streams a CSV file (header row first) in batches of `size` rows, never the whole file: csv-parse reads it as
 * it arrives and the next batch is parsed only after the caller has handled this one (back-pressure).
 */
export async function* csvBatches(
  input: Readable,
  size: number,
  file: string,
): AsyncGenerator<NumberedRow[]> {
  const parser = input.pipe(
    parse({ columns: true, bom: true, raw: true, skip_empty_lines: true, relax_column_count: true }),
  );
  let batch: NumberedRow[] = [];
  // Line breaks read so far (the header's one). csv-parse's own `info.lines` drifts after a quoted CRLF, so
  // the line is counted from each record's raw text: the blank lines skipped before it, then its own breaks.
  let consumed = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: CsvRow; raw: string }>) {
      const line = consumed + 1 + lineBreaks(/^[\r\n]*/.exec(raw)?.[0] ?? '');
      consumed += lineBreaks(raw);
      batch.push({ line, row: record });
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    const failure = error as Error & { lines?: number };
    if (failure instanceof CsvFileError) throw failure;
    throw new CsvFileError(file, failure.lines ?? 0, `not readable as CSV: ${failure.message}`);
  }
  if (batch.length > 0) yield batch;
}

/** How many data rows a file has, by a quick count of its lines (the progress bar's total; quoted newlines overcount). */
export async function countDataLines(input: Readable): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
  }
  if (last !== 10) lines++;
  return Math.max(0, lines - 1);
}
