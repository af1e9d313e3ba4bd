import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/app/access/actors.js';
import { loadPlaybookVersion } from '../../src/app/playbook/load-playbook-version.js';
import { saveAttestation } from '../../src/db/repositories/qualification-repo.js';
import { findPipeline, findStage } from '../../src/domain/playbook/lookup.js';
import { type ApiClient, buildTestServer, signIn } from '../support/api-client.js';
import { buildAccount, buildOpportunity, buildUser, T0, testContext } from '../support/factories.js';
import { parsed, withoutPropose } from '../support/playbook-candidates.js';
import { firebolt } from '../support/playbook-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let app: FastifyInstance;
let revops: ApiClient;
let ae: ApiClient;
let clock: ReturnType<typeof testContext>;
const dealIds: string[] = [];
const loader = systemActor('test-loader');
const playbook = firebolt();
const stageOf = (key: string) => {
  const stage = findStage(findPipeline(playbook, 'new_business') as never, key);
  if (!stage) throw new Error(key);
  return stage;
};
const MAPPINGS = {
  stages: { new_business: { propose: 'negotiate' } },
  criteria: { nb_draft_proposal_accepted: null },
};

beforeAll(async () => {
  database = await createTestDatabase();
  clock = testContext(database.db);
  const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
  const account = await buildAccount(database.db, { ownerId: owner.id });
  const propose = stageOf('propose');
  for (let index = 0; index < 12; index++) {
    const deal = await buildOpportunity(clock.context, { ownerId: owner.id, accountId: account.id });
    dealIds.push(deal.id);
  }
  // Put the deals in Propose (fixture setup), one with an attestation of a Propose criterion.
  await database.db
    .updateTable('opportunities')
    .set({ stage: 'propose', probability: propose.probability, forecast_category: propose.forecastCategory })
    .execute();
  await saveAttestation(database.db, dealIds[0] as string, {
    criterion: 'nb_draft_proposal_accepted',
    attestedBy: owner.id,
    attestedAt: T0,
    note: 'Accepted by email',
    evidenceUrl: null,
  });
  app = await buildTestServer(clock.context);
  await app.ready();
  revops = await signIn(app, await buildUser(database.db, { role: 'revops_admin', region: null }));
  ae = await signIn(app, owner);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const versionCount = async () =>
  Number(
    (
      await database.db
        .selectFrom('playbook_versions')
        .select(sql<string>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('playbook versions against live data', () => {
  it('stores the first playbook as version 1, and an unchanged one makes no new version', async () => {
    const first = await loadPlaybookVersion(clock.context, loader, playbook);
    expect(first.ok && [first.value.created, first.value.version.number]).toEqual([true, 1]);
    const again = await loadPlaybookVersion(clock.context, loader, firebolt());
    expect(again.ok && [again.value.created, again.value.version.number]).toEqual([false, 1]);
    expect(await versionCount()).toBe(1);
  });

  it('refuses a version without a stage deals are in, with counts, and changes nothing', async () => {
    const refused = await loadPlaybookVersion(clock.context, loader, parsed(withoutPropose()));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.inForce).toEqual({ number: 1, playbookId: playbook.id });
    expect(
      refused.error.problems.map((problem) => [problem.kind, problem.key, problem.count, problem.message]),
    ).toEqual([
      [
        'stage',
        'propose',
        12,
        'stage `propose` of pipeline `new_business` is removed but 12 opportunities are in it; map it with `mappings.stages.new_business`',
      ],
      [
        'criterion',
        'nb_draft_proposal_accepted',
        1,
        'criterion `nb_draft_proposal_accepted` of pipeline `new_business` is removed but 1 attestations record it; map it with `mappings.criteria`',
      ],
    ]);
    expect(await versionCount()).toBe(1);
    const stages = await database.db.selectFrom('opportunities').select('stage').distinct().execute();
    expect(stages).toEqual([{ stage: 'propose' }]);
  });

  it('previews the change over HTTP for RevOps: the diff, the refusal with counts, the deals that fall short', async () => {
    const preview = await revops.call('POST', '/api/v1/playbook/preview', { source: withoutPropose() });
    expect(preview.status).toBe(200);
    expect(preview.body.inForce).toMatchObject({ number: 1, playbookId: playbook.id });
    expect(preview.body.diff.stages).toEqual([
      { pipeline: 'new_business', key: 'propose', name: stageOf('propose').name, change: 'removed' },
    ]);
    expect(preview.body.check).toMatchObject({
      accepted: false,
      problems: [
        { kind: 'stage', key: 'propose', count: 12 },
        { kind: 'criterion', key: 'nb_draft_proposal_accepted', count: 1 },
      ],
    });

    const mapped = await revops.call('POST', '/api/v1/playbook/preview', {
      source: withoutPropose(MAPPINGS),
    });
    expect(mapped.body.diff.stages).toEqual([
      expect.objectContaining({ key: 'propose', change: 'mapped', mappedTo: 'negotiate' }),
    ]);
    expect(mapped.body.check.accepted).toBe(true);
    expect(mapped.body.check.plan.summary).toEqual({
      dealsMoved: 12,
      dealsReprobabilised: 0,
      recordsRenamed: 0,
      recordsRetired: 1,
    });
    // In Negotiate, the deals owe what leaving Propose needed: each of the 12 falls short, with the reasons.
    expect(mapped.body.unmet).toMatchObject({ checked: 12, total: 12, truncated: false });
    expect(mapped.body.unmet.deals).toHaveLength(12);
    expect(mapped.body.unmet.deals[0].missing.length).toBeGreaterThan(0);
    expect(await versionCount()).toBe(1);
  });

  it('answers 400 with the line and column of a YAML error, and the path of a bad field', async () => {
    const syntax = await revops.call('POST', '/api/v1/playbook/preview', {
      source: 'id: x\nname: [unclosed\n',
    });
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors[0].path).toBe('body.source');
    expect(syntax.body.errors[0].message).toMatch(/line \d+, column \d+/);
    const field = await revops.call('POST', '/api/v1/playbook/preview', {
      source: withoutPropose().replace('probability: 10', 'probability: 1000'),
    });
    expect(field.status).toBe(400);
    expect(field.body.errors).toContainEqual(
      expect.objectContaining({
        path: expect.stringMatching(/^body\.source\.pipelines\[0\]\.stages\[\d+\]\.probability$/),
      }),
    );
  });

  it('with a mapping, moves the deals to the mapped stage with its probability, audited per deal and per version', async () => {
    const loaded = await loadPlaybookVersion(clock.context, loader, parsed(withoutPropose(MAPPINGS)));
    expect(loaded.ok && [loaded.value.created, loaded.value.version.number]).toEqual([true, 2]);
    const negotiate = stageOf('negotiate');
    const deals = await database.db
      .selectFrom('opportunities')
      .select(['stage', 'probability', 'version'])
      .execute();
    expect(new Set(deals.map((deal) => JSON.stringify(deal)))).toEqual(
      new Set([JSON.stringify({ stage: 'negotiate', probability: negotiate.probability, version: 2 })]),
    );
    const attestations = await database.db.selectFrom('opportunity_attestations').selectAll().execute();
    expect(attestations).toEqual([]);
    const events = await database.db
      .selectFrom('events')
      .select(['action', 'entity_type', 'opportunity_id', 'before', 'after'])
      .where('action', 'in', ['opportunity.playbook_mapped', 'playbook.version_loaded'])
      .execute();
    const perDeal = events.filter((event) => event.action === 'opportunity.playbook_mapped');
    expect(perDeal.map((event) => event.opportunity_id).sort()).toEqual([...dealIds].sort());
    expect(perDeal[0]).toMatchObject({
      before: { stage: 'propose', playbookVersion: 1 },
      after: { stage: 'negotiate', probability: negotiate.probability, playbookVersion: 2 },
    });
    expect(events.filter((event) => event.action === 'playbook.version_loaded').slice(1)).toEqual([
      expect.objectContaining({
        entity_type: 'playbook',
        after: expect.objectContaining({
          number: 2,
          mappings: MAPPINGS,
          summary: { dealsMoved: 12, dealsReprobabilised: 0, recordsRenamed: 0, recordsRetired: 1 },
        }),
      }),
    ]);
    const again = await loadPlaybookVersion(clock.context, loader, parsed(withoutPropose(MAPPINGS)));
    expect(again.ok && again.value.created).toBe(false);
  });

  it('lists the versions for RevOps, newest first; other roles are refused and told so', async () => {
    const versions = await revops.call('GET', '/api/v1/playbook/versions');
    expect(versions.status).toBe(200);
    expect(
      versions.body.items.map((item: { number: number; inForce: boolean }) => [item.number, item.inForce]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions.body.items[0]).toMatchObject({ loadedBy: 'system:test-loader', mappings: MAPPINGS });
    expect((await ae.call('GET', '/api/v1/playbook/versions')).status).toBe(403);
    expect((await ae.call('POST', '/api/v1/playbook/preview', { source: withoutPropose() })).status).toBe(
      403,
    );
    const me = await ae.call('GET', '/api/v1/auth/me');
    expect(me.body.permissions.managePlaybook).toEqual({ allowed: false, who: 'Who may: RevOps admin.' });
  });
});
