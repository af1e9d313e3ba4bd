import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playbook } from '../../src/domain/playbook/playbook.js';
import { type ApiClient, signIn } from '../support/api-client.js';
import {
  buildAccount,
  buildContact,
  buildOpportunity,
  buildUser,
  testContext,
} from '../support/factories.js';
import { firebolt, northwind } from '../support/playbook-fixtures.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

/** What the walk needs to know of a playbook: its keys and words, never assumed to be Firebolt's. */
interface PocSpec {
  name: string;
  playbook: () => Playbook;
  deal: { type: string; source: string; currency: string };
  /** The stage a plan can first be made at, and the stage where the POC runs. */
  fromStage: string;
  pocStage: string;
  sessionNames: string[];
  repeatable: string;
  once: string;
  groups: string[];
  /** The exit criteria the plan's sign-off and its results feed. */
  signedCriterion: string;
  resultsCriteria: string[];
  /** Still missing once the POC succeeded, until the readout is recorded; null: no criterion reads it. */
  readoutCriterion: string | null;
  milestone: string;
  laterMilestone: string | null;
}

const SPECS: PocSpec[] = [
  {
    name: "Firebolt's playbook",
    playbook: firebolt,
    deal: { type: 'new_business', source: 'ae', currency: 'USD' },
    fromStage: 'discover',
    pocStage: 'poc',
    sessionNames: [
      'Getting Started',
      'Discovery',
      'Hands-On Working Sessions',
      'POC Validation',
      'Migration Planning',
    ],
    repeatable: 'hands_on',
    once: 'validation',
    groups: ['technical', 'business', 'relationship'],
    signedCriterion: 'nb_mutual_poc_plan_signed',
    resultsCriteria: ['nb_poc_results_meet_criteria', 'nb_poc_readout', 'nb_poc_concluded'],
    readoutCriterion: 'nb_poc_readout',
    milestone: 'tech_win',
    laterMilestone: 'business_win',
  },
  {
    name: "Northwind's playbook",
    playbook: northwind,
    deal: { type: 'first_cell', source: 'field_sales', currency: 'EUR' },
    fromStage: 'qualified_to_buy',
    pocStage: 'presentation_scheduled',
    sessionNames: ['Line Audit', 'Cell Trial', 'Results Review'],
    repeatable: 'cell_trial',
    once: 'results_review',
    groups: ['throughput', 'safety'],
    signedCriterion: 'pilot_signed',
    resultsCriteria: ['pilot_passed'],
    // No `resultsSession` in the file: the last session (Results Review) is where the results are presented.
    readoutCriterion: null,
    milestone: 'pilot_accepted',
    laterMilestone: null,
  },
];

