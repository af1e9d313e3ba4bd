/** A CSV file read in the browser: its header and its data rows (quoted commas, quotes and line breaks kept). */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/**
 * Parses CSV text (RFC 4180: `"` quotes, `""` inside quotes, CRLF or LF, a leading BOM). Blank lines are
 * skipped. Cheap enough for the files the wizard sends (the server parses them again; it decides).
 */
export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(cell);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    cell = '';
  };
  for (; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[index + 1] === '"') {
        cell += '"';
        index++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\n') endRecord();
    else if (char !== '\r') cell += char;
  }
  if (cell !== '' || record.length > 0) endRecord();
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
