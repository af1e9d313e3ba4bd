import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { type FakeMarketplace, startFakeMarketplace } from '../support/fake-aws-marketplace.js';
import { type FakeDocusign, startFakeDocusign } from '../support/fake-docusign.js';
import {
  AWS_EVENTS_PATH,
  agreementEvent,
  connectMessage,
  INBOUND,
  signedConnect,
} from '../support/inbound-fixtures.js';
import { readPdf } from '../support/pdf-text.js';
import { firebolt } from '../support/playbook-fixtures.js';
import { satisfyNextStage } from '../support/walk-deal.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import { apiAs } from './support/deal-setup.js';
import { signInAs as signInAsUser } from './support/ui.js';

/**
 * The whole closing flow as its people do it, against local fakes of DocuSign (HTTPS, its certificate trusted
 * by the server through NODE_EXTRA_CA_CERTS) and the AWS Marketplace Catalog API, with the vendors' events
 * posted to the server's receivers as the vendors would sign them, and a local webhook receiver subscribed.
 */
const AE = 'Jordan Brooks';
const RVP = 'Rachel Adams';
const FINANCE = 'Victor Stone';
const ADMIN = 'Grace Kim';
const BUYER_AWS_ACCOUNT = '845735284135';
const OPTION = '3 years, upfront';
const IDS = {
  accountId: 'acct-closing-browser',
  integrationKey: 'ik-closing-browser',
  userId: 'user-closing',
};
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

let docusign: FakeDocusign;
let marketplace: FakeMarketplace;
let receiver: WebhookReceiver;
const certificateDir = mkdtempSync(path.join(tmpdir(), 'closepath-closing-ca-'));
beforeAll(async () => {
  docusign = await startFakeDocusign({ ...IDS, publicKeyPem: publicKey });
  marketplace = await startFakeMarketplace();
  receiver = await startWebhookReceiver();
  writeFileSync(path.join(certificateDir, 'fake-docusign.pem'), docusign.certificatePem);
});
afterAll(async () => {
  await Promise.all([docusign?.close(), marketplace?.close(), receiver?.close()]);
  rmSync(certificateDir, { recursive: true, force: true });
});

const session = openBrowserSession({
  env: () => ({
    NODE_EXTRA_CA_CERTS: path.join(certificateDir, 'fake-docusign.pem'),
    DOCUSIGN_BASE_PATH: docusign.basePath,
    DOCUSIGN_OAUTH_BASE_PATH: docusign.oauthHost,
    DOCUSIGN_ACCOUNT_ID: IDS.accountId,
    DOCUSIGN_INTEGRATION_KEY: IDS.integrationKey,
    DOCUSIGN_USER_ID: IDS.userId,
    DOCUSIGN_PRIVATE_KEY: privateKey.replace(/\n/g, '\\n'),
    DOCUSIGN_CONNECT_URL: 'https://closepath.example.com/api/v1/integrations/docusign/connect',
    DOCUSIGN_CONNECT_HMAC_KEYS: INBOUND.docusignConnectHmacKeys.join(','),
    AWS_MARKETPLACE_ENDPOINT: marketplace.endpoint,
    AWS_MARKETPLACE_REGION: 'us-east-1',
    AWS_MARKETPLACE_PRODUCT_ID: 'prod-closingbrowser1',
    AWS_MARKETPLACE_DIMENSION_KEY: 'AnnualCommit',
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFORTESTS0001',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-the-local-catalog-fake',
    AWS_EVENTS_SECRETS: INBOUND.awsEventsSecrets.join(','),
    WEBHOOKS_WORKER: 'on',
    WEBHOOKS_ALLOW_HTTP: 'true',
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOKS_POLL_MS: '200',
  }),
});
let page: Page;
let baseUrl: string;
beforeAll(() => {
  page = session.page;
  baseUrl = session.server.url;
});

