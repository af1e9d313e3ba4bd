import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { accountsCsv, OWNER_EMAILS, opportunitiesCsv } from '../support/salesforce-export.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

const MAPPING = readFileSync('imports/salesforce-mapping.example.yaml', 'utf8');

let api: TestApi;
let revops: ApiClient;
beforeAll(async () => {
  api = await openTestApi();
  for (const email of OWNER_EMAILS) await buildUser(api.database.db, { email, role: 'ae' });
  revops = await signIn(api.app, await buildUser(api.database.db, { role: 'revops_admin' }));
});
afterAll(() => api.close());

async function settled(id: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const run = await revops.call('GET', `/api/v1/imports/${id}`);
    if (run.body.status === 'succeeded' || run.body.status === 'failed') return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

describe('imports over the API', () => {
  it('queues a run, processes it in the background, and reports every bad line', async () => {
    const file = opportunitiesCsv(300, 10, { badEvery: 100 });
    const started = await revops.call('POST', '/api/v1/imports', {
      mode: 'good_rows_only',
      mapping: MAPPING,
      accounts: accountsCsv(10),
      opportunities: file.csv,
    });
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`/api/v1/imports/${started.body.id}`);
    const run = await settled(started.body.id);
    expect(run).toMatchObject({ status: 'succeeded', created: 307, rejected: 3, rowsDone: 310 });
    expect(run.errors.map((error: { line: number }) => error.line)).toEqual(file.bad.map((bad) => bad.line));
  });

  it('refuses a mapping naming a stage the playbook lacks, at the mapping field, before any run', async () => {
    const answer = await revops.call('POST', '/api/v1/imports', {
      mapping: 'stages:\n  new_business:\n    Prospecting: nowhere\ncurrencies: { default: USD }\n',
      opportunities: 'Id\n',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        path: 'body.mapping',
        message: expect.stringContaining('stages.new_business.Prospecting'),
      }),
    ]);
  });
});
