/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"): one starting with = + - @, a tab or a
 * carriage return. Such a cell is written with a leading single quote, so it is shown as text and never run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
