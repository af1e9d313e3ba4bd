import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/support/factories.js';
import { countOpenDeals, expectStoredMatchesFresh } from '../../../test/support/stored-inspection.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { toContract } from '../../db/repositories/contracts-repo.js';
import { activeCommitContract, previousCommitContract } from '../../domain/contract/contract.js';
import { checkRenewalUplift } from '../../domain/contract/renewal-uplift.js';
import type { GateSnapshot } from '../../domain/gates/gate-snapshot.js';
import { systemActor } from '../access/actors.js';
import { getForecast } from '../forecast/get-forecast.js';
import { listForecastChanges } from '../forecast-changes/list-forecast-changes.js';
import { atRiskQuery, listDealsAtRisk } from '../inspection/list-deals-at-risk.js';
import { seedDemo } from './seed-demo.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the demo data set', { timeout: 120_000 }, () => {
  it('covers every region, type and stage, and every move passed its gate', async () => {
    const { context } = testContext(database.db);
    const progress: number[] = [];
    const summary = await seedDemo(context, {
      anchor: new Date('2026-11-26T12:00:00Z'),
      onProgress: (done) => progress.push(done),
    });
    expect(summary.accounts).toBeGreaterThanOrEqual(40);
    expect(summary.opportunities).toBeGreaterThanOrEqual(150);
    expect(progress.at(-1)).toBe(summary.opportunities);

    const accounts = await database.db.selectFrom('accounts').select(['country']).execute();
    expect(new Set(accounts.map((account) => account.country)).size).toBeGreaterThanOrEqual(25);

    const deals = await database.db
      .selectFrom('opportunities')
      .select(['type', 'pipeline', 'stage'])
      .execute();
    expect(new Set(deals.map((deal) => deal.type))).toEqual(
      new Set(['new_business', 'upsell', 'renewal', 'expansion']),
    );
    for (const pipeline of context.playbook.pipelines) {
      const seen = new Set(deals.filter((deal) => deal.pipeline === pipeline.key).map((deal) => deal.stage));
      expect([...seen].sort()).toEqual(pipeline.stages.map((stage) => stage.key).sort());
    }

    const moves = await database.db
      .selectFrom('events')
      .select(['gate'])
      .where('action', '=', 'opportunity.stage_changed')
      .execute();
    const gates = moves.map((move) => move.gate as unknown as GateSnapshot);
    const forward = gates.filter((gate) => gate.kind === 'advance' || gate.kind === 'close_won');
    expect(forward.every((gate) => gate.override !== null || gate.checks.every((check) => check.met))).toBe(
      true,
    );
    expect(gates.some((gate) => gate.override !== null)).toBe(true);
    expect(gates.some((gate) => gate.kind === 'regress' && gate.reason)).toBe(true);
    expect(gates.some((gate) => gate.kind === 'close_lost' && gate.lossReason)).toBe(true);
  });

  it('gives every customer account a commit contract its renewals are priced against, one of each mistyped', async () => {
    const { context } = testContext(database.db);
    const contracts = (await database.db.selectFrom('contracts').selectAll().execute()).map(toContract);
    const deals = await database.db
      .selectFrom('opportunities')
      .select(['id', 'account_id', 'type', 'amount_minor', 'currency', 'closed_at', 'created_at'])
      .execute();
    const contractsOf = (accountId: string) => contracts.filter((entry) => entry.accountId === accountId);
    const customerDeals = deals.filter((deal) => deal.type !== 'new_business');
    expect(customerDeals.length).toBeGreaterThan(30);
    for (const deal of customerDeals) {
      expect(activeCommitContract(contractsOf(deal.account_id), '2026-11-26'), deal.id).not.toBeNull();
    }
    const verdicts = customerDeals.flatMap((deal) => {
      const verdict = checkRenewalUplift(
        context.playbook,
        { type: deal.type, amountMinor: deal.amount_minor, currency: deal.currency },
        previousCommitContract(contractsOf(deal.account_id), deal.id, deal.created_at),
      );
      return verdict ? [{ type: deal.type, open: deal.closed_at === null, ...verdict }] : [];
    });
    expect(verdicts.length).toBeGreaterThan(20);
    expect(verdicts.filter((verdict) => verdict.fits !== true)).toEqual([
      expect.objectContaining({ type: 'renewal', open: true, fits: false, upliftPct: 35 }),
      expect.objectContaining({ type: 'expansion', open: true, fits: false, upliftPct: 5 }),
    ]);
  });

  it('gives a manager a short at-risk list, each deal with the one thing to fix first', async () => {
    const { context } = testContext(database.db, new Date('2026-11-26T12:00:00Z'));
    const result = await listDealsAtRisk(context, systemActor('test'), atRiskQuery.parse({ limit: 200 }));
    if (!result.ok) throw new Error(result.error.message);
    const { totals, items } = result.value;
    const scanned = await countOpenDeals(database.db);
    expect(scanned).toBeGreaterThan(80);
    // A well-run pipeline is not mostly red: the demo's stalls, silences and gaps make a short list.
    expect(totals.deals / scanned).toBeLessThan(0.25);
    expect(totals.deals).toBeGreaterThan(5);
    expect(items.every((item) => item.inspection.fixFirst !== null)).toBe(true);
    const causes = new Set(items.map((item) => item.inspection.fixFirst?.cause));
    expect([...causes]).toEqual(expect.arrayContaining(['stalled', 'no_recent_activity']));
  });

  it('gives the forecast pages something to show: quotas, calls, and a week of changes between two snapshots', async () => {
    const { context } = testContext(database.db);
    const admin = systemActor('test');
    const forecast = await getForecast(context, admin, {
      period: 'quarter',
      from: '2026-11-26',
      to: '2026-11-26',
    });
    if (!forecast.ok) throw new Error(forecast.error.message);
    expect(forecast.value.company.periods[0]?.figures.quotaMinor).not.toBeNull();
    expect(forecast.value.company.periods[0]?.calls.called).toBeGreaterThan(0);
    const changes = await listForecastChanges(context, admin, {
      from: '2026-11-19',
      to: '2026-11-26',
      period: '2027',
    });
    if (!changes.ok) throw new Error(changes.error.message);
    const kinds = new Set(changes.value.changes.map((change) => change.kind));
    for (const kind of ['pushed', 'pulled_in', 'amount_up', 'amount_down'] as const)
      expect(kinds).toContain(kind);
  });

  it('records the new contract of every won deal from its closing evidence, Renewals and Expansions included', async () => {
    const won = await database.db
      .selectFrom('opportunities')
      .leftJoin('contracts', 'contracts.opportunity_id', 'opportunities.id')
      .select([
        'opportunities.type',
        'opportunities.account_id',
        'contracts.id as contractId',
        'contracts.account_id as on',
      ])
      .where('opportunities.stage', '=', 'closed_won')
      .execute();
    expect(new Set(won.map((deal) => deal.type))).toEqual(
      new Set(['new_business', 'upsell', 'renewal', 'expansion']),
    );
    for (const deal of won)
      expect(deal).toMatchObject({ contractId: expect.any(String), on: deal.account_id });
  });

  it('refuses to seed a database that already has users', async () => {
    const { context } = testContext(database.db);
    await expect(seedDemo(context, { anchor: new Date() })).rejects.toThrow(/already has users/);
  });

  it('ends with every open deal stored as a fresh inspection gives it on the anchor day', async () => {
    const { context } = testContext(database.db, new Date('2026-11-26T12:00:00Z'));
    const open = await database.db
      .selectFrom('opportunities')
      .select('id')
      .where('closed_at', 'is', null)
      .execute();
    expect(open.length).toBeGreaterThan(50);
    for (const { id } of open) await expectStoredMatchesFresh(context, id);
  });
});
