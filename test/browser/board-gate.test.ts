import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { cardOf, columnOf, dragCard, searchBoard } from './support/board-actions.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import { apiAs, type Missing } from './support/deal-setup.js';
import { signOffPocPlan } from './support/poc-actions.js';
import type { RunningServer } from './support/start-server.js';

const AE = { email: 'maya.chen@closepath.demo', name: 'Maya Chen' };

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

/** Discover's exit criterion derived from the POC plan: met on the workspace's POC panel. */
const POC_SIGN_OFF = 'nb_mutual_poc_plan_signed';

/**
 * A new deal of the signed-in AE, brought to Discover through the API: its move to Proof of Concept is
 * blocked by attestations, MEDDPICC levels and the POC plan's sign-off — all fixed in the workspace.
 */
async function newDiscoverDeal() {
  const api = await apiAs(page, server.url);
  const prospect = await api.newProspect('Redwood Observability', {
    country: 'US',
    subdivision: 'US-CA',
    city: 'Oakland',
  });
  const deal = await api.call('POST', '/opportunities', {
    accountId: prospect.accountId,
    name: 'Redwood Observability — log analytics',
    type: 'new_business',
    amountMinor: 9_600_000,
    currency: 'USD',
    closeDate: '2027-05-31',
    ownerId: api.user.id,
    source: 'ae',
  });
  // Call notes are derived from a call or meeting logged on the deal.
  await api.call('POST', `/opportunities/${deal.id}/activities`, {
    kind: 'call',
    contactIds: [prospect.championId],
    summary: 'Discovery call: log volumes and retention pain',
  });
  await api.satisfyNextStage(deal.id, prospect.championId, () => false);
  await api.move(deal.id, 'discover');
  return deal as { id: string; name: string };
}

async function readMissingPanel(): Promise<Missing[]> {
  const items = page.getByTestId('missing-panel').getByTestId('missing-item');
  await expect.poll(() => items.count()).toBeGreaterThan(0);
  return items.evaluateAll((nodes) =>
    nodes.map((node) => ({
      kind: node.getAttribute('data-kind') ?? '',
      key: node.getAttribute('data-key') ?? '',
      source: node.getAttribute('data-source') ?? undefined,
      required: node.getAttribute('data-required') ?? undefined,
    })),
  );
}

/** The workspace's tabs: the checklist is on the overview, MEDDPICC and the history have their own. */
const openTab = (name: string) => page.getByRole('tab', { name, exact: true }).click();

async function attest(key: string) {
  await openTab('Overview');
  const row = page.locator(`[data-testid="criterion"][data-criterion="${key}"]`).first();
  const box = row.getByRole('checkbox');
  if (await box.isChecked()) return;
  await box.click();
  await row.getByLabel('Note').fill(`Confirmed on the call (${key})`);
  await row.getByLabel('Evidence link').fill(`https://docs.example.com/${key}`);
  await row.getByRole('button', { name: 'Save attestation' }).click();
  await expect.poll(() => box.isChecked()).toBe(true);
}

async function qualify(element: string, level: string) {
  await openTab('MEDDPICC');
  const row = page.locator(`[data-testid="meddpicc-row"][data-element="${element}"]`);
  await row.getByText(level, { exact: true }).click();
  await row.getByLabel('Summary').fill(`${level} with the customer`);
  await row.getByRole('button', { name: /^Save / }).click();
  await expect.poll(() => row.getByRole('button', { name: /^Save / }).isDisabled()).toBe(true);
}

