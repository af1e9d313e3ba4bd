import { type CsvRow, type FieldProblem, isCalendarDay, pick, toMinorUnits } from '../imports/row-values.js';
import { err, ok, type Result } from '../result.js';
import { isPeriodStart, PERIOD_KINDS, type PeriodKind } from './periods.js';

/** The columns of a quota file, in the order the template lists them. */
export const QUOTA_COLUMNS = ['OwnerEmail', 'Period', 'PeriodStart', 'Amount'] as const;

/** A quota file's row in Closepath's terms (the owner still to be resolved by e-mail). */
export interface QuotaRow {
  ownerEmail: string;
  periodKind: PeriodKind;
  periodStart: string;
  amountMinor: number;
}

export interface QuotaRowRules {
  companyCurrency: string;
  fiscalYearStartMonth: number;
  maxAmountMinor: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const isPeriodKind = (text: string): text is PeriodKind => (PERIOD_KINDS as readonly string[]).includes(text);

/** Maps one row of a quota file (OwnerEmail, Period, PeriodStart, Amount); every problem names its column. */
export function mapQuotaRow(row: CsvRow, rules: QuotaRowRules): Result<QuotaRow, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const ownerEmail = pick(row, 'OwnerEmail');
  if (!ownerEmail) problems.push({ field: 'OwnerEmail', message: "is required (the owner's e-mail)" });
  else if (!EMAIL.test(ownerEmail))
    problems.push({ field: 'OwnerEmail', message: 'is not an e-mail address' });
  const kindText = pick(row, 'Period')?.toLowerCase() ?? null;
  const periodKind = kindText && isPeriodKind(kindText) ? kindText : null;
  if (!kindText) problems.push({ field: 'Period', message: 'is required: month, quarter or fiscal_year' });
  else if (!periodKind)
    problems.push({ field: 'Period', message: `"${kindText}" is not month, quarter or fiscal_year` });
  const periodStart = pick(row, 'PeriodStart');
  if (!periodStart) problems.push({ field: 'PeriodStart', message: 'is required (YYYY-MM-DD)' });
  else if (!isCalendarDay(periodStart))
    problems.push({ field: 'PeriodStart', message: `"${periodStart}" is not a day written YYYY-MM-DD` });
  else if (periodKind && !isPeriodStart(periodStart, periodKind, rules.fiscalYearStartMonth))
    problems.push({
      field: 'PeriodStart',
      message: `${periodStart} is not the first day of a ${periodKind.replace('_', ' ')} of the fiscal calendar`,
    });
  const amountText = pick(row, 'Amount');
  const amount = amountText ? toMinorUnits(amountText, rules.companyCurrency, rules.maxAmountMinor) : null;
  if (!amountText)
    problems.push({ field: 'Amount', message: `is required (in ${rules.companyCurrency}, e.g. 250000)` });
  else if (typeof amount === 'string') problems.push({ field: 'Amount', message: amount });
  if (problems.length > 0 || !ownerEmail || !periodKind || !periodStart || typeof amount !== 'number')
    return err(problems);
  return ok({ ownerEmail, periodKind, periodStart, amountMinor: amount });
}

/** "line 4, Amount: must be …": a problem of a file's row in words. */
export const lineProblem = (line: number, problem: FieldProblem): string =>
  `line ${line}, ${problem.field}: ${problem.message}`;

/** The columns a file's header lacks (the header row is judged before any row). */
export const missingQuotaColumns = (header: readonly string[]): string[] =>
  QUOTA_COLUMNS.filter((column) => !header.includes(column));
