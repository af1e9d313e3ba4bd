/**
 * npx tsx bench/import-bench.ts [rows]   — the Salesforce import (issue 14) beside a raw multi-row INSERT.
 * Without DATABASE_URL: embedded PGlite in a fresh temporary data directory; with DATABASE_URL=postgres://…
 * a fresh database on that server (dropped afterwards). Generates a Salesforce-shaped Account.csv (1,000) and
 * Opportunity.csv (100,000 rows by default) on disk, imports them all-or-nothing (one transaction: validation,
 * owners, the imported gate snapshot, history rows, audit events and outbox rows), then parses the same file and
 * inserts the same number of pre-built opportunity rows into a scratch table with multi-row INSERTs of the same
 * batch size (no validation, no audit) — the floor. Prints rows/s of each, the ratio, and the peak RSS.
 * Not part of CI.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { sql } from 'kysely';
import { systemActor } from '../src/app/access/actors.js';
import { IMPORT_BATCH_ROWS, importSalesforce } from '../src/app/imports/import-salesforce.js';
import { parseImportMapping } from '../src/app/imports/load-import-mapping.js';
import { openApp } from '../src/app/open-app.js';
import { insertUsers } from '../src/db/repositories/users-repo.js';
import { accountsCsv, OWNER_EMAILS, opportunityLines } from '../test/support/salesforce-export.js';
import { perSecond } from './measure.js';
import { printTable } from './report-table.js';
import { freshServerDatabase } from './server-database.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const ACCOUNTS = 1000;

const dir = await mkdtemp(path.join(tmpdir(), 'closepath-bench-import-'));
const server = process.env.DATABASE_URL
  ? await freshServerDatabase(process.env.DATABASE_URL, 'cp_bench_import')
  : null;
const opened = await openApp(server ? { databaseUrl: server.url } : { dataDir: path.join(dir, 'data') });
try {
  const { context } = opened;
  const accountsFile = path.join(dir, 'Account.csv');
  const opportunitiesFile = path.join(dir, 'Opportunity.csv');
  const accountsOut = createWriteStream(accountsFile);
  accountsOut.end(accountsCsv(ACCOUNTS));
  await finished(accountsOut);
  const out = createWriteStream(opportunitiesFile);
  for (const line of opportunityLines(ROWS, ACCOUNTS)) {
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
  await insertUsers(
    context.db,
    OWNER_EMAILS.map((email, index) => ({
      id: `user_bench_${index}`,
      email,
      name: email,
      role: 'ae' as const,
      region: 'americas',
      managerId: null,
      active: true,
      createdAt: new Date(),
    })),
  );
  const mappingFile = 'imports/salesforce-mapping.example.yaml';
  const mapping = parseImportMapping(await readFile(mappingFile, 'utf8'), mappingFile, context.playbook);
  if (!mapping.ok) throw new Error(JSON.stringify(mapping.error));

  const rssBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  const result = await importSalesforce(context, systemActor('bench'), {
    accounts: createReadStream(accountsFile),
    opportunities: createReadStream(opportunitiesFile),
    mapping: mapping.value,
    mode: 'all_or_nothing',
    rowsTotal: ACCOUNTS + ROWS,
  });
  const importMs = performance.now() - started;
  if (!result.ok || result.value.status !== 'succeeded') throw new Error(JSON.stringify(result));
  const peakKb = process.resourceUsage().maxRSS;

  // The floor: the same file parsed, the same rows (already resolved) written by multi-row INSERTs, no checks.
  const template = await context.db
    .selectFrom('opportunities')
    .selectAll()
    .limit(1)
    .executeTakeFirstOrThrow();
  await sql`create table raw_opportunities (like opportunities including defaults)`.execute(context.db);
  const raw = context.db.withTables<{ raw_opportunities: Record<string, unknown> }>();
  const rawStarted = performance.now();
  await raw.transaction().execute(async (trx) => {
    let batch: Record<string, unknown>[] = [];
    let index = 0;
    const flush = async () => {
      if (batch.length > 0) await trx.insertInto('raw_opportunities').values(batch).execute();
      batch = [];
    };
    for await (const row of createReadStream(opportunitiesFile).pipe(parse({ columns: true, bom: true }))) {
      const record = row as Record<string, string>;
      batch.push({
        ...template,
        id: `raw_${index++}`,
        name: record.Name,
        amount_minor: Math.round(Number(record.Amount) * 100),
        currency: record.CurrencyIsoCode,
        close_date: record.CloseDate,
        description: record.Description,
        external_source: 'salesforce',
        external_id: record.Id,
      });
      if (batch.length >= IMPORT_BATCH_ROWS) await flush();
    }
    await flush();
  });
  const rawMs = performance.now() - rawStarted;
  const total = ACCOUNTS + ROWS;
  printTable(
    ['', 'rows', 'seconds', 'rows/s'],
    [
      [
        'import salesforce (all or nothing)',
        String(total),
        (importMs / 1000).toFixed(1),
        String(perSecond(total, importMs)),
      ],
      [
        'raw multi-row INSERT (same file, same batches)',
        String(ROWS),
        (rawMs / 1000).toFixed(1),
        String(perSecond(ROWS, rawMs)),
      ],
      ['import / raw', '', '', `${Math.round((perSecond(total, importMs) / perSecond(ROWS, rawMs)) * 100)}%`],
      [
        'peak RSS (MB): before import → after',
        '',
        '',
        `${Math.round(rssBefore / 1024)} → ${Math.round(peakKb / 1024)}`,
      ],
    ],
  );
} finally {
  await opened.close();
  await server?.drop();
  await rm(dir, { recursive: true, force: true });
}
