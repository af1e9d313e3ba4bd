import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actor, admin, buildUser, testContext } from '../../../test/support/factories.js';
import {
  accountsCsv,
  OWNER_EMAILS,
  opportunitiesCsv,
  opportunityId,
  opportunityLines,
} from '../../../test/support/salesforce-export.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { listOpportunityEvents } from '../../db/repositories/events-repo.js';
import { insertImportRun } from '../../db/repositories/import-runs-repo.js';
import type { ImportMode } from '../../db/schema-imports.js';
import type { ImportMapping } from '../../domain/imports/import-mapping.js';
import { importSalesforce } from './import-salesforce.js';
import { parseImportMapping } from './load-import-mapping.js';
import { getImportRun } from './start-import.js';

const EXAMPLE = 'imports/salesforce-mapping.example.yaml';

let database: TestDatabase;
let mapping: ImportMapping;
// The database is opened in beforeAll; the context is built now and pointed at it then.
const { context } = testContext(undefined as never);

beforeAll(async () => {
  database = await createTestDatabase();
  context.db = database.db;
  for (const email of OWNER_EMAILS) await buildUser(database.db, { email, role: 'ae' });
  const parsed = parseImportMapping(await readFile(EXAMPLE, 'utf8'), EXAMPLE, context.playbook);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  mapping = parsed.value;
});
afterAll(() => database.close());

async function counts() {
  const [accounts, deals, history] = await Promise.all([
    database.db
      .selectFrom('accounts')
      .where('external_source', '=', 'salesforce')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    database.db
      .selectFrom('opportunities')
      .where('external_source', '=', 'salesforce')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    database.db
      .selectFrom('events')
      .where('action', 'like', '%.imported')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { accounts: Number(accounts.n), deals: Number(deals.n), events: Number(history.n) };
}

const run = (mode: ImportMode, opportunities: string, accounts = accountsCsv(20)) =>
  importSalesforce(context, admin(), {
    accounts: Readable.from([accounts]),
    opportunities: Readable.from([opportunities]),
    mapping,
    mode,
    rowsTotal: 0,
  });

describe('the mapping file', () => {
  it('names the path and reason of a stage the playbook lacks', () => {
    const parsed = parseImportMapping(
      'stages:\n  new_business:\n    Prospecting: nowhere\ncurrencies: { default: USD }\n',
      'm.yaml',
      context.playbook,
    );
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toEqual([
      expect.objectContaining({
        file: 'm.yaml',
        path: 'stages.new_business.Prospecting',
        message: expect.stringContaining('unknown stage'),
      }),
    ]);
  });

  it('refuses an unknown currency at its path', () => {
    const parsed = parseImportMapping(
      'stages: {}\ncurrencies: { default: XYZ }\n',
      'm.yaml',
      context.playbook,
    );
    expect(!parsed.ok && parsed.error.map((problem) => problem.path)).toEqual(['currencies.default']);
  });
});

describe('a Salesforce import with 1% bad rows', () => {
  const file = opportunitiesCsv(600, 20, { badEvery: 100 });

  it('the generated file has six bad rows', () => {
    expect(file.bad).toHaveLength(6);
  });

  it('a dry run finds every bad line and field, and writes nothing', async () => {
    const result = await run('dry_run', file.csv);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.errors.map(({ file: name, line, field }) => ({ name, line, field }))).toEqual(
      file.bad.map((bad) => ({ name: 'Opportunity.csv', ...bad })),
    );
    expect(result.value).toMatchObject({ rejected: 6, created: 614, rowsDone: 620, status: 'succeeded' });
    expect(await counts()).toEqual({ accounts: 0, deals: 0, events: 0 });
  });

  it('all or nothing: any bad row and nothing is imported', async () => {
    const result = await run('all_or_nothing', file.csv);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ status: 'failed', rejected: 6, created: 0, updated: 0 });
    expect(result.value.errors.map((error) => error.line)).toEqual(file.bad.map((bad) => bad.line));
    expect(await counts()).toEqual({ accounts: 0, deals: 0, events: 0 });
  });

  it("shows every mode's progress while it runs (all or nothing from memory, its transaction unseen)", async () => {
    // One bad row in the last batch: the all-or-nothing run is rolled back, so nothing here stays written.
    const big = opportunitiesCsv(2500, 20, { badEvery: 2400 });
    for (const mode of ['dry_run', 'all_or_nothing'] as const) {
      const id = `imp_progress_${mode}`;
      await insertImportRun(database.db, {
        id,
        kind: 'salesforce',
        source: 'salesforce',
        mode,
        status: 'queued',
        rowsTotal: 2520,
        startedAt: new Date(),
        byUser: 'system:test',
      });
      const seen: Array<Promise<unknown>> = [];
      const result = await importSalesforce(
        context,
        admin(),
        {
          accounts: Readable.from([accountsCsv(20)]),
          opportunities: Readable.from([big.csv]),
          mapping,
          mode,
          rowsTotal: 2520,
          runId: id,
        },
        // Read the run as a poller would, as each batch is done (before it is counted).
        () => seen.push(getImportRun(context, admin(), id)),
      );
      if (!result.ok) throw new Error(result.error.message);
      const done = (await Promise.all(seen)).map(
        (read) => (read as { value: { rowsDone: number } }).value.rowsDone,
      );
      expect(
        done.some((rows) => rows > 0 && rows < 2520),
        `${mode}: ${done.join(', ')}`,
      ).toBe(true);
      expect(result.value.status).toBe(mode === 'dry_run' ? 'succeeded' : 'failed');
    }
    expect(await counts()).toEqual({ accounts: 0, deals: 0, events: 0 });
  }, 120_000);

  it('good rows only imports the rest; a re-import updates instead of duplicating', async () => {
    const first = await run('good_rows_only', file.csv);
    expect(first.ok && first.value).toMatchObject({ status: 'succeeded', created: 614, rejected: 6 });
    expect(await counts()).toEqual({ accounts: 20, deals: 594, events: 614 });

    const changed = opportunitiesCsv(600, 20, { badEvery: 100, amountOf: (index) => `${2000 + index}` });
    const again = await run('good_rows_only', changed.csv);
    expect(again.ok && again.value).toMatchObject({ created: 0, updated: 614, rejected: 6 });
    expect((await counts()).deals).toBe(594);
    const deal = await database.db
      .selectFrom('opportunities')
      .selectAll()
      .where('external_id', '=', opportunityId(3))
      .executeTakeFirstOrThrow();
    expect(deal).toMatchObject({ amount_minor: 200_300, version: 2, stage: 'propose' });
  });

  it("an imported deal's history says it was imported, with what it lacks for its stage", async () => {
    const deal = await database.db
      .selectFrom('opportunities')
      .select(['id', 'probability'])
      .where('external_id', '=', opportunityId(3))
      .executeTakeFirstOrThrow();
    const [change] = await database.db
      .selectFrom('opportunity_stage_changes')
      .selectAll()
      .where('opportunity_id', '=', deal.id)
      .execute();
    expect(change).toMatchObject({ kind: 'imported', from_stage: null, to_stage: 'propose' });
    const [event] = await listOpportunityEvents(database.db, deal.id, { limit: 10 });
    const gate = event?.gate as { kind: string; reason: string; checks: Array<{ met: boolean }> };
    expect(event?.action).toBe('opportunity.imported');
    expect(gate).toMatchObject({ kind: 'imported', reason: 'imported from salesforce', to: 'propose' });
    expect(gate.checks.some((check) => !check.met)).toBe(true);
    // Probability is the stage's, never the file's 10.
    expect(deal.probability).not.toBe(10);
  });

  it('keeps each distinct gate snapshot once, shared by the deals that have it', async () => {
    const [kept, events] = await Promise.all([
      database.db
        .selectFrom('gate_snapshots')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      database.db
        .selectFrom('events')
        .where('action', '=', 'opportunity.imported')
        .where('gate_snapshot_id', 'is not', null)
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.count<number>('gate_snapshot_id').distinct().as('distinct'),
        ])
        .executeTakeFirstOrThrow(),
    ]);
    // 594 deals imported twice: one snapshot each time (the re-import kept the stage, so only the first).
    expect(Number(events.n)).toBe(594);
    expect(Number(events.distinct)).toBe(Number(kept.n));
    expect(Number(kept.n)).toBeLessThan(20);
  });

  it('only RevOps admins import', async () => {
    const result = await importSalesforce(context, actor('user_ae'), {
      opportunities: Readable.from(['Id\n']),
      mapping,
      mode: 'dry_run',
      rowsTotal: 0,
    });
    expect(!result.ok && result.error.code).toBe('forbidden');
  });
});

