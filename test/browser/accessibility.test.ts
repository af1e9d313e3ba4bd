import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { cardOf, searchBoard } from './support/board-actions.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import { apiAs } from './support/deal-setup.js';
import type { RunningServer } from './support/start-server.js';

/**
 * Every main screen of the web app, as a signed-in AE sees it, against axe-core's WCAG 2.1 A and AA rules:
 * sign-in, both boards with their dialogs and the missing panel, a workspace with every panel open, Deals at
 * risk, the accounts and an account. One server, one browser; each screen is audited once it has settled.
 * A new screen gets a step here (and an `expectNoAxeViolations` call in its own browser test).
 */
const AE = { name: 'Maya Chen' };
const FINANCE = { name: 'Victor Stone' };

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

const nav = (name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
const dialog = () => page.getByRole('dialog');
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `a11y-${name}.png`) });

/** A deal of the AE at Discover with a POC plan, so the workspace shows every panel with content. */
async function discoverDealWithPocPlan() {
  const api = await apiAs(page, server.url);
  const prospect = await api.newProspect('Lumen Metrics', {
    country: 'US',
    subdivision: 'US-CA',
    city: 'Fresno',
  });
  const deal = await api.call('POST', '/opportunities', {
    accountId: prospect.accountId,
    name: 'Lumen Metrics — usage analytics',
    type: 'new_business',
    amountMinor: 7_200_000,
    currency: 'USD',
    closeDate: '2027-04-30',
    ownerId: api.user.id,
    source: 'ae',
  });
  // Call notes are derived from a call or meeting logged on the deal.
  await api.call('POST', `/opportunities/${deal.id}/activities`, {
    kind: 'call',
    contactIds: [prospect.championId],
    summary: 'Discovery call: usage analytics for the product team',
  });
  await api.satisfyNextStage(deal.id, prospect.championId, () => false);
  await api.move(deal.id, 'discover');
  await api.call('POST', `/opportunities/${deal.id}/poc`);
  await api.call('POST', `/opportunities/${deal.id}/poc/benchmarks`, {
    workload: 'Top 20 dashboard queries',
    baselineLatencyMs: 2400,
    ourLatencyMs: 310,
    baselineCostMinor: 1_200_000,
    ourCostMinor: 450_000,
    currency: 'USD',
  });
  await api.call('PUT', `/opportunities/${deal.id}/poc/tco`, {
    baselineAnnualMinor: 42_000_000,
    ourAnnualMinor: 18_000_000,
    currency: 'USD',
    note: 'Three-year view agreed with the Economic Buyer',
  });
  return { id: deal.id as string, name: deal.name as string, accountId: prospect.accountId };
}

let deal: Awaited<ReturnType<typeof discoverDealWithPocPlan>>;

