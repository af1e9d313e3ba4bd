import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSignatureOf } from '../../src/integrations/docusign/connect-signature.js';
import {
  AWS_EVENTS_PATH,
  agreementEvent,
  CONNECT_PATH,
  connectMessage,
  INBOUND,
  keyedAwsEvent,
  signedConnect,
} from '../support/inbound-fixtures.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

/**
 * Inbound security (issue 12): mutated signatures, bodies and headers on both machine endpoints are never
 * accepted, never stored and never a 5xx; duplicates and replays store nothing new. fast-check runs from the
 * suite's fixed seed (test/support/fast-check-seed.ts).
 */
let api: TestApi;
const [oldKey = '', newKey = ''] = INBOUND.docusignConnectHmacKeys;
const [oldSecret = '', newSecret = ''] = INBOUND.awsEventsSecrets;
const CONNECT_RUNS = 700;
const AWS_RUNS = 400;

beforeAll(async () => {
  api = await openTestApi({ inbound: INBOUND });
});
afterAll(() => api.close());

const countRows = async () =>
  Number(
    (
      await api.database.db
        .selectFrom('inbound_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const flipByte = (bytes: Buffer, index: number, mask: number): Buffer => {
  const copy = Buffer.from(bytes);
  const at = index % copy.length;
  copy[at] = (copy[at] ?? 0) ^ mask;
  return copy;
};
const changeChar = (text: string, index: number, by: number): string => {
  const at = index % text.length;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
  const current = alphabet.indexOf(text[at] ?? 'A');
  const next = alphabet[(current + 1 + (by % (alphabet.length - 1))) % alphabet.length] ?? 'A';
  return `${text.slice(0, at)}${next}${text.slice(at + 1)}`;
};

const connectBody = Buffer.from(JSON.stringify(connectMessage()));
const otherBody = Buffer.from(JSON.stringify(connectMessage({ event: 'envelope-voided' })));
const goodSignature = connectSignatureOf(connectBody, newKey);

/** Each mutation of a valid, signed Connect delivery; none of them carries a valid proof. */
const connectMutation = fc.oneof(
  fc.record({ index: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }).map(({ index, mask }) => ({
    name: 'a byte of the body flipped',
    request: { ...signedConnect(connectBody, [newKey]), payload: flipByte(connectBody, index, mask) },
  })),
  fc.record({ index: fc.nat(), by: fc.nat() }).map(({ index, by }) => ({
    name: 'a character of the signature changed',
    request: withHeaders({ 'x-docusign-signature-1': changeChar(goodSignature, index, by) }),
  })),
  fc.string({ minLength: 16, maxLength: 40 }).map((key) => ({
    name: 'signed with another key',
    request: signedConnect(connectBody, [`${key}-not-configured`]),
  })),
  fc.constant({ name: 'no signature header', request: withHeaders({}) }),
  fc.constant({
    name: 'the signature of another body',
    request: withHeaders({ 'x-docusign-signature-1': connectSignatureOf(otherBody, oldKey) }),
  }),
  fc.integer({ min: 1, max: 43 }).map((length) => ({
    name: 'the signature truncated',
    request: withHeaders({ 'x-docusign-signature-1': goodSignature.slice(0, length) }),
  })),
  fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('A', 'x', '=', '/', '9') }).map((tail) => ({
    name: 'the signature extended',
    request: withHeaders({ 'x-docusign-signature-1': `${goodSignature}${tail}` }),
  })),
  fc
    .constantFrom(
      'x-docusign-signature-0',
      'x-docusign-signature-101',
      'x-docusign-signature',
      'x-signature-1',
    )
    .map((name) => ({
      name: `the signature under ${name}`,
      request: withHeaders({ [name]: goodSignature }),
    })),
  fc.constant({
    name: 'the HMAC as hex, not base64',
    request: withHeaders({
      'x-docusign-signature-1': Buffer.from(goodSignature, 'base64').toString('hex'),
    }),
  }),
);

function withHeaders(headers: Record<string, string>): InjectOptions {
  return {
    method: 'POST',
    url: CONNECT_PATH,
    headers: { 'content-type': 'application/json', ...headers },
    payload: connectBody,
  };
}