const signInAs = (name: string) => signInAsUser(page, baseUrl, name);
const stepper = () => page.getByTestId('closing-stepper');
const stepState = (key: string) => stepper().locator(`[data-step="${key}"]`).getAttribute('data-state');
const offerStatus = () => page.getByTestId('offer-status').textContent();
const card = () => page.getByTestId('offer-card');
const openClosing = (dealId: string) => page.goto(`${baseUrl}/opportunities/${dealId}?focus=closing`);
async function shoot(name: string) {
  await page.evaluate('window.scrollTo(0, 0)'); // the sticky header stays where it belongs
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The page's session as the ApiClient the deal walk takes (only `call` is used). */
function pageClient(): ApiClient {
  return {
    async call(method: string, url: string, body?: unknown) {
      const me = await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json();
      const response = await page.request.fetch(`${baseUrl}${url}`, {
        method,
        headers: { 'x-csrf-token': me.csrfToken, origin: baseUrl },
        data: body,
      });
      const text = await response.text();
      return { status: response.status(), headers: response.headers(), body: text ? JSON.parse(text) : null };
    },
  } as unknown as ApiClient;
}

/**
 * Every visible closing control names a right of the offer's view (`offer.sign`, `offer.createAwsOffer`, …)
 * that the API grants the caller now: none of them ends in a 403 or a 409.
 */
async function expectOfferControlsAllowed(offerId: string) {
  const offer = (await pageClient().call('GET', `/api/v1/offers/${offerId}`)).body;
  const rights = await page
    .locator('[data-requires^="offer."]')
    .evaluateAll((elements) =>
      elements
        .filter((element) => element.getBoundingClientRect().width > 0)
        .map((element) => element.getAttribute('data-requires')?.slice('offer.'.length) ?? ''),
    );
  expect(rights.length).toBeGreaterThan(0);
  for (const right of rights) expect(offer.permissions[right], right).toEqual({ allowed: true, who: null });
  return rights;
}

/** POSTs a vendor's event to the server's receiver, as the vendor sends it. */
async function deliver(url: string, headers: Record<string, string>, body: string) {
  const response = await fetch(`${baseUrl}${url}`, { method: 'POST', headers, body });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

describe('closing a deal from the offer to Closed Won on the evidence', () => {
  let dealId: string;
  let dealName: string;
  let accountId: string;
  let offerId: string;
  let quoteNumber: string;

  it('the AE drafts an offer on a deal in Propose and submits it', async () => {
    await signInAs(AE);
    const api = await apiAs(page, baseUrl);
    // A deal in Propose on an account whose closing parties are not on file yet (the demo records them on
    // accounts whose deals reached signature), so the flow shows what it needs.
    const deals = await api.call('GET', `/opportunities?stage=propose&ownerId=${api.user.id}&limit=50`);
    for (const candidate of deals.items) {
      const account = await api.call('GET', `/accounts/${candidate.accountId}`);
      if (account.account?.awsAccountId ?? account.awsAccountId) continue;
      ({ id: dealId, name: dealName, accountId } = candidate);
      break;
    }
    expect(
      dealId,
      'the demo gives the AE a deal in Propose on an account without closing parties',
    ).toBeDefined();
    await openClosing(dealId);
    await page.getByRole('button', { name: 'Draft an offer' }).click();
    const option = page.getByTestId('offer-option-fields').first();
    await option.getByLabel(/^Option name/).fill(OPTION);
    await option.getByLabel(/^Term \(months\)/).fill('36');
    await option.getByLabel(/^Price per year/).fill('90000');
    await option.getByLabel(/^List price per year/).fill('120000');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await expect.poll(offerStatus).toBe('Draft');
    await card().getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(offerStatus).toBe('In approval');
    offerId = (await api.call('GET', `/opportunities/${dealId}/offers`)).items[0].id;
  });

  it("the region's RVP approves, then VP Finance", async () => {
    await signInAs(RVP);
    await openClosing(dealId);
    await page.getByRole('button', { name: /^Approve Regional VP/ }).click();
    await expect.poll(() => card().textContent()).toContain('step 2 of 2');
    await signInAs(FINANCE);
    await openClosing(dealId);
    await page.getByRole('button', { name: /^Approve VP Finance/ }).click();
    await expect.poll(offerStatus).toBe('Approved');
  });

  it('the AE presents it, records the chosen option and meets what the stages before Closed Won ask', async () => {
    await signInAs(AE);
    await openClosing(dealId);
    await card().getByRole('button', { name: 'Mark presented to the customer' }).click();
    await expect.poll(offerStatus).toBe('Presented');
    await card().getByRole('button', { name: "Record the customer's choice" }).click();
    const form = page.getByTestId('choice-form');
    // The only option is chosen already; the AE names who confirmed it.
    expect(await form.getByLabel('Option chosen').inputValue()).toBe(OPTION);
    await form.getByLabel('Confirmed by').click();
    await page.getByRole('option').first().click();
    await form.getByRole('button', { name: 'Record the choice' }).click();
    await expect.poll(offerStatus).toBe('Option chosen');

    // The deal walks on to the last open stage as its owner would: each stage's criteria met, then moved.
    const client = pageClient();
    const playbook = firebolt();
    const view = await (await client.call('GET', `/api/v1/opportunities/${dealId}`)).body;
    const pipeline = playbook.pipelines.find((each) => each.key === view.opportunity.pipeline);
    const open = (pipeline?.stages ?? []).filter((stage) => stage.outcome === 'open');
    const won = pipeline?.stages.find((stage) => stage.outcome === 'won');
    const contactId = (await client.call('GET', `/api/v1/accounts/${accountId}`)).body.contacts[0].id;
    for (const stage of open.slice(open.findIndex((each) => each.key === view.opportunity.stage) + 1)) {
      await satisfyNextStage(client, playbook, dealId, contactId);
      const moved = await client.call('POST', `/api/v1/opportunities/${dealId}/stage`, { to: stage.key });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
    // Closed Won's own evidence is left to the closing flow: only the last stage's exit is attested here.
    const last = await (await client.call('GET', `/api/v1/opportunities/${dealId}`)).body;
    for (const item of last.nextStage?.missing ?? []) {
      if (item.kind !== 'criterion' || item.source !== 'attested' || item.stage === won?.key) continue;
      const attested = await client.call('PUT', `/api/v1/opportunities/${dealId}/criteria/${item.key}`, {
        note: 'Signed agreements logged',
        evidenceUrl: `https://docs.example.com/${item.key}`,
      });
      expect(attested.status, JSON.stringify(attested.body)).toBe(200);
    }
  });

  it('Finance generates the quote; the signature and the AWS offer say what the account lacks, and where', async () => {
    await signInAs(FINANCE);
    await openClosing(dealId);
    await expect.poll(offerStatus).toBe('Option chosen');
    await card().getByRole('button', { name: 'Generate the quote' }).click();
    await expect.poll(offerStatus).toBe('Quoted');
    const link = page.getByTestId('quote-row').first().getByRole('link');
    quoteNumber = /^(Q-\d{4}-\d+)/.exec((await link.textContent()) ?? '')?.[1] ?? '';
    const pdf = await page.request.get(`${baseUrl}${await link.getAttribute('href')}`);
    const { text } = await readPdf(await pdf.body());
    expect(text).toContain(quoteNumber);
    expect(text).toContain(OPTION);
    expect(text).toMatch(/270,000\.00/);

    const signature = page.getByTestId('signature-card');
    await expect
      .poll(() => signature.getByTestId('missing-party').textContent())
      .toMatch(/no DocuSign signer/);
    await expect.poll(() => signature.getByTestId('who-may').textContent()).toMatch(/has no DocuSign signer/);
    expect(await signature.getByRole('button', { name: /for signature/ }).count()).toBe(0);
    const aws = page.getByTestId('aws-offer-card');
    expect(await aws.getByTestId('missing-party').textContent()).toMatch(
      /no buyer's AWS account id and no AWS admin contact/,
    );
    expect(await aws.getByRole('button', { name: 'Create AWS private offer' }).count()).toBe(0);
    expect(await stepState('signed_quote')).toBe('current');
    await shoot('closing-evidence-missing-parties');
    await expectNoAxeViolations(page, 'the closing tab with the parties missing');
    await signature.getByRole('link', { name: 'the account' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/accounts/${accountId}`);
  });

  it('the AE records the signer, the AWS admin and the buyer account on the account', async () => {
    await signInAs(AE);
    const api = await apiAs(page, baseUrl);
    await api.call('POST', `/accounts/${accountId}/contacts`, {
      name: 'Ada Signer',
      title: 'General Counsel',
      email: 'ada.signer@customer.example',
      closingRoles: ['docusign_signer'],
    });
    await api.call('POST', `/accounts/${accountId}/contacts`, {
      name: 'Bo Cloud',
      title: 'Cloud Platform Lead',
      email: 'bo.cloud@customer.example',
      closingRoles: ['aws_admin'],
    });
    await api.call('PATCH', `/accounts/${accountId}`, { awsAccountId: BUYER_AWS_ACCOUNT });
  });

  it('Finance sends the quote for signature; DocuSign gets the PDF and the signer; Connect says it is signed', async () => {
    await signInAs(FINANCE);
    await openClosing(dealId);
    const signature = page.getByTestId('signature-card');
    await expect.poll(() => signature.getByTestId('step-evidence').textContent()).toMatch(/Ada Signer/);
    expect(await expectOfferControlsAllowed(offerId)).toEqual(
      expect.arrayContaining(['sign', 'createAwsOffer']),
    );
    await signature.getByRole('button', { name: `Send ${quoteNumber} for signature` }).click();
    await expect.poll(offerStatus).toBe('Sent for signature');
    await expect.poll(() => signature.getByTestId('step-status').textContent()).toBe('Sent');
    expect(docusign.envelopeRequests).toHaveLength(1);
    const [sent] = docusign.envelopeRequests;
    const envelope = sent?.body as unknown as {
      documents: Array<{ documentBase64: string }>;
      recipients: { signers: Array<{ name: string; email: string }> };
    };
    expect(envelope.recipients.signers[0]).toMatchObject({
      name: 'Ada Signer',
      email: 'ada.signer@customer.example',
    });
    const signed = await readPdf(Buffer.from(envelope.documents[0]?.documentBase64 ?? '', 'base64'));
    expect(signed.text).toContain(quoteNumber);
    expect(await stepState('signed_quote')).toBe('current');
    await expect
      .poll(() => stepper().locator('[data-step="signed_quote"]').textContent())
      .toContain('Ada Signer');
    await shoot('closing-evidence-sent');
    await expectNoAxeViolations(page, 'the closing tab with the quote sent for signature');

    const offer = await (await pageClient().call('GET', `/api/v1/offers/${offerId}`)).body;
    const envelopeId = offer.versions.at(-1).evidence.envelope.envelopeId as string;
    const message = connectMessage({ envelopeId, at: new Date().toISOString() });
    message.data.envelopeSummary.customFields.textCustomFields = [
      { name: 'closepathOfferId', value: offerId },
      { name: 'closepathOfferVersion', value: String(offer.currentVersion) },
      { name: 'closepathQuoteNumber', value: quoteNumber },
    ];
    const delivery = signedConnect(JSON.stringify(message), INBOUND.docusignConnectHmacKeys.slice(1));
    await deliver(
      delivery.url as string,
      delivery.headers as Record<string, string>,
      String(delivery.payload),
    );
    await expect
      .poll(async () => {
        await openClosing(dealId);
        await page.getByTestId('offer-status').waitFor();
        return stepState('signed_quote');
      })
      .toBe('done');
    await expect.poll(() => signature.getByTestId('step-status').textContent()).toBe('Signed');
    expect(await signature.getByTestId('step-evidence').textContent()).toContain(envelopeId);
  });

  it('Finance creates the AWS private offer and releases it; the agreement event closes the deal as won', async () => {
    await signInAs(ADMIN);
    const admin = await apiAs(page, baseUrl);
    await admin.call('POST', '/webhooks/subscriptions', {
      url: receiver.url,
      eventTypes: ['*'],
      description: 'invoicing (test receiver)',
    });

    await signInAs(FINANCE);
    await openClosing(dealId);
    const aws = page.getByTestId('aws-offer-card');
    await aws.getByRole('button', { name: 'Create AWS private offer' }).click();
    await expect.poll(() => aws.getByTestId('step-status').textContent()).toBe('Draft');
    await shoot('closing-evidence-aws-draft');
    expect(await expectOfferControlsAllowed(offerId)).toContain('releaseAwsOffer');
    await aws.getByRole('button', { name: 'Release to the buyer' }).click();
    await expect.poll(() => aws.getByTestId('step-status').textContent()).toBe('Released');
    expect(marketplace.startRequests.map((request) => request.ChangeSet[0]?.ChangeType)).toEqual([
      'CreateOffer',
      'ReleaseOffer',
    ]);
    expect(JSON.stringify(marketplace.startRequests[0])).toContain(BUYER_AWS_ACCOUNT);
    expect(await stepState('aws_offer')).toBe('done');
    expect(await stepState('acceptance')).toBe('current');
    await expectNoAxeViolations(page, 'the closing tab with the private offer released');

    const offer = await (await pageClient().call('GET', `/api/v1/offers/${offerId}`)).body;
    const marketplaceOfferId = offer.versions.at(-1).evidence.awsOffer.marketplaceOfferId as string;
    const event = agreementEvent({ id: `evt-${Date.now()}`, offerId: marketplaceOfferId });
    event.detail.acceptor.accountId = BUYER_AWS_ACCOUNT;
    const now = new Date().toISOString();
    Object.assign(event, { time: now });
    Object.assign(event.detail.agreement, { startTime: now, acceptanceTime: now });
    await deliver(
      AWS_EVENTS_PATH,
      {
        'content-type': 'application/json',
        [INBOUND.awsEventsHeaderName]: INBOUND.awsEventsSecrets[0] ?? '',
      },
      JSON.stringify(event),
    );
    await expect
      .poll(async () => {
        await openClosing(dealId);
        await page.getByTestId('offer-status').waitFor();
        return stepState('acceptance');
      })
      .toBe('done');
    expect(await aws.getByTestId('step-evidence').textContent()).toContain(event.detail.agreement.id);
    await shoot('closing-evidence-accepted');
  });

  it('the deal is Closed Won with both evidences, the contract is on the account, invoicing is told', async () => {
    await expect
      .poll(
        async () => {
          await openClosing(dealId);
          await page.getByTestId('closing-stepper').waitFor();
          return stepState('won');
        },
        { timeout: 30_000 },
      )
      .toBe('done');
    const view = await (await pageClient().call('GET', `/api/v1/opportunities/${dealId}`)).body;
    const won = firebolt()
      .pipelines.flatMap((pipeline) => pipeline.stages)
      .find((stage) => stage.key === view.opportunity.stage);
    expect(won?.outcome, `${dealName} is won`).toBe('won');
    expect(await page.getByTestId('signature-card').getByTestId('step-status').textContent()).toBe('Signed');
    expect(await page.getByTestId('aws-offer-card').getByTestId('step-status').textContent()).toBe(
      'Accepted',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'closing-evidence-won.png'), fullPage: true });
    await expectNoAxeViolations(page, 'the closing tab of a deal won');

    const contracts = await (await pageClient().call('GET', `/api/v1/accounts/${accountId}/contracts`)).body;
    expect(contracts.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ tcvMinor: 27_000_000, currency: 'USD' })]),
    );
    await expect
      .poll(() => receiver.received.map((message) => JSON.parse(message.body).type as string), {
        timeout: 30_000,
      })
      .toEqual(expect.arrayContaining([expect.stringMatching(/invoic/)]));
  });
});
