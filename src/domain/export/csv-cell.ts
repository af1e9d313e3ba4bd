/**
 * A cell a spreadsheet would run as a formula starts with one of these (OWASP "CSV injection"): = + - @, a tab
 * or a carriage return. Such a cell is written with a leading apostrophe, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of a CSV cell that no spreadsheet will evaluate. */
export const guardCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** A record's export row: every value as guarded text; null and undefined are empty cells. */
export function guardRow(values: ReadonlyArray<string | number | boolean | null | undefined>): string[] {
  return values.map((value) => (value === null || value === undefined ? '' : guardCell(String(value))));
}
