import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import { apiAs } from './support/deal-setup.js';
import { signOffPocPlan } from './support/poc-actions.js';
import type { RunningServer } from './support/start-server.js';

const AE = { email: 'maya.chen@closepath.demo', name: 'Maya Chen' };
/** Criteria derived from the POC plan: left for the POC panel to meet. */
const POC_RULES = new Set(['nb_mutual_poc_plan_signed']);

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

/** The workspace's tabs: the checklist and health on the overview, the POC plan and the history on their own. */
const openTab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
const criterionRow = (key: string) =>
  page.locator(`[data-testid="criterion"][data-criterion="${key}"]`).first();
const criterionMet = (key: string) => criterionRow(key).locator('text=met').first().textContent();
const healthScore = async () => {
  const label = await page
    .getByTestId('inspection')
    .getByLabel(/^Health \d+ of 100$/)
    .getAttribute('aria-label');
  return Number(/Health (\d+)/.exec(label ?? '')?.[1]);
};

describe('the POC method in the workspace', () => {
  it('creates a POC plan, holds the sessions, records results and turns the POC criteria green', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: AE.name }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(AE.name);

    // A new prospect of the AE's territory with a fresh deal, brought to Discover through the API.
    const api = await apiAs(page, server.url);
    const prospect = await api.newProspect('Sierra Analytics', {
      country: 'US',
      subdivision: 'US-CA',
      city: 'San Jose',
    });
    const deal = await api.call('POST', '/opportunities', {
      accountId: prospect.accountId,
      name: 'Sierra Analytics — realtime dashboards',
      type: 'new_business',
      amountMinor: 18_000_000,
      currency: 'USD',
      closeDate: '2027-06-30',
      ownerId: api.user.id,
      source: 'ae',
    });
    // Call notes are derived from a call or meeting logged on the deal.
    await api.call('POST', `/opportunities/${deal.id}/activities`, {
      kind: 'call',
      contactIds: [prospect.championId],
      summary: 'Discovery call: dashboards time out at month end',
    });
    await api.satisfyNextStage(deal.id, prospect.championId, () => false);
    await api.move(deal.id, 'discover');
    // Everything Proof of Concept needs except the Mutual POC Success Plan, which the POC panel provides.
    await api.satisfyNextStage(deal.id, prospect.championId, (item) => POC_RULES.has(item.key));

    await page.goto(`${server.url}/opportunities/${deal.id}`);
    await openTab('POC plan');
    const panel = page.getByTestId('poc-panel');
    await expect.poll(() => panel.getByText('No POC plan yet').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('next-stage-ready').textContent())
      .toMatch(/missing for Proof of Concept/);
    await expectNoAxeViolations(page, 'workspace without a POC plan');

    // Create the plan: the five sessions of the seed with their durations.
    await panel.getByRole('button', { name: 'Create POC plan' }).click();
    await expect.poll(() => panel.getByTestId('poc-session').count()).toBe(5);
    await panel.getByTestId('poc-session').first().getByRole('button').first().click();
    await panel.screenshot({ path: path.join(ARTIFACTS, 'poc-sessions.png') });
    await expectNoAxeViolations(page, 'workspace with a POC session open');
    expect(await panel.getByTestId('poc-status').textContent()).toBe('Planned');
    const titles = await panel.getByTestId('poc-session').allTextContents();
    expect(titles.map((title) => /(\d+) min|duration as needed/.exec(title)?.[0])).toEqual([
      '40 min',
      '60 min',
      '45 min',
      'duration as needed',
      '60 min',
    ]);

    // The Champion signs the Mutual POC Success Plan: Discover's last exit criterion.
    await signOffPocPlan(page, /Priya Raman/);
    await expect
      .poll(() => page.getByTestId('next-stage-ready').textContent())
      .toBe('Ready for Proof of Concept');

    // Into the POC stage through the enforced path.
    const stagePath = page.getByRole('list', { name: 'Stage path' });
    await stagePath.locator('button', { hasText: /^Proof of Concept$/ }).click();
    await expect
      .poll(() => stagePath.locator('[aria-current="step"]').textContent())
      .toBe('Proof of Concept');
    await openTab('Overview');
    await expect.poll(() => criterionMet('nb_poc_results_meet_criteria')).toBe('not met');
    await expect.poll(() => criterionMet('nb_poc_readout')).toBe('not met');
    const healthBefore = await healthScore();

    // Hold every session (open each one and mark it held).
    await openTab('POC plan');
    await panel.getByRole('tab', { name: 'Sessions' }).click();
    for (let index = 0; index < 5; index += 1) {
      const session = panel.getByTestId('poc-session').nth(index);
      const control = session.getByRole('button').first();
      if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
      await session.getByRole('button', { name: 'Mark as held' }).click();
      await expect.poll(() => session.getByText('held', { exact: true }).count()).toBe(1);
    }

    // Every success criterion met, one with its target and result written down.
    await panel.getByRole('tab', { name: 'Success criteria' }).click();
    const criteria = panel.getByTestId('poc-criterion');
    await expect.poll(() => criteria.count()).toBe(9);
    const first = criteria.first();
    await first.getByRole('button', { name: 'Target and result…' }).click();
    await first.getByLabel('Target', { exact: true }).fill('p95 under 1 s on the top 20 dashboard queries');
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => first.textContent()).toContain('Target: p95 under 1 s');
    for (let index = 0; index < 9; index += 1) {
      const row = criteria.nth(index);
      // Each change waits for the previous one to be saved and read back (the controls are disabled meanwhile).
      await expect.poll(() => row.getByRole('radio', { name: 'Met', exact: true }).isEnabled()).toBe(true);
      // Calling a criterion met asks for the result that shows it.
      await row.getByText('Met', { exact: true }).click();
      await row.getByRole('textbox', { name: /^Result/ }).fill(`Shown in session ${index + 1}`);
      await row.getByRole('button', { name: 'Save as met' }).click();
      await expect.poll(() => row.getAttribute('data-status')).toBe('met');
    }
    expect(await first.textContent()).toContain('Result: Shown in session 1');
    await expect.poll(() => panel.getByTestId('poc-status').textContent()).toBe('Succeeded');
    await panel.screenshot({ path: path.join(ARTIFACTS, 'poc-criteria.png') });
    await expectNoAxeViolations(page, 'POC success criteria, all met');
    await openTab('Overview');
    await expect.poll(() => criterionMet('nb_poc_results_meet_criteria')).toBe('met');

    // The readout with the customer: the POC stage's last derived criterion.
    await openTab('POC plan');
    await panel.getByRole('tab', { name: 'Sign-off and readout' }).click();
    await panel
      .getByLabel('Readout summary')
      .fill('All nine criteria met; the customer agrees to a proposal.');
    await panel.getByRole('button', { name: 'Record readout' }).click();
    await expect.poll(() => panel.getByTestId('poc-readout').count()).toBe(1);
    await openTab('Overview');
    await expect.poll(() => criterionMet('nb_poc_readout')).toBe('met');

    // Health counts the POC's success, with the reason shown.
    await expect.poll(healthScore).toBeGreaterThan(healthBefore);
    expect(await page.getByTestId('inspection').textContent()).toContain('POC success');
    await page.screenshot({ path: path.join(ARTIFACTS, 'workspace-poc.png'), fullPage: true });
    await expectNoAxeViolations(page, 'workspace at Proof of Concept, readout recorded');
  });

  it('moves the deal back from the stage path only with a reason, and the history shows it', async () => {
    const stagePath = page.getByRole('list', { name: 'Stage path' });
    await stagePath.locator('button', { hasText: /Discover$/ }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Move to Discover' });
    expect(await confirm.isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'reason dialog for a backward move');
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill('Champion left; re-qualifying the pain');
    await confirm.click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => stagePath.locator('[aria-current="step"]').textContent()).toBe('Discover');
    await openTab('History');
    const snapshot = page.getByTestId('gate-snapshot').filter({ hasText: 'Proof of Concept → Discover' });
    await expect.poll(() => snapshot.count()).toBe(1);
    expect(await snapshot.textContent()).toContain('Reason: Champion left; re-qualifying the pain');
  });
});
