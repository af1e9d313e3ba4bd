import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { findUsersByEmails } from '../../db/repositories/user-records-repo.js';
import { forecastSettings } from '../../domain/forecast/forecast-settings.js';
import {
  lineProblem,
  mapQuotaRow,
  missingQuotaColumns,
  type QuotaRow,
} from '../../domain/forecast/quota-rows.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, type FieldIssue, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { CsvFileError, csvBatches, type NumberedRow } from '../imports/csv-batches.js';
import { MAX_AMOUNT_MINOR } from '../shared/fields.js';
import { refuseUnlessForecastSettingsManager } from './forecast-access.js';
import type { SetQuotasInput } from './forecast-inputs.js';
import { setQuotas } from './set-quotas.js';

/** The largest quota file one request carries (some 20,000 lines). */
export const MAX_QUOTA_CSV_CHARS = 1_000_000;

export const importQuotasInput = z.strictObject({
  csv: z
    .string()
    .min(1, 'the file is empty')
    .max(MAX_QUOTA_CSV_CHARS, 'at most 1,000,000 characters')
    .describe(
      'The quota file as text: a header row OwnerEmail,Period,PeriodStart,Amount, then one quota a line ' +
        '(Period month|quarter|fiscal_year; PeriodStart the first day of that fiscal period, YYYY-MM-DD; ' +
        'Amount a decimal in the company currency, e.g. 250000.50)',
    ),
});
export type ImportQuotasInput = z.infer<typeof importQuotasInput>;

export interface QuotaImportSummary {
  updated: number;
  owners: number;
}

/** Every issue of a quota file is at `csv`, its message naming the line and column. */
const atCsv = (message: string): FieldIssue => ({ path: 'csv', message });

/** The column a setQuotas issue path (`quotas[3].ownerId`) stands for in the file. */
const COLUMN_OF: Record<string, string> = {
  ownerId: 'OwnerEmail',
  periodKind: 'Period',
  periodStart: 'PeriodStart',
  amountMinor: 'Amount',
};

/** The header row's columns, or null when it is not readable as CSV. */
function headerOf(csv: string): string[] | null {
  try {
    const [header] = parse(csv, { bom: true, to_line: 1, relax_column_count: true }) as string[][];
    return header ?? [];
  } catch {
    return null;
  }
}

async function rowsOf(csv: string): Promise<Result<NumberedRow[], FieldIssue[]>> {
  try {
    const rows: NumberedRow[] = [];
    for await (const batch of csvBatches(Readable.from([csv]), 1000, 'csv')) rows.push(...batch);
    return ok(rows);
  } catch (error) {
    if (error instanceof CsvFileError) return err([atCsv(`line ${error.line}: ${error.message}`)]);
    throw error;
  }
}

interface Judged {
  quotas: SetQuotasInput['quotas'];
  lines: number[];
  issues: FieldIssue[];
}

/** Each row mapped, its owner found by e-mail, an owner × period once; every bad line's problems. */
async function judge(context: AppContext, rows: NumberedRow[]): Promise<Judged> {
  const settings = forecastSettings(context.playbook);
  const rules = { ...settings, maxAmountMinor: MAX_AMOUNT_MINOR };
  const mapped = rows.map(({ line, row }) => ({ line, result: mapQuotaRow(row, rules) }));
  const emails = mapped.flatMap(({ result }) => (result.ok ? [result.value.ownerEmail] : []));
  const users = new Map(
    (await findUsersByEmails(context.db, emails)).map((user) => [user.email.toLowerCase(), user]),
  );
  const judged: Judged = { quotas: [], lines: [], issues: [] };
  const firstLine = new Map<string, number>();
  const take = (line: number, quota: QuotaRow) => {
    const owner = users.get(quota.ownerEmail.toLowerCase());
    if (!owner) {
      const message = `no user has the e-mail ${quota.ownerEmail}`;
      return judged.issues.push(atCsv(lineProblem(line, { field: 'OwnerEmail', message })));
    }
    const key = `${owner.id}/${quota.periodKind}/${quota.periodStart}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined)
      return judged.issues.push(atCsv(`line ${line}: the same owner and period as line ${earlier}`));
    firstLine.set(key, line);
    judged.lines.push(line);
    return judged.quotas.push({
      ownerId: owner.id,
      periodKind: quota.periodKind,
      periodStart: quota.periodStart,
      amountMinor: quota.amountMinor,
    });
  };
  for (const { line, result } of mapped) {
    if (result.ok) take(line, result.value);
    else judged.issues.push(...result.error.map((problem) => atCsv(lineProblem(line, problem))));
  }
  return judged;
}

/** setQuotas' issues (`quotas[3].periodStart`) at the file's lines and columns. */
function atLines(issues: FieldIssue[], lines: number[]): FieldIssue[] {
  return issues.map((issue) => {
    const match = /^quotas\[(\d+)\](?:\.(\w+))?/.exec(issue.path);
    const line = match ? lines[Number(match[1])] : undefined;
    if (line === undefined) return atCsv(issue.message);
    const field = match?.[2] ? COLUMN_OF[match[2]] : undefined;
    return atCsv(
      field ? lineProblem(line, { field, message: issue.message }) : `line ${line}: ${issue.message}`,
    );
  });
}

/**
 * Imports owners' quotas from a CSV file (RevOps, VP Finance): every bad line is reported by its number and
 * column, and nothing is written unless every line is good; then setQuotas sets them, each audited.
 */
export async function importQuotas(
  context: AppContext,
  actor: Actor,
  input: ImportQuotasInput,
): Promise<Result<QuotaImportSummary, AppError>> {
  const refused = refuseUnlessForecastSettingsManager(actor);
  if (refused) return err(refused);
  const header = headerOf(input.csv);
  if (!header) return err(invalid([atCsv('line 1: the header row is not readable as CSV')]));
  const missing = missingQuotaColumns(header);
  if (missing.length > 0)
    return err(invalid([atCsv(`line 1: the header lacks the column(s) ${missing.join(', ')}`)]));
  const rows = await rowsOf(input.csv);
  if (!rows.ok) return err(invalid(rows.error));
  if (rows.value.length === 0) return err(invalid([atCsv('the file has a header but no quota lines')]));
  const judged = await judge(context, rows.value);
  if (judged.issues.length > 0) return err(invalid(judged.issues));
  const set = await setQuotas(context, actor, { quotas: judged.quotas });
  if (!set.ok) {
    const { error } = set;
    return err(error.code === 'validation_failed' ? invalid(atLines(error.issues, judged.lines)) : error);
  }
  return ok({ updated: set.value.updated, owners: new Set(judged.quotas.map((q) => q.ownerId)).size });
}
