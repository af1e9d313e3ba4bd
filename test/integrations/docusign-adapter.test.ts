import { generateKeyPairSync } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SendEnvelopeInput, SIGNATURE_ANCHOR } from '../../src/app/integrations/e-signature.js';
import { docusignESignature } from '../../src/integrations/docusign/docusign-e-signature.js';
import { readDocusignSettings } from '../../src/integrations/docusign/docusign-settings.js';
import { type FakeDocusign, startFakeDocusign } from '../support/fake-docusign.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const IDS = { accountId: 'acc-1111', integrationKey: 'ik-2222', userId: 'user-3333' };
let fake: FakeDocusign;
let env: NodeJS.ProcessEnv;
let input: SendEnvelopeInput;

beforeAll(async () => {
  fake = await startFakeDocusign({ ...IDS, publicKeyPem: publicKey });
  env = {
    DOCUSIGN_BASE_PATH: fake.basePath,
    DOCUSIGN_OAUTH_BASE_PATH: fake.oauthHost,
    DOCUSIGN_ACCOUNT_ID: IDS.accountId,
    DOCUSIGN_INTEGRATION_KEY: IDS.integrationKey,
    DOCUSIGN_USER_ID: IDS.userId,
    // As an env file holds it: one line, the newlines escaped.
    DOCUSIGN_PRIVATE_KEY: privateKey.replace(/\n/g, '\\n'),
    DOCUSIGN_CONNECT_URL: 'https://closepath.example.com/api/v1/integrations/docusign/connect',
  };
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText(`Quote Q-2026-0007 ${SIGNATURE_ANCHOR}`);
  input = {
    documentPdf: await pdf.save(),
    documentName: 'Quote Q-2026-0007.pdf',
    documentId: '1',
    signer: { name: 'Dana Signer', email: 'dana@customer.example', contactId: 'con_1' },
    emailSubject: 'Please sign quote Q-2026-0007',
    quoteNumber: 'Q-2026-0007',
    offerId: 'off_1',
    versionNumber: 2,
  };
});
afterAll(() => fake.close());

const adapter = (overrides: NodeJS.ProcessEnv = {}) =>
  docusignESignature(readDocusignSettings({ ...env, ...overrides }), () => new Date());

describe('the DocuSign adapter against the fake eSignature API', () => {
  it('gets a token by the JWT grant and sends the envelope in the documented shape', async () => {
    const sent = await adapter().sendEnvelope(input);
    expect(sent).toEqual({ ok: true, value: expect.objectContaining({ status: 'sent' }) });
    expect(fake.tokenRequests.at(-1)?.claims).toMatchObject({
      iss: IDS.integrationKey,
      sub: IDS.userId,
      aud: fake.oauthHost,
      scope: 'signature impersonation',
    });
    const request = fake.envelopeRequests.at(-1);
    expect(request?.authorization).toMatch(/^Bearer fake-token-/);
    const body = request?.body;
    expect(body?.recipients.signers[0]).toMatchObject({
      email: 'dana@customer.example',
      recipientId: '1',
      routingOrder: '1',
      tabs: { signHereTabs: [expect.objectContaining({ anchorString: SIGNATURE_ANCHOR })] },
    });
    expect(body?.customFields.textCustomFields.map(({ name, value }) => [name, value])).toEqual([
      ['closepathOfferId', 'off_1'],
      ['closepathOfferVersion', '2'],
      ['closepathQuoteNumber', 'Q-2026-0007'],
    ]);
    expect(body?.eventNotification).toMatchObject({
      url: env.DOCUSIGN_CONNECT_URL,
      includeHMAC: 'true',
      requireAcknowledgment: 'true',
      eventData: { version: 'restv2.1', format: 'json' },
    });
    expect(body?.eventNotification.events).toContain('envelope-completed');
  });

  it('reuses its token for the next envelope', async () => {
    const signer = adapter();
    const tokensBefore = fake.tokenRequests.length;
    await signer.sendEnvelope(input);
    await signer.sendEnvelope(input);
    expect(fake.tokenRequests.length).toBe(tokensBefore + 1);
  });

  it("turns DocuSign's error into a clear refusal with its code", async () => {
    fake.failNextEnvelope({
      status: 400,
      errorCode: 'INVALID_EMAIL_ADDRESS_FOR_RECIPIENT',
      message: 'The email address for the recipient is invalid.',
    });
    const refused = await adapter().sendEnvelope(input);
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'integration_refused',
        vendorCode: 'INVALID_EMAIL_ADDRESS_FOR_RECIPIENT',
        status: 400,
        message: expect.stringContaining('The email address for the recipient is invalid.'),
      }),
    });
  });

  it('refuses when the fake finds the request off the documented shape (a document that is not a PDF)', async () => {
    const refused = await adapter().sendEnvelope({ ...input, documentPdf: Buffer.from('not a pdf at all') });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ vendorCode: 'INVALID_REQUEST_BODY' });
  });

  it('reports a refused JWT grant (wrong user) as DocuSign said it', async () => {
    const refused = await adapter({ DOCUSIGN_USER_ID: 'someone-else' }).sendEnvelope(input);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({ code: 'integration_refused', vendorCode: 'invalid_grant' });
  });

  it('says the service is unavailable when nothing answers', async () => {
    const refused = await adapter({
      DOCUSIGN_BASE_PATH: 'https://127.0.0.1:9/restapi',
      DOCUSIGN_OAUTH_BASE_PATH: '127.0.0.1:9',
    }).sendEnvelope(input);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('integration_unavailable');
  });

  it('answers "not configured" with the variables to set, never a crash', async () => {
    const refused = await docusignESignature(
      readDocusignSettings({ DOCUSIGN_BASE_PATH: 'http://x' }),
      () => new Date(),
    ).sendEnvelope(input);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('integration_not_configured');
      expect(refused.error.message).toContain('DOCUSIGN_INTEGRATION_KEY');
      expect(refused.error.message).toContain('DOCUSIGN_BASE_PATH');
    }
  });
});