describe.each(SPECS)('the POC method over HTTP on $name, driving the gate', (spec) => {
  let api: TestApi;
  let ae: ApiClient;
  let rvp: ApiClient;
  let owned: { contact: { id: string }; deal: { id: string } };

  beforeAll(async () => {
    const playbook = spec.playbook();
    api = await openTestApi({ playbook });
    const db = api.database.db;
    const rvpUser = await buildUser(db, { role: 'rvp', region: 'emea' });
    const aeUser = await buildUser(db, { role: 'ae', region: 'emea', managerId: rvpUser.id });
    rvp = await signIn(api.app, rvpUser);
    ae = await signIn(api.app, aeUser);
    const account = await buildAccount(db, { ownerId: aeUser.id, name: 'Acct poc' });
    const contact = await buildContact(db, account.id);
    const { context } = testContext(db, undefined, playbook);
    const deal = await buildOpportunity(context, { ownerId: aeUser.id, accountId: account.id, ...spec.deal });
    owned = { contact, deal };
  });
  afterAll(() => api.close());

  const url = (suffix = '') => `/api/v1/opportunities/${owned.deal.id}${suffix}`;
  type Missing = { key: string; message: string };
  async function missingForNextStage(): Promise<string[]> {
    const view = await ae.call('GET', url());
    return (view.body.nextStage.missing as Missing[]).map((entry) => entry.key);
  }
  const force = (to: string) =>
    rvp.call('POST', url('/stage'), { to, override: { justification: 'Test set-up' } });

  it('refuses a plan before its first stage and a milestone before its stage', async () => {
    const early = await ae.call('POST', url('/poc'));
    expect([early.status, early.body.code]).toEqual([409, 'conflict']);
    expect((await ae.call('GET', url('/poc'))).status).toBe(404);
    const milestone = await ae.call('PUT', url(`/milestones/${spec.milestone}`), {});
    expect(milestone.status).toBe(409);
  });

  it("creates the plan from the playbook's template, once, and the sign-off criterion follows it", async () => {
    expect((await force(spec.fromStage)).status).toBe(200);
    expect(await missingForNextStage()).toContain(spec.signedCriterion);
    const created = await ae.call('POST', url('/poc'));
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe(`"v${created.body.opportunityVersion}"`);
    expect(created.body.plan.sessions.map((s: { name: string }) => s.name)).toEqual(spec.sessionNames);
    const groups = created.body.plan.criteria.map((c: { group: string }) => c.group);
    expect([...new Set(groups)]).toEqual(spec.groups);
    const template = spec.playbook().inspection.poc;
    const criteria = template?.successCriteria.reduce((sum, group) => sum + group.criteria.length, 0);
    expect(created.body.plan.criteria).toHaveLength(criteria ?? -1);
    expect(created.body.assessment.status).toBe('planned');
    expect((await ae.call('POST', url('/poc'))).status).toBe(409);

    const foreign = await ae.call('PUT', url('/poc/sign-off'), {
      contactId: 'contact_nope',
      evidenceUrl: 'https://docs.example.com/plan',
    });
    expect(foreign.status).toBe(400);
    const signed = await ae.call('PUT', url('/poc/sign-off'), {
      contactId: owned.contact.id,
      evidenceUrl: 'https://docs.example.com/plan',
    });
    expect(signed.status).toBe(200);
    expect(signed.body.assessment.planSignedOff).toBe(true);
    expect(await missingForNextStage()).not.toContain(spec.signedCriterion);
  });

  it('blocks leaving the POC until the results meet the criteria and the readout is held', async () => {
    expect((await force(spec.pocStage)).status).toBe(200);
    const before = await missingForNextStage();
    expect(before).toEqual(expect.arrayContaining(spec.resultsCriteria));

    let plan = (await ae.call('GET', url('/poc'))).body.plan;
    const added = await ae.call('POST', url('/poc/sessions'), { templateKey: spec.repeatable });
    expect(added.status).toBe(201);
    expect(
      added.body.plan.sessions.filter((s: { templateKey: string }) => s.templateKey === spec.repeatable),
    ).toHaveLength(2);
    expect((await ae.call('POST', url('/poc/sessions'), { templateKey: spec.once })).status).toBe(409);
    plan = added.body.plan;
    for (const session of plan.sessions) {
      const held = await ae.call('PATCH', url(`/poc/sessions/${session.id}`), {
        scheduledAt: '2026-11-05T15:00:00Z',
        attendees: [{ name: 'Ana Lima', email: 'ana@example.com' }],
        status: 'completed',
      });
      expect(held.status).toBe(200);
    }
    const { currency } = spec.deal;
    const slower = await ae.call('POST', url('/poc/benchmarks'), {
      workload: 'Dashboard p95',
      baselineLatencyMs: 900,
      ourLatencyMs: 1200,
      baselineCostMinor: 500,
      ourCostMinor: 200,
      currency,
    });
    expect(slower.status).toBe(201);
    expect(slower.body.assessment.status).toBe('challenged');
    expect(slower.body.assessment.reasons).toEqual([
      'Benchmark "Dashboard p95": slower than the baseline (1200 ms vs 900 ms).',
    ]);
    const benchmarkId = slower.body.plan.benchmarks[0].id;
    for (const criterion of plan.criteria) {
      const met = await ae.call('PATCH', url(`/poc/criteria/${criterion.id}`), {
        target: 'As agreed',
        result: 'Shown on customer data',
        status: 'met',
      });
      expect(met.status).toBe(200);
    }
    const challenged = await ae.call('GET', url());
    const entry = (challenged.body.nextStage.missing as Missing[]).find(
      (item) => item.key === spec.resultsCriteria[0],
    );
    expect(entry?.message).toMatch(/slower than the baseline/);
    expect(entry?.message).not.toMatch(/Firebolt/);

    const faster = await ae.call('PUT', url(`/poc/benchmarks/${benchmarkId}`), {
      workload: 'Dashboard p95',
      baselineLatencyMs: 900,
      ourLatencyMs: 110,
      baselineCostMinor: 500,
      ourCostMinor: 200,
      currency,
    });
    expect(faster.status).toBe(200);
    const tco = await ae.call('PUT', url('/poc/tco'), {
      baselineAnnualMinor: 900_000_00,
      ourAnnualMinor: 400_000_00,
      currency,
    });
    expect(tco.body.plan.tco).toMatchObject({ baselineAnnualMinor: 900_000_00, ourAnnualMinor: 400_000_00 });
    expect(faster.body.assessment.status).toBe('succeeded');
    const succeeded = await missingForNextStage();
    expect(succeeded).not.toContain(spec.resultsCriteria[0]);
    if (spec.readoutCriterion) expect(succeeded).toContain(spec.readoutCriterion);
    const readout = await ae.call('PUT', url('/poc/readout'), { note: 'Presented to the buyer' });
    expect(readout.status).toBe(200);
    const after = await missingForNextStage();
    for (const key of spec.resultsCriteria) expect(after).not.toContain(key);
  });

  it('removes a mistaken benchmark and withdraws the sign-off, and the gate follows both', async () => {
    const wrong = await ae.call('POST', url('/poc/benchmarks'), {
      workload: 'Typo: 10x slower',
      baselineLatencyMs: 100,
      ourLatencyMs: 1000,
      baselineCostMinor: 100,
      ourCostMinor: 100,
      currency: 'USD',
    });
    expect(wrong.body.assessment.status).toBe('challenged');
    const id = wrong.body.plan.benchmarks.at(-1).id;
    const removed = await ae.call('DELETE', url(`/poc/benchmarks/${id}`));
    expect(removed.status).toBe(200);
    expect(removed.body.plan.benchmarks.map((b: { id: string }) => b.id)).not.toContain(id);
    expect(removed.body.assessment.status).toBe('succeeded');
    expect((await ae.call('GET', url('/poc'))).body.plan.benchmarks).toHaveLength(1);
    expect((await ae.call('DELETE', url(`/poc/benchmarks/${id}`))).status).toBe(404);

    const withdrawn = await ae.call('DELETE', url('/poc/sign-off'));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.plan.signOff).toBeNull();
    expect((await ae.call('GET', url('/poc'))).body.assessment.planSignedOff).toBe(false);
    const signed = await ae.call('PUT', url('/poc/sign-off'), {
      contactId: owned.contact.id,
      evidenceUrl: 'https://docs.example.com/plan-v2',
    });
    expect(signed.body.plan.signOff.evidenceUrl).toBe('https://docs.example.com/plan-v2');
  });

  it('records and withdraws a milestone with who and evidence, audited; stale If-Match is 412', async () => {
    const recorded = await ae.call('PUT', url(`/milestones/${spec.milestone}`), {
      evidenceUrl: 'https://docs.example.com/tech-win',
      note: 'Architecture board approved',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.milestone).toMatchObject({ milestone: spec.milestone, recordedBy: ae.user.id });
    const deal = await ae.call('GET', url());
    expect(deal.body.milestones).toEqual([
      expect.objectContaining({
        milestone: spec.milestone,
        evidenceUrl: 'https://docs.example.com/tech-win',
      }),
    ]);
    if (spec.laterMilestone)
      expect((await ae.call('PUT', url(`/milestones/${spec.laterMilestone}`), {})).status).toBe(409);
    expect((await ae.call('PUT', url('/milestones/golden_win'), {})).status).toBe(400);
    const stale = await ae.call('DELETE', url(`/milestones/${spec.milestone}`), undefined, {
      'if-match': '"v1"',
    });
    expect(stale.status).toBe(412);
    expect((await ae.call('DELETE', url(`/milestones/${spec.milestone}`))).status).toBe(204);
    expect((await ae.call('DELETE', url(`/milestones/${spec.milestone}`))).status).toBe(404);
    const events = await api.database.db
      .selectFrom('events')
      .select('action')
      .where('opportunity_id', '=', owned.deal.id)
      .execute();
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'opportunity.poc_plan_created',
        'opportunity.poc_plan_signed_off',
        'opportunity.poc_session_added',
        'opportunity.poc_session_updated',
        'opportunity.poc_benchmark_added',
        'opportunity.poc_benchmark_updated',
        'opportunity.poc_benchmark_removed',
        'opportunity.poc_sign_off_withdrawn',
        'opportunity.poc_criterion_updated',
        'opportunity.poc_tco_set',
        'opportunity.poc_readout_recorded',
        'opportunity.milestone_recorded',
        'opportunity.milestone_withdrawn',
      ]),
    );
  });
});