describe('accessibility (axe-core, WCAG 2.1 A and AA) of every main screen', () => {
  it('the sign-in page', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByText('Demo users').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'sign-in page');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'Email' }).fill('nobody@closepath.demo');
    await form.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await expectNoAxeViolations(page, 'sign-in page: refused');
    await page.getByRole('button', { name: AE.name }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(AE.name);
    deal = await discoverDealWithPocPlan();
  });

  it('the New Business board, its move-to and reason dialogs and the missing panel', async () => {
    await nav('New Business board');
    await expect.poll(() => page.getByTestId('deal-card').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'New Business board');
    await shot('board');
    await page.getByRole('search', { name: 'Filter the board' }).getByLabel('Owner', { exact: true }).click();
    await expect.poll(() => page.getByRole('listbox').count()).toBe(1);
    await expectNoAxeViolations(page, 'New Business board: owner filter open');
    await shot('board-owner-filter');
    await page.keyboard.press('Escape');

    await searchBoard(page, deal.name);
    await expect.poll(() => page.getByTestId('deal-card').count()).toBe(1);
    await cardOf(page, deal.id)
      .getByRole('button', { name: /^Move / })
      .click();
    await expect.poll(() => dialog().count()).toBe(1);
    await expectNoAxeViolations(page, 'move-to dialog');
    await shot('move-to-dialog');

    await dialog().getByRole('button', { name: 'Closed Lost' }).click();
    await expect.poll(() => dialog().getByLabel('Loss reason').count()).toBe(1);
    await expectNoAxeViolations(page, 'reason dialog (Closed Lost)');
    await shot('reason-dialog');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog().count()).toBe(0);

    await cardOf(page, deal.id)
      .getByRole('button', { name: /^Move / })
      .click();
    await dialog().getByRole('button', { name: 'Proof of Concept' }).click();
    await expect.poll(() => page.getByTestId('missing-panel').count()).toBe(1);
    await expectNoAxeViolations(page, 'missing panel on the board');
    await shot('board-missing');
  });

  it('the Renewal board', async () => {
    await nav('Renewal board');
    await expect.poll(() => page.getByRole('heading', { name: /Renewal pipeline/ }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('deal-card').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'Renewal board');
  });

  it('the opportunity workspace with its panels open', async () => {
    await page.goto(`${server.url}/opportunities/${deal.id}`);
    const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
    const poc = page.getByTestId('poc-panel');
    await expect.poll(() => poc.getByTestId('poc-session').count()).toBe(5);
    await expect.poll(() => page.getByTestId('history-event').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'workspace');

    // The overview: an attestation and a milestone being recorded.
    const attest = page.getByRole('button', { name: 'Attest…' }).first();
    if ((await attest.count()) > 0) await attest.click();
    await page
      .getByTestId('milestones')
      .getByRole('button', { name: /^Record…/ })
      .first()
      .click();
    await expectNoAxeViolations(page, 'workspace: attestation and milestone forms open');
    // A full-page shot of a scrolled page draws the sticky header in the middle: from the top.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'a11y-workspace.png'), fullPage: true });

    // MEDDPICC, the activity and the history tabs.
    await tab('MEDDPICC');
    await expect.poll(() => page.getByTestId('meddpicc-row').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'workspace: MEDDPICC');
    await tab('Activity');
    await expect.poll(() => page.getByTestId('activity').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'workspace: activity');
    await tab('History');
    await expect.poll(() => page.getByTestId('history-event').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'workspace: history');

    // The POC plan with a session open.
    await tab('POC plan');
    await poc.getByTestId('poc-session').first().getByRole('button').first().click();
    await expectNoAxeViolations(page, 'workspace: POC session open');
    await poc.getByRole('tab', { name: 'Success criteria' }).click();
    await poc.getByRole('button', { name: 'Target and result…' }).first().click();
    await expectNoAxeViolations(page, 'workspace: POC success criteria');
    await poc.getByRole('tab', { name: 'Benchmarks and TCO' }).click();
    await poc.getByTestId('poc-benchmark').getByRole('button', { name: 'Edit' }).click();
    await expectNoAxeViolations(page, 'workspace: POC benchmarks and TCO');
    await poc.screenshot({ path: path.join(ARTIFACTS, 'a11y-poc-benchmarks.png') });
    await poc.getByRole('tab', { name: 'Sign-off and readout' }).click();
    await expectNoAxeViolations(page, 'workspace: POC sign-off and readout');
    await poc.screenshot({ path: path.join(ARTIFACTS, 'a11y-poc-sign-off.png') });

    // The stage path: a blocked move lists what is missing; a backward one asks for the reason.
    const stagePath = page.getByRole('list', { name: 'Stage path' });
    await stagePath.locator('button', { hasText: /^Proof of Concept$/ }).click();
    await expect.poll(() => page.getByTestId('missing-panel').count()).toBe(1);
    await expectNoAxeViolations(page, 'workspace: missing panel');
    await stagePath.locator('button', { hasText: /Opportunity Created$/ }).click();
    await expect.poll(() => dialog().count()).toBe(1);
    await expectNoAxeViolations(page, 'workspace: reason dialog (backward move)');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('Deals at risk', async () => {
    await nav('Deals at risk');
    await expect.poll(() => page.getByTestId('at-risk-row').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'Deals at risk');
    await shot('deals-at-risk');
  });

  it('the accounts list and an account', async () => {
    await nav('Accounts');
    await expect.poll(() => page.getByRole('heading', { name: 'Accounts' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, 'accounts list');
    await shot('accounts');
    await page.getByRole('button', { name: 'New account' }).click();
    await expect.poll(() => dialog().count()).toBe(1);
    await expectNoAxeViolations(page, 'new account dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);

    await page.goto(`${server.url}/accounts/${deal.accountId}`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Lumen Metrics', exact: true }).count())
      .toBe(1);
    await expectNoAxeViolations(page, 'account page');
    await page.screenshot({ path: path.join(ARTIFACTS, 'a11y-account.png'), fullPage: true });
    const openEach = async (dialogs: ReadonlyArray<readonly [string, string]>) => {
      for (const [button, label] of dialogs) {
        await page.getByRole('button', { name: button, exact: true }).click();
        await expect.poll(() => dialog().count()).toBe(1);
        await expectNoAxeViolations(page, label);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog().count()).toBe(0);
      }
    };
    await openEach([
      ['Edit account', 'edit account dialog'],
      ['Add contact', 'add contact dialog'],
    ]);
    // Contracts are Finance's and RevOps's record: the AE is told who may, and Finance opens the dialog.
    expect(await page.getByRole('button', { name: 'Record contract', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: FINANCE.name }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(FINANCE.name);
    await page.goto(`${server.url}/accounts/${deal.accountId}`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Lumen Metrics', exact: true }).count())
      .toBe(1);
    await openEach([['Record contract', 'record contract dialog']]);
  });
});
