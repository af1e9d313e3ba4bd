/**
 * npm run bench:import [-- ROWS]   — the Salesforce import (issue 14) beside a raw COPY of the same rows.
 * Without DATABASE_URL: embedded PGlite in a fresh temporary data directory; with DATABASE_URL=postgres://…
 * a fresh database on that server (dropped afterwards; the server must run on this machine and may read and
 * write files in the system temporary directory, as scripts/with-postgres.mjs's does: COPY is server-side).
 * Generates a Salesforce-shaped Account.csv (1,000 rows) and Opportunity.csv (100,000 rows by default), imports
 * them all-or-nothing (one transaction: validation, owners, the imported gate snapshot, history rows, audit
 * events and outbox rows, stored inspections), then the floor: every row the import wrote (accounts, deals,
 * history, audit events, outbox, gate snapshots, inspections) is copied out, the tables emptied, and the same
 * rows loaded back into the same tables (same indexes, same constraints, same triggers) with COPY FROM, in one
 * transaction. Prints rows/s of each, the ratio and the peak RSS.
 * `npm run bench` runs it too, at BENCH_IMPORT_ROWS (10,000 unless set).
 */
import { createReadStream } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { systemActor } from '../src/app/access/actors.js';
import { importSalesforce } from '../src/app/imports/import-salesforce.js';
import { parseImportMapping } from '../src/app/imports/load-import-mapping.js';
import { openApp } from '../src/app/open-app.js';
import { insertUsers } from '../src/db/repositories/users-repo.js';
import type { Database } from '../src/db/schema.js';
import { accountsCsv, OWNER_EMAILS, opportunityLines } from '../test/support/salesforce-export.js';
import { perSecond } from './measure.js';
import { printTable } from './report-table.js';
import { freshServerDatabase } from './server-database.js';

const ACCOUNTS = 1000;
const MAPPING_FILE = 'imports/salesforce-mapping.example.yaml';

export interface ImportBench {
  engine: string;
  rows: number;
  importMs: number;
  floorMs: number;
  /** Resident set size (MB) before the import and its peak during it (sampled every 20 ms). */
  rssBeforeMb: number;
  rssPeakMb: number;
}

async function writeLines(file: string, lines: Iterable<string>) {
  await writeFile(
    file,
    Readable.from(
      (function* () {
        for (const line of lines) yield `${line}\n`;
      })(),
    ),
  );
}

/** Samples the RSS while `run` runs; answers the peak in MB. */
async function peakRss<T>(run: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await run();
    return { value, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

/** The last event, outbox and history ids before the import: what it writes comes after. */
async function idWatermark(db: Kysely<Database>) {
  const { rows } = await sql<{ events: string; outbox: string; history: string }>`select
    (select coalesce(max(id), 0) from events)::text as events,
    (select coalesce(max(id), 0) from outbox)::text as outbox,
    (select coalesce(max(id), 0) from opportunity_stage_changes)::text as history`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('bench: no watermark');
  return row;
}

/** The tables the import writes, in the order COPY loads them back (references first), with its rows' filter. */
function floorTables(watermark: Awaited<ReturnType<typeof idWatermark>>) {
  return [
    { table: 'gate_snapshots', where: 'true' },
    { table: 'accounts', where: "external_source = 'salesforce'" },
    { table: 'opportunities', where: "external_source = 'salesforce'" },
    { table: 'opportunity_stage_changes', where: `id > ${watermark.history}` },
    { table: 'events', where: `id > ${watermark.events}` },
    { table: 'outbox', where: `id > ${watermark.outbox}` },
    { table: 'deal_inspections', where: 'true' },
  ];
}

export async function benchImport(rows: number, serverUrl = process.env.DATABASE_URL): Promise<ImportBench> {
  const dir = await mkdtemp(path.join(tmpdir(), 'closepath-bench-import-'));
  const server = serverUrl ? await freshServerDatabase(serverUrl, 'cp_bench_import') : null;
  const dataDir = path.join(dir, 'data');
  const opened = await openApp(server ? { databaseUrl: server.url } : { dataDir });
  try {
    const { context } = opened;
    const accountsFile = path.join(dir, 'Account.csv');
    const opportunitiesFile = path.join(dir, 'Opportunity.csv');
    await writeFile(accountsFile, accountsCsv(ACCOUNTS));
    await writeLines(opportunitiesFile, opportunityLines(rows, ACCOUNTS));
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
    const mapping = parseImportMapping(await readFile(MAPPING_FILE, 'utf8'), MAPPING_FILE, context.playbook);
    if (!mapping.ok) throw new Error(JSON.stringify(mapping.error));

    const watermark = await idWatermark(context.db);
    const rssBeforeMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    const started = performance.now();
    const { value: result, peakMb } = await peakRss(() =>
      importSalesforce(context, systemActor('bench'), {
        accounts: createReadStream(accountsFile),
        opportunities: createReadStream(opportunitiesFile),
        mapping: mapping.value,
        mode: 'all_or_nothing',
        rowsTotal: ACCOUNTS + rows,
      }),
    );
    const importMs = performance.now() - started;
    if (!result.ok || result.value.status !== 'succeeded') throw new Error(JSON.stringify(result));

    // The floor: every row the import wrote, into the same tables by COPY FROM, server-side (PGlite sees its
    // data directory as /pglite/data; a local server reads the temporary directory). Decision 024 §4: the
    // import writes a history row, an audit event and an outbox row per record and a stored inspection per
    // deal, so the floor copies those too — the minimum cost of writing the same rows, not of a subset.
    const copyDir = server ? dir : dataDir;
    const serverPath = (name: string) => (server ? path.join(dir, name) : `/pglite/data/${name}`);
    if (server) await chmod(copyDir, 0o777);
    const written = floorTables(watermark);
    for (const { table, where } of written) {
      await sql
        .raw(
          `copy (select * from ${table} where ${where}) to '${serverPath(`${table}.csv`)}' with (format csv)`,
        )
        .execute(context.db);
    }
    await sql.raw(`truncate ${written.map(({ table }) => table).join(', ')} cascade`).execute(context.db);
    const floorStarted = performance.now();
    await context.db.transaction().execute(async (trx) => {
      for (const { table } of written) {
        await sql.raw(`copy ${table} from '${serverPath(`${table}.csv`)}' with (format csv)`).execute(trx);
      }
    });
    const floorMs = performance.now() - floorStarted;
    const copied = await context.db
      .selectFrom('opportunities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(copied.n) !== rows) throw new Error(`bench: the floor loaded ${copied.n} deals, not ${rows}`);
    return {
      engine: opened.engine,
      rows: ACCOUNTS + rows,
      importMs,
      floorMs,
      rssBeforeMb,
      rssPeakMb: peakMb,
    };
  } finally {
    await opened.close();
    await server?.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const run = await benchImport(Number(process.argv[2] ?? 100_000));
  const ours = perSecond(run.rows, run.importMs);
  const floor = perSecond(run.rows, run.floorMs);
  printTable(
    [`${run.engine}`, 'rows', 'seconds', 'rows/s'],
    [
      [
        'import salesforce (all or nothing)',
        String(run.rows),
        (run.importMs / 1000).toFixed(1),
        String(ours),
      ],
      [
        'floor: COPY FROM of every row it wrote (deals, accounts, history, audit, outbox, inspections)',
        String(run.rows),
        (run.floorMs / 1000).toFixed(1),
        String(floor),
      ],
      ['import / floor', '', '', `${Math.round((ours / floor) * 100)}%`],
      ['RSS (MB): before import → peak during it', '', '', `${run.rssBeforeMb} → ${run.rssPeakMb}`],
    ],
  );
}
