import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import {
  agreementEvent,
  CONNECT_PATH,
  connectMessage,
  INBOUND,
  keyedAwsEvent,
  signedConnect,
} from '../support/inbound-fixtures.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
const [oldKey = '', newKey = ''] = INBOUND.docusignConnectHmacKeys;
const [, newSecret = ''] = INBOUND.awsEventsSecrets;

beforeAll(async () => {
  api = await openTestApi({ inbound: INBOUND });
});
afterAll(() => api.close());
beforeEach(async () => {
  await api.database.db.deleteFrom('inbound_events').execute();
});

const storedRows = () => api.database.db.selectFrom('inbound_events').selectAll().execute();

describe('the DocuSign Connect receiver', () => {
  it('stores a signed event once, matched to the offer version its custom fields name', async () => {
    const body = JSON.stringify(connectMessage());
    const first = await api.app.inject(signedConnect(body, [oldKey]));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ received: true, duplicate: false });
    const retry = await api.app.inject(
      signedConnect(body.replace('"retryCount":0', '"retryCount":3'), [oldKey]),
    );
    expect(retry.json()).toEqual({ received: true, duplicate: true });
    const rows = await storedRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'docusign',
      event_type: 'envelope-completed',
      external_id: '93be49e8-6f2a-4d1b-9c6e-2f0d3f8a1b77',
      offer_id: 'off_0001',
      offer_version: 2,
      // Processed as soon as stored: no offer version has this envelope, so it had no effect.
      processed_at: expect.any(Date),
      outcome: expect.stringMatching(/^unmatched: no offer version has 93be49e8/),
    });
  });

  it('accepts a body signed with the rotated key alone, or in the second header', async () => {
    const rotated = await api.app.inject(signedConnect(JSON.stringify(connectMessage()), [newKey]));
    expect(rotated.statusCode).toBe(200);
    const both = signedConnect(JSON.stringify(connectMessage({ event: 'envelope-delivered' })), [
      'not-a-key-of-this-server-000',
      newKey,
    ]);
    expect((await api.app.inject(both)).statusCode).toBe(200);
  });

  it('refuses a signed but malformed event with 400 at the field, storing nothing', async () => {
    const message = connectMessage();
    const bad = { ...message, data: { ...message.data, envelopeId: '' } };
    const answer = await api.app.inject(signedConnect(JSON.stringify(bad), [oldKey]));
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([expect.objectContaining({ path: 'body.data.envelopeId' })]);
    const nul = JSON.stringify(message).replace('Please sign', 'Please\\u0000sign');
    const nulAnswer = await api.app.inject(signedConnect(nul, [oldKey]));
    expect(nulAnswer.statusCode).toBe(400);
    expect(nulAnswer.json().errors[0].path).toBe('body.data.envelopeSummary.emailSubject');
    const notJson = await api.app.inject(signedConnect('{"event":', [oldKey]));
    expect(notJson.statusCode).toBe(400);
    expect(await storedRows()).toHaveLength(0);
  });

  it('ignores a session cookie sent along: no CSRF refusal, the signature decides', async () => {
    const user = await buildUser(api.database.db, { role: 'revops_admin' });
    const browser = await signIn(api.app, user);
    const request = signedConnect(JSON.stringify(connectMessage()), [oldKey]);
    const withCookie = { ...request, headers: { ...request.headers, cookie: browser.cookie } };
    expect((await api.app.inject(withCookie)).statusCode).toBe(200);
    const unsigned = { method: 'POST' as const, url: CONNECT_PATH, headers: { cookie: browser.cookie } };
    const refused = await api.app.inject({ ...unsigned, payload: '{}' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('the AWS Marketplace events receiver', () => {
  it('stores an event with the secret header once by its event id', async () => {
    const body = JSON.stringify(agreementEvent());
    const first = await api.app.inject(keyedAwsEvent(body, newSecret));
    expect(first.statusCode, first.body).toBe(200);
    const again = await api.app.inject(keyedAwsEvent(body, newSecret));
    expect(again.json()).toEqual({ received: true, duplicate: true });
    const rows = await storedRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'aws_marketplace',
      dedup_key: '12345678-1234-1234-1234-123456789012',
      event_type: 'Purchase Agreement Created - Proposer',
      external_id: 'offer-1234567890123',
    });
  });

  it('refuses a keyed event of another shape with 400 at the field', async () => {
    const event = agreementEvent();
    const bad = { ...event, detail: { ...event.detail, acceptor: { accountId: '84573528413' } } };
    const answer = await api.app.inject(keyedAwsEvent(JSON.stringify(bad), newSecret));
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors[0].path).toBe('body.detail.acceptor.accountId');
    expect(await storedRows()).toHaveLength(0);
  });
});
