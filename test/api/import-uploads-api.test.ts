import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../src/app/access/actors.js';
import { receiveImportUpload } from '../../src/app/imports/receive-upload.js';
import { findImportUpload } from '../../src/db/repositories/import-uploads-repo.js';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { accountsCsv, OWNER_EMAILS, opportunitiesCsv } from '../support/salesforce-export.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

const MAPPING = readFileSync('imports/salesforce-mapping.example.yaml', 'utf8');

let api: TestApi;
let revops: ApiClient;
let otherRevops: ApiClient;
let ae: ApiClient;
beforeAll(async () => {
  api = await openTestApi();
  for (const email of OWNER_EMAILS) await buildUser(api.database.db, { email, role: 'ae' });
  revops = await signIn(api.app, await buildUser(api.database.db, { role: 'revops_admin' }));
  otherRevops = await signIn(api.app, await buildUser(api.database.db, { role: 'revops_admin' }));
  ae = await signIn(api.app, await buildUser(api.database.db, { role: 'ae' }));
});
afterAll(() => api.close());

const upload = (client: ApiClient, file: string, csv: string) =>
  client.inject({
    method: 'POST',
    url: `/api/v1/imports/uploads?file=${file}&name=${file}.csv`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });

async function settled(id: string) {
  for (let attempt = 0; attempt < 400; attempt++) {
    const run = await revops.call('GET', `/api/v1/imports/${id}`);
    if (run.body.status === 'succeeded' || run.body.status === 'failed') return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

describe('imports of uploaded files', () => {
  it('streams a file in, dry-runs it, imports its good rows from the same upload, then deletes it', async () => {
    const accounts = await upload(revops, 'accounts', accountsCsv(10));
    const file = opportunitiesCsv(200, 10, { badEvery: 50 });
    const deals = await upload(revops, 'opportunities', file.csv);
    expect(deals.statusCode).toBe(201);
    const uploaded = deals.json();
    expect(uploaded).toMatchObject({
      file: 'opportunities',
      name: 'opportunities.csv',
      bytes: file.csv.length,
    });
    expect(uploaded.lines).toBe(file.csv.split('\n').length - 1);
    const ids = { accountsUploadId: accounts.json().id, opportunitiesUploadId: uploaded.id };

    const dry = await revops.call('POST', '/api/v1/imports', { mode: 'dry_run', mapping: MAPPING, ...ids });
    expect(dry.status).toBe(202);
    const dryRun = await settled(dry.body.id);
    expect(dryRun.errors.map((error: { line: number }) => error.line)).toEqual(
      file.bad.map((bad) => bad.line),
    );
    expect(await findImportUpload(api.database.db, uploaded.id)).not.toBeNull();

    const run = await settled(
      (await revops.call('POST', '/api/v1/imports', { mode: 'good_rows_only', mapping: MAPPING, ...ids }))
        .body.id,
    );
    expect(run).toMatchObject({ status: 'succeeded', created: 206, rejected: 4 });
    await expect.poll(() => findImportUpload(api.database.db, uploaded.id)).toBeNull();
  });

  it('reads a file stored in many small chunks as one file (rows and quoted cells cut at chunk boundaries)', async () => {
    const file = opportunitiesCsv(120, 5);
    const stored = await receiveImportUpload(
      api.app.context,
      actorFor(revops.user),
      { file: 'opportunities' },
      [Buffer.from(file.csv)],
      97,
    );
    if (!stored.ok) throw new Error(stored.error.message);
    const chunks = await api.database.db
      .selectFrom('import_upload_chunks')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('upload_id', '=', stored.value.id)
      .executeTakeFirstOrThrow();
    expect(Number(chunks.count)).toBe(Math.ceil(file.csv.length / 97));
    const run = await settled(
      (
        await revops.call('POST', '/api/v1/imports', {
          mode: 'dry_run',
          mapping: MAPPING,
          accounts: accountsCsv(5),
          opportunitiesUploadId: stored.value.id,
        })
      ).body.id,
    );
    // The first test imported these deals already: each of the 120 rows is read, judged and would be updated.
    expect(run).toMatchObject({ status: 'succeeded', rowsDone: 125, rejected: 0 });
    expect(run.created + run.updated).toBe(125);
  });

  it("refuses another admin's upload, text and upload at once, and a NUL, each at its field", async () => {
    const mine = (await upload(revops, 'opportunities', opportunitiesCsv(3, 1).csv)).json().id;
    const theirs = await otherRevops.call('POST', '/api/v1/imports', {
      mode: 'dry_run',
      mapping: MAPPING,
      opportunitiesUploadId: mine,
    });
    expect(theirs.status).toBe(400);
    expect(theirs.body.errors).toEqual([
      {
        path: 'body.opportunitiesUploadId',
        message: expect.stringContaining('no opportunities file you uploaded'),
      },
    ]);
    const both = await revops.call('POST', '/api/v1/imports', {
      mapping: MAPPING,
      opportunities: 'Id\n',
      opportunitiesUploadId: mine,
    });
    expect(both.body.errors[0].path).toBe('body.opportunitiesUploadId');
    const nul = await upload(revops, 'accounts', 'Id,Name\n001,Acme\n002,Be\u0000ta\n');
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors).toEqual([
      { path: 'body', message: 'line 3 holds a NUL character: not a CSV text file' },
    ]);
    expect(
      await api.database.db
        .selectFrom('import_uploads')
        .select('id')
        .where('file', '=', 'accounts')
        .where('by_user', '=', revops.user.id)
        .where('status', '=', 'receiving')
        .execute(),
    ).toEqual([]);
  });

  it('is for RevOps only, and for CSV bodies only', async () => {
    expect((await upload(ae, 'accounts', 'Id\n')).statusCode).toBe(403);
    const json = await revops.inject({
      method: 'POST',
      url: '/api/v1/imports/uploads?file=accounts',
      payload: { csv: 'Id' },
    });
    expect(json.statusCode).toBe(400);
    expect(JSON.parse(json.body).errors).toEqual([
      { path: 'headers.content-type', message: 'must be text/csv: the body is the file' },
    ]);
    expect((await upload(revops, 'contacts', 'Id\n')).statusCode).toBe(400);
  });
});
