import { Readable } from 'node:stream';
import { z } from 'zod';
import { findImportRun, type ImportRun, insertImportRun } from '../../db/repositories/import-runs-repo.js';
import {
  deleteImportUploads,
  findImportUpload,
  readImportUpload,
} from '../../db/repositories/import-uploads-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, type FieldIssue, invalid, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { checkImportRight, importSalesforce } from './import-salesforce.js';
import { liveProgress } from './live-progress.js';
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
  accountsUploadId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Account.csv uploaded with uploadImportFile (files of any size), instead of `accounts`'),
  opportunitiesUploadId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Opportunity.csv uploaded with uploadImportFile, instead of `opportunities`'),
});
export type StartImportInput = z.infer<typeof startImportInput>;

const dataLines = (text: string) => Math.max(0, text.trimEnd().split('\n').length - 1);

/** A file of the run: given as text in the request, or uploaded before (streamed from the database). */
interface ImportFile {
  dataLines: number;
  uploadId?: string;
  open: (background: AppContext) => Readable;
}

async function importFile(
  context: AppContext,
  actor: Actor,
  file: 'accounts' | 'opportunities',
  text: string | undefined,
  uploadId: string | undefined,
): Promise<Result<ImportFile | undefined, FieldIssue>> {
  const path = `${file}UploadId`;
  if (text !== undefined && uploadId !== undefined) {
    return err({ path, message: `give ${file} as text or as an upload, not both` });
  }
  if (text !== undefined)
    return ok(text ? { dataLines: dataLines(text), open: () => Readable.from([text]) } : undefined);
  if (uploadId === undefined) return ok(undefined);
  const upload = await findImportUpload(context.db, uploadId);
  if (!upload || upload.byUser !== actor.id || upload.file !== file || upload.status !== 'ready') {
    return err({ path, message: `no ${file} file you uploaded has this id (uploads are kept a day)` });
  }
  return ok({
    dataLines: Math.max(0, upload.lines - 1),
    uploadId,
    open: (background) => Readable.from(readImportUpload(background.db, uploadId)),
  });
}

/** The run's two files, each given once (as text or an upload of the caller's), or every field's problem. */
async function importFiles(context: AppContext, actor: Actor, input: StartImportInput) {
  const accounts = await importFile(context, actor, 'accounts', input.accounts, input.accountsUploadId);
  const opportunities = await importFile(
    context,
    actor,
    'opportunities',
    input.opportunities,
    input.opportunitiesUploadId,
  );
  const issues = [accounts, opportunities].flatMap((file) => (file.ok ? [] : [file.error]));
  if (issues.length > 0 || !accounts.ok || !opportunities.ok) return err(invalid(issues));
  return ok({ accounts: accounts.value, opportunities: opportunities.value });
}

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
  const files = await importFiles(context, actor, input);
  if (!files.ok) return files;
  const { accounts, opportunities } = files.value;
  if (!accounts && !opportunities) {
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
  const rowsTotal = (accounts?.dataLines ?? 0) + (opportunities?.dataLines ?? 0);
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
      accounts: accounts?.open(background),
      opportunities: opportunities?.open(background),
      mapping: mapping.value,
      mode: input.mode,
      rowsTotal,
      runId: id,
    })
      .catch((error: unknown) => {
        // importSalesforce has marked the run failed; the reason goes to the server's log.
        console.error(`import ${id} failed:`, error);
      })
      .finally(() => {
        // A dry run leaves its uploads for the import that follows it; a writing run is done with them.
        if (input.mode === 'dry_run') return;
        const uploads = [accounts?.uploadId, opportunities?.uploadId].filter(
          (upload) => upload !== undefined,
        );
        return deleteImportUploads(background.db, uploads).catch((error: unknown) =>
          console.error(`import ${id}: its uploads were not deleted:`, error),
        );
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
  const live = liveProgress.of(id);
  if (live) return ok(live);
  const run = await findImportRun(context.db, id);
  return run ? ok(run) : err(notFound('import run', id));
}