const nav = (name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

describe('the web app in Chromium', () => {
  it('signs in, blocks a gated drag with the missing list, moves once fixed, and records the gate', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByText('Demo users').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'sign-in page');
    await page.getByRole('button', { name: AE.name }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(AE.name);

    const deal = await newDiscoverDeal();

    // The board: columns with totals, then the deal alone through the text filter.
    await expect.poll(() => page.getByTestId('board-column').count()).toBe(8);
    await expect
      .poll(() => columnOf(page, 'discover').getByTestId('column-count').textContent())
      .toMatch(/\d+ deals?/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'board.png') });
    await expectNoAxeViolations(page, 'New Business board');
    await searchBoard(page, deal.name);
    await expect.poll(() => page.getByTestId('deal-card').count()).toBe(1);

    // Drag into the blocked stage: the card returns and the panel lists what is missing.
    await dragCard(page, deal.id, 'poc');
    const missing = await readMissingPanel();
    expect(missing.length).toBeGreaterThan(0);
    await expect
      .poll(() => columnOf(page, 'discover').locator(`[data-deal-id="${deal.id}"]`).count())
      .toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'board-blocked.png') });
    await expectNoAxeViolations(page, 'board with the missing panel');
    // Grouped by the stage each requirement belongs to, in the pipeline's order, with how far it could go now.
    const groups = await page
      .getByTestId('missing-group')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-stage')));
    expect(groups[0]).toBe('discover');
    expect(new Set(groups).size).toBe(groups.length);
    expect(await page.getByTestId('reachable').textContent()).toBe('It cannot move forward yet.');

    // Fix each item in the workspace, following the panel's link.
    await page
      .getByTestId('missing-panel')
      .getByRole('link', { name: 'Fix in the workspace' })
      .first()
      .click();
    await expect
      .poll(() => page.getByTestId('next-stage-ready').textContent())
      .toMatch(/missing for Proof of Concept/);
    await expectNoAxeViolations(page, 'workspace opened from the missing panel');
    for (const item of missing) {
      if (item.kind === 'criterion' && item.source === 'attested') await attest(item.key);
      if (item.kind === 'meddpicc') await qualify(item.key, item.required ?? 'identified');
    }
    // The Mutual POC Success Plan, signed off by the account's Champion.
    expect(missing.map((item) => item.key)).toContain(POC_SIGN_OFF);
    await signOffPocPlan(page, /Priya Raman/);
    await expect
      .poll(() => page.getByTestId('next-stage-ready').textContent())
      .toBe('Ready for Proof of Concept');
    await page.screenshot({ path: path.join(ARTIFACTS, 'workspace.png'), fullPage: true });
    await expectNoAxeViolations(page, 'workspace, ready for Proof of Concept');

    // Back on the board the same drag now moves the deal.
    await page
      .getByRole('link', { name: /New Business board/ })
      .first()
      .click();
    await searchBoard(page, deal.name);
    // The filter has answered (the card alone): a drag begun before would lose its card to the re-render.
    await expect.poll(() => page.getByTestId('deal-card').count()).toBe(1);
    await expect.poll(() => cardOf(page, deal.id).count()).toBe(1);
    await dragCard(page, deal.id, 'poc');
    await expect.poll(() => columnOf(page, 'poc').locator(`[data-deal-id="${deal.id}"]`).count()).toBe(1);
    await expect.poll(() => page.getByText('moving…').count()).toBe(0);
    expect(await page.getByTestId('missing-panel').count()).toBe(0);

    // The history shows the stage change with its gate snapshot: every requirement met, who attested.
    await cardOf(page, deal.id).getByRole('link').click();
    await openTab('History');
    const snapshot = page.getByTestId('gate-snapshot').filter({ hasText: 'Discover → Proof of Concept' });
    await expect.poll(() => snapshot.count()).toBe(1);
    const text = await snapshot.textContent();
    expect(text).toMatch(/gate: (\d+) of \1 requirements met/);
    expect(text).toContain(`attested by ${AE.name}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'workspace-history.png'), fullPage: true });
    await expectNoAxeViolations(page, 'workspace with the gate snapshot in its history');
  });

  it('closes a deal as lost from the keyboard menu, with the loss reason the gate requires', async () => {
    await nav('New Business board');
    // One of the AE's own deals (a peer's is readable, not movable: the app says so in words).
    const card = columnOf(page, 'created').getByTestId('deal-card').filter({ hasText: AE.name }).first();
    await expect.poll(() => card.count()).toBe(1);
    const dealId = await card.getAttribute('data-deal-id');
    const dealName = (await card.getByRole('link').textContent()) ?? '';
    await card.getByRole('button', { name: /^Move / }).click();
    await expectNoAxeViolations(page, 'move-to dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Closed Lost' }).click();
    await page.getByRole('dialog').getByLabel('Loss reason').click();
    await page.getByRole('option', { name: 'No budget' }).click();
    await expectNoAxeViolations(page, 'reason dialog with a loss reason');
    await page.getByRole('button', { name: 'Move to Closed Lost' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // Columns are virtualized: narrow the board to the deal so its card is rendered wherever it sorts.
    await searchBoard(page, dealName);
    await expect
      .poll(() => columnOf(page, 'closed_lost').locator(`[data-deal-id="${dealId}"]`).count())
      .toBe(1);
  });

  it('creates and edits an account and its contacts', async () => {
    await nav('Accounts');
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, 'accounts list');
    await page.getByRole('button', { name: 'New account' }).click();
    const form = page.getByRole('form', { name: 'New account' });
    await form.getByLabel('Name').fill('Aurora Telemetry');
    // The country is picked by name from the ISO 3166 list (loaded with the form).
    const country = form.getByRole('combobox', { name: 'Country' });
    await expect.poll(() => country.isEnabled()).toBe(true);
    // In the AE's own territory (US West): the territory model gives a new account to the AE it routes to.
    await country.click();
    await country.fill('United States');
    await page.getByRole('option', { name: 'United States of America', exact: true }).click();
    const state = form.getByRole('combobox', { name: 'State / province' });
    await state.click();
    await state.fill('Wash');
    await page.getByRole('option', { name: 'Washington', exact: true }).click();
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Aurora Telemetry', exact: true }).count())
      .toBe(1);
    expect(await page.getByText('No contacts yet').count()).toBe(1);
    await expectNoAxeViolations(page, 'new account page');

    await page.getByRole('button', { name: 'Add contact' }).click();
    const contact = page.getByRole('form', { name: 'New contact' });
    await contact.getByLabel('Name').fill('Ines Vogel');
    await contact.getByLabel('Title').fill('Head of Data');
    await contact.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Ines Vogel', exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: 'Edit account' }).click();
    const edit = page.getByRole('form', { name: 'Edit account' });
    await edit.getByLabel('Name').fill('Aurora Telemetry GmbH');
    await edit.getByRole('button', { name: 'Save account' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Aurora Telemetry GmbH', exact: true }).count())
      .toBe(1);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'account.png'), fullPage: true });
    await expectNoAxeViolations(page, 'account page with a contact');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Closepath' }).count()).toBe(1);
    expect((await page.request.get(`${server.url}/api/v1/auth/me`)).status()).toBe(401);
  });
});