const awsBody = JSON.stringify(agreementEvent({ id: 'mutated-event-0001' }));
const awsMutation = fc.oneof(
  fc.constant({ name: 'no key header', request: keyedAwsEvent(awsBody, undefined) }),
  fc
    .string({ maxLength: 40 })
    .map((secret) => ({ name: 'a wrong secret', request: keyedAwsEvent(awsBody, secret) })),
  fc.integer({ min: 0, max: newSecret.length - 1 }).map((length) => ({
    name: 'the secret truncated',
    request: keyedAwsEvent(awsBody, newSecret.slice(0, length)),
  })),
  fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('a', 'Z', '0', '-', '_') }).map((tail) => ({
    name: 'the secret extended',
    request: keyedAwsEvent(awsBody, `${oldSecret}${tail}`),
  })),
  fc.record({ index: fc.nat(), by: fc.nat() }).map(({ index, by }) => ({
    name: 'a character of the secret changed',
    request: keyedAwsEvent(awsBody, changeChar(newSecret, index, by)),
  })),
  fc.constant({ name: 'the secret upper-cased', request: keyedAwsEvent(awsBody, newSecret.toUpperCase()) }),
  fc.constantFrom('x-api-key', 'authorization', 'x-closepath-events').map((header) => ({
    name: `the secret under ${header}`,
    request: {
      method: 'POST' as const,
      url: AWS_EVENTS_PATH,
      headers: { 'content-type': 'application/json', [header]: newSecret },
      payload: awsBody,
    },
  })),
  fc.constant({
    name: 'a DocuSign signature instead of the key',
    request: {
      ...signedConnect(awsBody, [newKey]),
      url: AWS_EVENTS_PATH,
    },
  }),
);

async function expectAllRefused(
  mutation: fc.Arbitrary<{ name: string; request: InjectOptions }>,
  runs: number,
) {
  const seen = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(mutation, async ({ name, request }) => {
      seen.set(name, (seen.get(name) ?? 0) + 1);
      const answer = await api.app.inject(request);
      expect(answer.statusCode, `${name}: ${answer.body}`).toBe(401);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    }),
    { numRuns: runs },
  );
  return seen;
}

describe('inbound security', () => {
  it(`refuses ${CONNECT_RUNS} mutated Connect deliveries and ${AWS_RUNS} mutated EventBridge deliveries`, async () => {
    const connect = await expectAllRefused(connectMutation, CONNECT_RUNS);
    const aws = await expectAllRefused(awsMutation, AWS_RUNS);
    expect([...connect.values(), ...aws.values()].reduce((a, b) => a + b, 0)).toBe(CONNECT_RUNS + AWS_RUNS);
    expect(connect.size).toBeGreaterThanOrEqual(9);
    expect(aws.size).toBeGreaterThanOrEqual(8);
    expect(await countRows()).toBe(0);
  }, 120_000);

  it('accepts the unmutated deliveries, with the rotated (second) key and secret', async () => {
    expect((await api.app.inject(signedConnect(connectBody, [newKey]))).statusCode).toBe(200);
    expect((await api.app.inject(keyedAwsEvent(awsBody, newSecret))).statusCode).toBe(200);
    expect(await countRows()).toBe(2);
  });

  it('stores one row for 50 concurrent duplicates of one event, on each endpoint', async () => {
    const before = await countRows();
    const body = JSON.stringify(connectMessage({ envelopeId: 'concurrent-envelope-1' }));
    const event = JSON.stringify(agreementEvent({ id: 'concurrent-event-1' }));
    const answers = await Promise.all([
      ...Array.from({ length: 50 }, () => api.app.inject(signedConnect(body, [oldKey]))),
      ...Array.from({ length: 50 }, () => api.app.inject(keyedAwsEvent(event, oldSecret))),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 200));
    const fresh = answers.filter((answer) => answer.json().duplicate === false);
    expect(fresh).toHaveLength(2);
    expect(await countRows()).toBe(before + 2);
  });

  it('stores nothing new for a replayed old event, a day later', async () => {
    const body = JSON.stringify(connectMessage({ envelopeId: 'replayed-envelope-1' }));
    const event = JSON.stringify(agreementEvent({ id: 'replayed-event-1' }));
    await api.app.inject(signedConnect(body, [oldKey]));
    await api.app.inject(keyedAwsEvent(event, oldSecret));
    const before = await countRows();
    api.advance(24 * 3600_000);
    const replays = [
      await api.app.inject(signedConnect(body, [newKey])),
      await api.app.inject(keyedAwsEvent(event, newSecret)),
    ];
    expect(replays.map((answer) => answer.json())).toEqual([
      { received: true, duplicate: true },
      { received: true, duplicate: true },
    ]);
    expect(await countRows()).toBe(before);
  });
});
