import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildOwned, type Owned } from '../support/authorization-org.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let ae: ApiClient;
let rvp: ApiClient;
let owned: Owned;

beforeAll(async () => {
  api = await openTestApi();
  const db = api.database.db;
  const rvpUser = await buildUser(db, { role: 'rvp', region: 'emea' });
  const aeUser = await buildUser(db, { role: 'ae', region: 'emea', managerId: rvpUser.id });
  rvp = await signIn(api.app, rvpUser);
  ae = await signIn(api.app, aeUser);
  owned = await buildOwned(api.app, aeUser, 'poc');
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

describe('the POC method over HTTP, driving the gate', () => {
  it('refuses a plan before Discover and a milestone before its stage', async () => {
    const early = await ae.call('POST', url('/poc'));
    expect([early.status, early.body.code]).toEqual([409, 'conflict']);
    expect((await ae.call('GET', url('/poc'))).status).toBe(404);
    const techWin = await ae.call('PUT', url('/milestones/tech_win'), {});
    expect(techWin.status).toBe(409);
  });

  it('creates the plan from the template at Discover, once, and the sign-off criterion follows it', async () => {
    expect((await force('discover')).status).toBe(200);
    expect(await missingForNextStage()).toContain('nb_mutual_poc_plan_signed');
    const created = await ae.call('POST', url('/poc'));
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe(`"v${created.body.opportunityVersion}"`);
    expect(created.body.plan.sessions.map((s: { name: string }) => s.name)).toEqual([
      'Getting Started',
      'Discovery',
      'Hands-On Working Sessions',
      'POC Validation',
      'Migration Planning',
    ]);
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
    expect(await missingForNextStage()).not.toContain('nb_mutual_poc_plan_signed');
  });

  it('blocks leaving the POC until the results meet the criteria and the readout is held', async () => {
    expect((await force('poc')).status).toBe(200);
    const before = await missingForNextStage();
    expect(before).toEqual(
      expect.arrayContaining(['nb_poc_results_meet_criteria', 'nb_poc_readout', 'nb_poc_concluded']),
    );

    let plan = (await ae.call('GET', url('/poc'))).body.plan;
    const added = await ae.call('POST', url('/poc/sessions'), { templateKey: 'hands_on' });
    expect(added.status).toBe(201);
    expect(
      added.body.plan.sessions.filter((s: { templateKey: string }) => s.templateKey === 'hands_on'),
    ).toHaveLength(2);
    expect((await ae.call('POST', url('/poc/sessions'), { templateKey: 'validation' })).status).toBe(409);
    plan = added.body.plan;
    for (const session of plan.sessions) {
      const held = await ae.call('PATCH', url(`/poc/sessions/${session.id}`), {
        scheduledAt: '2026-11-05T15:00:00Z',
        attendees: [{ name: 'Ana Lima', email: 'ana@example.com' }],
        status: 'completed',
      });
      expect(held.status).toBe(200);
    }
    const slower = await ae.call('POST', url('/poc/benchmarks'), {
      workload: 'Dashboard p95',
      baselineLatencyMs: 900,
      ourLatencyMs: 1200,
      baselineCostMinor: 500,
      ourCostMinor: 200,
      currency: 'USD',
    });
    expect(slower.status).toBe(201);
    expect(slower.body.assessment.status).toBe('challenged');
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
      (item) => item.key === 'nb_poc_results_meet_criteria',
    );
    expect(entry?.message).toMatch(/Firebolt slower/);

    const faster = await ae.call('PUT', url(`/poc/benchmarks/${benchmarkId}`), {
      workload: 'Dashboard p95',
      baselineLatencyMs: 900,
      ourLatencyMs: 110,
      baselineCostMinor: 500,
      ourCostMinor: 200,
      currency: 'USD',
    });
    expect(faster.body.assessment.status).toBe('succeeded');
    const tco = await ae.call('PUT', url('/poc/tco'), {
      baselineAnnualMinor: 900_000_00,
      ourAnnualMinor: 400_000_00,
      currency: 'USD',
    });
    expect(tco.body.plan.tco).toMatchObject({ baselineAnnualMinor: 900_000_00 });
    expect(await missingForNextStage()).not.toContain('nb_poc_results_meet_criteria');
    expect(await missingForNextStage()).toContain('nb_poc_readout');
    const readout = await ae.call('PUT', url('/poc/readout'), { note: 'Presented to the CTO' });
    expect(readout.status).toBe(200);
    const after = await missingForNextStage();
    expect(after).not.toEqual(expect.arrayContaining(['nb_poc_readout']));
    expect(after).not.toContain('nb_poc_concluded');
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
    const recorded = await ae.call('PUT', url('/milestones/tech_win'), {
      evidenceUrl: 'https://docs.example.com/tech-win',
      note: 'Architecture board approved',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.milestone).toMatchObject({ milestone: 'tech_win', recordedBy: ae.user.id });
    const deal = await ae.call('GET', url());
    expect(deal.body.milestones).toEqual([
      expect.objectContaining({ milestone: 'tech_win', evidenceUrl: 'https://docs.example.com/tech-win' }),
    ]);
    expect((await ae.call('PUT', url('/milestones/business_win'), {})).status).toBe(409);
    expect((await ae.call('PUT', url('/milestones/golden_win'), {})).status).toBe(400);
    const stale = await ae.call('DELETE', url('/milestones/tech_win'), undefined, { 'if-match': '"v1"' });
    expect(stale.status).toBe(412);
    expect((await ae.call('DELETE', url('/milestones/tech_win'))).status).toBe(204);
    expect((await ae.call('DELETE', url('/milestones/tech_win'))).status).toBe(404);
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
