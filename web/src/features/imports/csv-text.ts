import { parse } from 'csv-parse/browser/esm/sync';

/** A CSV file read in the browser: its header and its data rows (quoted commas, quotes and line breaks kept). */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/**
 * Parses CSV text (RFC 4180 by csv-parse: quotes, CRLF or LF, a leading BOM). Blank lines are skipped; rows of
 * another length are kept for the server to refuse by line. Cheap enough for the files the wizard sends (the
 * server parses them again; it decides).
 */
export function parseCsv(text: string): CsvTable {
  const records: string[][] = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  const [header = [], ...rows] = records;
  return { header: header.map((name) => name.trim()), rows };
}

/** The value of a column in a row, trimmed ('' when the column is absent or blank). */
export function cellOf(table: CsvTable, row: string[], ...columns: string[]): string {
  for (const column of columns) {
    const at = table.header.indexOf(column);
    const value = at >= 0 ? (row[at] ?? '').trim() : '';
    if (value) return value;
  }
  return '';
}