describe('a deal in a pipeline that does not run the POC method', () => {
  let api: TestApi;
  afterAll(() => api?.close());

  it('is refused a plan with 409, naming the pipelines that run it', async () => {
    // Firebolt's playbook with the POC method moved to the Renewal pipeline only: a New Business deal has none.
    const base = firebolt();
    const poc = base.inspection.poc;
    if (!poc) throw new Error("Firebolt's playbook has a POC method");
    const playbook: Playbook = {
      ...base,
      inspection: { ...base.inspection, poc: { ...poc, pipelines: ['renewal'], availableFromStage: 'open' } },
    };
    api = await openTestApi({ playbook });
    const db = api.database.db;
    const user = await buildUser(db, { role: 'ae', region: 'emea' });
    const ae = await signIn(api.app, user);
    const account = await buildAccount(db, { ownerId: user.id });
    const { context } = testContext(db, undefined, playbook);
    const deal = await buildOpportunity(context, { ownerId: user.id, accountId: account.id });
    const created = await ae.call('POST', `/api/v1/opportunities/${deal.id}/poc`);
    expect([created.status, created.body.code]).toEqual([409, 'conflict']);
    expect(created.body.detail).toBe(
      'The New Business pipeline does not run the POC method (the playbook runs it in Renewal).',
    );
  });
});
