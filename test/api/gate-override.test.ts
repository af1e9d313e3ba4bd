import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildOwned, type Owned } from '../support/authorization-org.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let ae: ApiClient;
let rvp: ApiClient;
let rvpAbroad: ApiClient;
let owned: Owned;

beforeAll(async () => {
  api = await openTestApi();
  const db = api.database.db;
  const rvpUser = await buildUser(db, { role: 'rvp', region: 'emea' });
  const aeUser = await buildUser(db, { role: 'ae', region: 'emea', managerId: rvpUser.id });
  rvp = await signIn(api.app, rvpUser);
  ae = await signIn(api.app, aeUser);
  rvpAbroad = await signIn(api.app, await buildUser(db, { role: 'rvp', region: 'americas' }));
  owned = await buildOwned(api.app, aeUser, 'override');
});
afterAll(() => api.close());

const stageUrl = () => `/api/v1/opportunities/${owned.deal.id}/stage`;

describe('overriding a blocked gate over HTTP', () => {
  it('is refused to the AE who owns the deal, and to another region’s RVP (who cannot see it)', async () => {
    const byOwner = await ae.call('POST', stageUrl(), {
      to: 'discover',
      override: { justification: 'Trust me' },
    });
    expect([byOwner.status, byOwner.body.code]).toEqual([403, 'override_not_allowed']);
    const abroad = await rvpAbroad.call('POST', stageUrl(), {
      to: 'discover',
      override: { justification: 'x' },
    });
    expect(abroad.status).toBe(404);
  });

  it('needs a written justification from the region’s RVP', async () => {
    const blank = await rvp.call('POST', stageUrl(), { to: 'discover', override: { justification: '  ' } });
    expect(blank.status).toBe(422);
    expect(blank.body.missing.map((entry: { key: string }) => entry.key)).toContain('justification');
  });

  it('forces the move, keeps the unmet checks and the justification in the snapshot, and audits it with the request id', async () => {
    const forced = await rvp.call(
      'POST',
      stageUrl(),
      { to: 'discover', override: { justification: 'Champion confirmed budget on the exec call' } },
      { 'x-request-id': 'req-override-1' },
    );
    expect(forced.status).toBe(200);
    expect(forced.body.gate.override).toEqual({
      by: rvp.user.id,
      justification: 'Champion confirmed budget on the exec call',
    });
    expect(forced.body.gate.checks.some((check: { met: boolean }) => !check.met)).toBe(true);
    const event = await api.database.db
      .selectFrom('events')
      .selectAll()
      .where('entity_id', '=', owned.deal.id)
      .where('action', '=', 'opportunity.stage_changed')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: rvp.user.id, request_id: 'req-override-1' });
    const change = await api.database.db
      .selectFrom('opportunity_stage_changes')
      .selectAll()
      .where('opportunity_id', '=', owned.deal.id)
      .where('kind', '=', 'advance')
      .executeTakeFirstOrThrow();
    expect(change.overridden).toBe(true);
  });
});
