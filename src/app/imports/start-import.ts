import { Readable } from 'node:stream';
import { z } from 'zod';
import { findImportRun, type ImportRun, insertImportRun } from '../../db/repositories/import-runs-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { checkImportRight, importSalesforce } from './import-salesforce.js';
import { parseImportMapping } from './load-import-mapping.js';

/** The largest CSV text one request may carry, per file (bigger exports: the CLI streams files of any size). */
export const MAX_IMPORT_CSV_CHARS = 20_000_000;

export const startImportInput = z.strictObject({
  mode: z.enum(['dry_run', 'all_or_nothing', 'good_rows_only']).default('all_or_nothing'),
  mapping: z
    .string()
    .min(1)
    .max(200_000)
    .describe('The mapping file (YAML) as text; see imports/salesforce-mapping.example.yaml'),
  accounts: z.string().max(MAX_IMPORT_CSV_CHARS).optional().describe('Account.csv as text'),
  opportunities: z.string().max(MAX_IMPORT_CSV_CHARS).optional().describe('Opportunity.csv as text'),
});
export type StartImportInput = z.infer<typeof startImportInput>;

const dataLines = (text: string | undefined) =>
  text ? Math.max(0, text.trimEnd().split('\n').length - 1) : 0;

/**
 * Queues a Salesforce import (`importData`) and runs it in the background: the answer is the run, whose
 * progress and errors getImportRun reads. The mapping is checked first (400 at `mapping` with its paths).
 * `background` is the application's context, not the request's: the run outlives the request.
 */
export async function startImport(
  context: AppContext,
  background: AppContext,
  actor: Actor,
  input: StartImportInput,
): Promise<Result<ImportRun, AppError>> {
  const refused = checkImportRight(actor);
  if (refused) return err(refused);
  if (!input.accounts && !input.opportunities) {
    return err(invalid([{ path: 'opportunities', message: 'give accounts, opportunities or both' }]));
  }
  const mapping = parseImportMapping(input.mapping, 'mapping', context.playbook);
  if (!mapping.ok) {
    return err(
      invalid(
        mapping.error.map((problem) => ({ path: 'mapping', message: `${problem.path}: ${problem.message}` })),
      ),
    );
  }
  const id = context.newId('imp');
  const rowsTotal = dataLines(input.accounts) + dataLines(input.opportunities);
  await insertImportRun(context.db, {
    id,
    kind: 'salesforce',
    source: mapping.value.source,
    mode: input.mode,
    status: 'queued',
    rowsTotal,
    startedAt: context.now(),
    byUser: actor.id,
  });
  const queued = await findImportRun(context.db, id);
  if (!queued) return err(notFound('import run', id));
  setImmediate(() => {
    importSalesforce(background, actor, {
      accounts: input.accounts ? Readable.from([input.accounts]) : undefined,
      opportunities: input.opportunities ? Readable.from([input.opportunities]) : undefined,
      mapping: mapping.value,
      mode: input.mode,
      rowsTotal,
      runId: id,
    }).catch((error: unknown) => {
      // importSalesforce has marked the run failed; the reason goes to the server's log.
      console.error(`import ${id} failed:`, error);
    });
  });
  return ok(queued);
}

/** An import run's progress, counts and errors by line (`importData`). */
export async function getImportRun(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<ImportRun, AppError>> {
  const refused = checkImportRight(actor);
  if (refused) return err(refused);
  const run = await findImportRun(context.db, id);
  return run ? ok(run) : err(notFound('import run', id));
}
