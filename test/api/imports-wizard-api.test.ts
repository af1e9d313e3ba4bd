import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseImportMapping } from '../../src/app/imports/load-import-mapping.js';
import { startingMapping } from '../../src/domain/imports/starting-mapping.js';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { firebolt, northwind } from '../support/playbook-fixtures.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let revops: ApiClient;
let ae: ApiClient;
let owner: { id: string; email: string };
beforeAll(async () => {
  api = await openTestApi();
  revops = await signIn(api.app, await buildUser(api.database.db, { role: 'revops_admin' }));
  owner = await buildUser(api.database.db, { role: 'ae' });
  ae = await signIn(api.app, owner);
});
afterAll(() => api.close());

describe('the starting mapping of an import, and the list of runs', () => {
  it.each([
    ['firebolt', firebolt()],
    ['northwind', northwind()],
  ])('is a mapping file the %s playbook accepts, naming its stages and closed stages', (_, playbook) => {
    const mapping = startingMapping(playbook);
    const parsed = parseImportMapping(stringify(mapping), 'template', playbook);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    for (const pipeline of playbook.pipelines) {
      const won = pipeline.stages.find((stage) => stage.outcome === 'won');
      expect(mapping.stages[pipeline.key]?.['Closed Won']).toBe(won?.key);
      const first = pipeline.stages[0];
      expect(first && mapping.stages[pipeline.key]?.[first.name]).toBe(first?.key);
    }
  });

  it('is served to RevOps, and a dry run with it judges rows by the playbook stage names', async () => {
    const answer = await revops.call('GET', '/api/v1/imports/mapping-template');
    expect(answer.status).toBe(200);
    expect(answer.body.mapping).toMatch(/^# A starting mapping/);
    const pipeline = firebolt().pipelines[0];
    const stage = pipeline?.stages[0];
    const type = firebolt().opportunityTypes.find((each) => each.pipeline === pipeline?.key);
    const csv =
      'Id,AccountId,Name,StageName,Amount,CurrencyIsoCode,CloseDate,Type,OwnerEmail\n' +
      `006A,001A,One,${stage?.name},10,USD,2027-01-15,${type?.name},${owner.email}\n` +
      `006B,001A,Two,Vibes,10,USD,2027-01-15,${type?.name},${owner.email}\n`;
    const started = await revops.call('POST', '/api/v1/imports', {
      mode: 'dry_run',
      mapping: answer.body.mapping,
      accounts: 'Id,Name,BillingCountry\n001A,Acme GmbH,Germany\n',
      opportunities: csv,
    });
    expect(started.status).toBe(202);
    let run = started.body;
    for (let attempt = 0; attempt < 100 && (run.status === 'queued' || run.status === 'running'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = (await revops.call('GET', `/api/v1/imports/${started.body.id}`)).body;
    }
    expect(run.errors).toEqual([expect.objectContaining({ line: 3 })]);
  });

  it('lists the latest runs, newest first, without their errors; a limit out of range is refused', async () => {
    const before = await revops.call('GET', '/api/v1/imports?limit=50');
    expect(before.status).toBe(200);
    api.advance(60_000);
    const started = await revops.call('POST', '/api/v1/imports', {
      mode: 'dry_run',
      mapping: (await revops.call('GET', '/api/v1/imports/mapping-template')).body.mapping,
      opportunities: 'Id,AccountId,Name,StageName,Amount,CloseDate\n006X,001X,X,Nowhere,1,2027-01-15\n',
    });
    expect(started.status).toBe(202);
    const listed = await revops.call('GET', '/api/v1/imports?limit=1');
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: started.body.id, mode: 'dry_run', rowsTotal: 1 }),
    ]);
    expect(listed.body.items[0]).not.toHaveProperty('errors');
    const all = await revops.call('GET', '/api/v1/imports?limit=50');
    expect(all.body.items).toHaveLength(before.body.items.length + 1);
    const bad = await revops.call('GET', '/api/v1/imports?limit=51');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'query.limit' })]);
  });

  it('is refused to an AE, who is told who may', async () => {
    const answer = await ae.call('GET', '/api/v1/imports/mapping-template');
    expect(answer.status).toBe(403);
    expect((await ae.call('GET', '/api/v1/imports')).status).toBe(403);
    const me = await ae.call('GET', '/api/v1/auth/me');
    expect(me.body.permissions.importData).toEqual({ allowed: false, who: 'Who may: RevOps admin.' });
  });
});