describe('a run longer than one batch', () => {
  const lines = [...opportunityLines(2100, 20)];
  const dealCount = async (externalId: string) =>
    Number(
      (
        await database.db
          .selectFrom('opportunities')
          .where('external_id', '=', externalId)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('a deal named in two batches is created by the first and updated by the second', async () => {
    const again = (lines[1501] as string).replace('2500.50', '777.00');
    const result = await run('all_or_nothing', `${[...lines, again].join('\n')}\n`);
    expect(result.ok && result.value).toMatchObject({ status: 'succeeded', rejected: 0 });
    expect(await dealCount(opportunityId(1500))).toBe(1);
    const deal = await database.db
      .selectFrom('opportunities')
      .select(['id', 'amount_minor', 'version'])
      .where('external_id', '=', opportunityId(1500))
      .executeTakeFirstOrThrow();
    expect(deal).toMatchObject({ amount_minor: 77_700, version: 2 });
    const history = await listOpportunityEvents(database.db, deal.id, { limit: 10 });
    expect(history.map((event) => (event.after as { updated: boolean }).updated)).toEqual([false, true]);
  });

  it('a file that stops being CSV in its second batch imports nothing of it', async () => {
    const fresh = [...opportunityLines(2100, 20)].map((line) => line.replace(/^006/, '007'));
    const result = await run('all_or_nothing', `${fresh.join('\n')}\n"007broken,unclosed\n`);
    expect(result.ok && result.value.status).toBe('failed');
    expect(result.ok && result.value.errors[0]?.message).toContain('not readable as CSV');
    expect(await dealCount(fresh[1]?.slice(0, 15) as string)).toBe(0);
  });
});
