/** One CSV row by column name, as the parser gives it. */
export type CsvRow = Readonly<Record<string, string | undefined>>;

/** A problem of one field of one row (the line is added by whoever knows it). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The first non-blank value among the columns, trimmed; null when all are blank or absent. */
export function pick(row: CsvRow, ...columns: string[]): string | null {
  for (const column of columns) {
    const value = row[column]?.trim();
    if (value) return value;
  }
  return null;
}

const digitsByCurrency = new Map<string, number>();

/** How many minor units a currency has (USD 2, JPY 0, BHD 3), from the ICU data every Node carries. */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

const DECIMAL = /^(\d{1,15})(?:\.(\d+))?$/;

/** A decimal amount ("12500.5") in a currency's minor units, or why not (negative, too precise, not a number). */
export function toMinorUnits(text: string, currency: string, max: number): number | string {
  const match = DECIMAL.exec(text.replace(/,/g, ''));
  if (!match) return 'must be a non-negative decimal number, e.g. 12500.00';
  const digits = minorDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return `has more than ${digits} decimal places for ${currency}`;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > max) return 'is too large';
  return minor;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}
