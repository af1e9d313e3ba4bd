import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildOfferOrg, offerWithChoice } from '../support/offer-org.js';
import { readPdf } from '../support/pdf-text.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let org: Awaited<ReturnType<typeof buildOfferOrg>>;
let finance: ApiClient;
let ae: ApiClient;
let abroad: ApiClient;
let offerId: string;

beforeAll(async () => {
  api = await openTestApi();
  org = await buildOfferOrg(api.database.db);
  offerId = (await offerWithChoice(org, 'One year')).id;
  api.advance(2 * 86_400_000);
  finance = await signIn(api.app, org.users.finance);
  ae = await signIn(api.app, org.users.ae);
  abroad = await signIn(api.app, org.users.rvpAbroad);
});
afterAll(() => api.close());

const generate = (
  client: ApiClient,
  body: unknown = { versionNumber: 1 },
  headers: Record<string, string> = {},
) => client.call('POST', `/api/v1/offers/${offerId}/quotes`, body, headers);

describe('quotes over HTTP', () => {
  it('names the invalid field before anything is read', async () => {
    const bad = await generate(finance, { versionNumber: 0, extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.versionNumber']),
    );
    const query = await ae.call('GET', `/api/v1/opportunities/${org.deal.id}/quotes?offerId=`);
    expect([query.status, query.body.errors?.[0]?.path]).toEqual([400, 'query.offerId']);
  });

  it('refuses an AE with the reason, then VP Finance generates it; the PDF downloads with its hash', async () => {
    const refused = await generate(ae);
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    expect(refused.body.detail).toContain('Quotes are issued by Finance');

    const created = await generate(finance, { versionNumber: 1 }, { 'idempotency-key': 'quote-1' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { quote } = created.body;
    expect(quote).toMatchObject({
      number: expect.stringMatching(/^Q-2026-\d{6}$/),
      optionName: 'One year',
      tcvMinor: 110_000_00,
      createdByName: 'Fin VP',
      downloadUrl: `/api/v1/quotes/${quote.id}/pdf`,
    });
    expect(created.headers.location).toBe(quote.downloadUrl);
    expect(created.headers.etag).toBe(`"v${created.body.offerVersion}"`);
    const replay = await generate(finance, { versionNumber: 1 }, { 'idempotency-key': 'quote-1' });
    expect([replay.status, replay.body.quote.number]).toEqual([201, quote.number]);

    const listed = await ae.call('GET', `/api/v1/opportunities/${org.deal.id}/quotes`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([quote]);

    const download = await ae.inject({ method: 'GET', url: quote.downloadUrl });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${quote.number}.pdf"`);
    const bytes = new Uint8Array(download.rawPayload);
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect([hash, bytes.byteLength, download.headers.etag]).toEqual([
      quote.sha256,
      quote.byteSize,
      `"${hash}"`,
    ]);
    const { text } = await readPdf(bytes);
    for (const expected of [quote.number, org.account.name, 'One year', 'USD 110,000.00'])
      expect(text).toContain(expected);
  });

  it('answers 404 to whoever may not see the deal, and for unknown quotes', async () => {
    const listed = await abroad.call('GET', `/api/v1/opportunities/${org.deal.id}/quotes`);
    expect(listed.status).toBe(404);
    const [quote] = (await ae.call('GET', `/api/v1/opportunities/${org.deal.id}/quotes`)).body.items;
    expect((await abroad.call('GET', quote.downloadUrl)).status).toBe(404);
    expect((await ae.call('GET', '/api/v1/quotes/quote_nope/pdf')).status).toBe(404);
    expect((await generate(abroad)).status).toBe(404);
  });
});
