import path from 'node:path';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import { apiAs } from './support/deal-setup.js';
import type { RunningServer } from './support/start-server.js';
import { signInAs } from './support/ui.js';

/** The worker on, with the loopback receiver allowed (as WEBHOOKS_ALLOW_* allow it for local development). */
const session = openBrowserSession({
  env: {
    WEBHOOKS_WORKER: 'on',
    WEBHOOKS_ALLOW_HTTP: 'true',
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOKS_POLL_MS: '200',
  },
});
let server: RunningServer;
let page: Page;
let receiver: WebhookReceiver;
beforeAll(async () => {
  ({ server, page } = session);
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver?.close());

const nav = () => page.getByRole('navigation', { name: 'Main' });
const updates = () =>
  receiver.received.filter(
    (message) => (JSON.parse(message.body) as { type: string }).type === 'account.updated',
  );

describe('the Webhooks screen for RevOps', () => {
  it('is not in the navigation of a role without the right', async () => {
    await signInAs(page, server.url, 'Maya Chen');
    await expect
      .poll(() => nav().getByRole('link', { name: 'Accounts', exact: true }).isVisible())
      .toBe(true);
    expect(await nav().getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
  });

  it('subscribes a receiver, shows the change delivered with its attempt, and replays it', async () => {
    await signInAs(page, server.url, 'Grace Kim');
    await nav().getByRole('link', { name: 'Webhooks' }).click();
    await expect.poll(() => page.getByText('No subscriptions yet').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'webhooks, empty');

    // A refused target is shown at its field.
    const url = page.getByRole('textbox', { name: 'Receiver URL' });
    await url.fill('ftp://hooks.example.com/closepath');
    await page.getByRole('button', { name: 'Create subscription' }).click();
    await expect.poll(() => page.getByText('an https:// or http:// URL').isVisible()).toBe(true);

    await url.fill(receiver.url);
    await page.getByRole('button', { name: 'Create subscription' }).click();
    const secretShown = page.getByTestId('webhook-secret');
    await expect.poll(() => secretShown.isVisible()).toBe(true);
    const secret = (await secretShown.textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    await expectNoAxeViolations(page, 'webhooks, secret shown once');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await secretShown.count()).toBe(0);

    // A change in the app: an account edited through the API as the signed-in admin.
    const api = await apiAs(page, server.url);
    const [account] = (await api.call('GET', '/accounts?limit=1')).items;
    await api.call('PATCH', `/accounts/${account.id}`, { city: 'Galway' });
    await expect.poll(() => updates().length).toBe(1);
    const [message] = updates();
    if (!message) throw new Error('nothing received');
    const verified = new Webhook(secret).verify(message.body, {
      'webhook-id': message.id,
      'webhook-timestamp': message.timestamp,
      'webhook-signature': message.signature,
    });
    expect(verified).toMatchObject({ type: 'account.updated', data: { entityId: account.id } });

    const log = page.getByRole('table', { name: 'Webhook deliveries' });
    const row = log.getByRole('row').filter({ hasText: 'account.updated' });
    await expect.poll(() => row.first().textContent()).toMatch(/delivered/);
    await row.first().getByRole('button', { name: 'Attempts' }).click();
    const attempts = page.getByRole('table', { name: `Attempts of ${message.id}` });
    await expect.poll(() => attempts.getByRole('row').nth(1).textContent()).toMatch(/^1.*200.*answered 200/);

    await row
      .first()
      .getByRole('button', { name: /^Replay account\.updated/ })
      .click();
    await expect.poll(() => updates().length).toBe(2);
    expect(updates()[1]?.id).toBe(message.id);
    await expect.poll(() => attempts.getByRole('row').count()).toBe(3);
    await expect.poll(() => row.first().textContent()).toMatch(/delivered/);
    await expectNoAxeViolations(page, 'webhooks, delivery log with attempts');
    await page.screenshot({ path: path.join(ARTIFACTS, 'webhooks.png'), fullPage: true });
  });
});
