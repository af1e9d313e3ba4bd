import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import type { RunningServer } from './support/start-server.js';

const ADMIN = { email: 'grace.kim@closepath.demo', password: 'closepath-demo', name: 'Grace Kim' };
/** The playbook's red band: a health score below it is red (firebolt.yaml, inspection.health.bands). */
const YELLOW_FROM = 60;

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

const rows = () => page.getByTestId('at-risk-row');
const table = () => page.getByTestId('at-risk-table');

/** Runs `action` and waits for the deals-at-risk answer it asks for, then for the table to show it. */
async function andTheAnswer(query: string, action: () => Promise<void>) {
  const answer = page.waitForResponse(
    (response) => response.url().includes('/api/v1/deals-at-risk?') && response.url().includes(query),
  );
  await action();
  expect((await answer).status()).toBe(200);
  await expect.poll(() => table().getAttribute('aria-busy')).toBe('false');
}

/** The "$1,234,567" of each row's amount cell, as a number. */
async function amounts(): Promise<number[]> {
  const texts = await rows().getByTestId('amount').allTextContents();
  return texts.map((text) => Number(text.replace(/[^\d.]/g, '')));
}

describe('the deals at risk page in Chromium', () => {
  it('lists the deals at risk, sorts and filters them on the server, and opens a deal', async () => {
    await page.goto(server.url);
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
    await form.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(ADMIN.name);

    // A RevOps admin lands on Deals at risk. Default order: health, worst first; the same deals, in the same
    // order, as the API answers.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/at-risk');
    await expect.poll(() => table().getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => rows().count()).toBeGreaterThan(1);
    const api = await (await page.request.get(`${server.url}/api/v1/deals-at-risk?limit=50`)).json();
    const apiIds = (api.items as Array<{ opportunity: { id: string } }>).map((item) => item.opportunity.id);
    expect(
      await rows().evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-deal-id'))),
    ).toEqual(apiIds);

    // The verdicts are stored ones: the page says as of when (the oldest shown), as the API dates them.
    const computed = (api.items as Array<{ inspection: { computedAt: string } }>).map(
      (item) => item.inspection.computedAt,
    );
    const oldest = new Date([...computed].sort()[0] ?? '');
    const asOf = (await page.getByTestId('at-risk-as-of').textContent()) ?? '';
    expect(asOf).toMatch(/^As of \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
    expect(asOf).toContain(String(oldest.getUTCFullYear()));
    expect(api).not.toHaveProperty('truncated');
    expect(api).not.toHaveProperty('scanned');

    // Every row carries a health badge with its score, and is red or At Risk on velocity.
    const count = await rows().count();
    const labels = await rows()
      .getByTestId('health')
      .getByLabel(/^Health \d+ of 100$/)
      .allTextContents();
    expect(labels).toHaveLength(count);
    const scores = labels.map((text) => Number(text.replace(/\D/g, '')));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const velocities = await rows().getByTestId('velocity').allTextContents();
    velocities.forEach((velocity, index) => {
      expect(velocity).toMatch(/\d+ (of \d+ )?business days? in stage/);
      const red = (scores[index] ?? 100) < YELLOW_FROM;
      expect(red || velocity.startsWith('At risk'), `row ${index}: ♥ ${scores[index]}, ${velocity}`).toBe(
        true,
      );
    });

    // Sort by amount: the server's order, largest first, read from the cells.
    await andTheAnswer('sort=amount', () =>
      page.getByRole('button', { name: 'Amount', exact: true }).click(),
    );
    expect(await page.getByRole('columnheader', { name: 'Amount' }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    const byAmount = await amounts();
    expect(byAmount.length).toBeGreaterThan(1);
    expect(byAmount).toEqual([...byAmount].sort((a, b) => b - a));
    expect(byAmount[0]).toBeGreaterThan(byAmount.at(-1) ?? 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'deals-at-risk.png'), fullPage: true });
    await expectNoAxeViolations(page, 'Deals at risk, by amount');

    // Only the Renewal pipeline: every row's stage is a Renewal stage, still largest first.
    const playbook = await (await page.request.get(`${server.url}/api/v1/playbook`)).json();
    const pipelines = playbook.pipelines as Array<{
      key: string;
      stages: Array<{ key: string; name: string }>;
    }>;
    const renewalStages = new Set(pipelines.find((p) => p.key === 'renewal')?.stages.map((s) => s.name));
    const newBusinessOnly = pipelines
      .find((p) => p.key === 'new_business')
      ?.stages.map((s) => s.name)
      .filter((name) => !renewalStages.has(name));
    expect(renewalStages.size).toBeGreaterThan(0);
    await andTheAnswer('pipeline=renewal', () =>
      page.getByRole('radiogroup', { name: 'Pipeline' }).getByText('Renewal', { exact: true }).click(),
    );
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    const stages = await rows().getByTestId('stage-name').allTextContents();
    expect(stages.length).toBe(await rows().count());
    for (const stage of stages) {
      expect(renewalStages.has(stage), `${stage} is a Renewal stage`).toBe(true);
      expect(newBusinessOnly).not.toContain(stage);
    }
    // Demo deal names carry their type; the Renewal pipeline holds the renewal and expansion types.
    for (const name of await rows().getByTestId('deal-link').allTextContents()) {
      expect(name).toMatch(/— (renewal|expansion) #\d+$/);
    }
    const renewals = await (
      await page.request.get(`${server.url}/api/v1/deals-at-risk?pipeline=renewal&sort=amount&limit=50`)
    ).json();
    expect(await rows().count()).toBe(renewals.items.length);
    const renewalAmounts = await amounts();
    expect(renewalAmounts).toEqual([...renewalAmounts].sort((a, b) => b - a));
    await page.screenshot({ path: path.join(ARTIFACTS, 'deals-at-risk-renewal.png'), fullPage: true });
    await expectNoAxeViolations(page, 'Deals at risk, Renewal pipeline');

    // A deal's name opens its workspace.
    const first = rows().first();
    const dealId = await first.getAttribute('data-deal-id');
    const dealName = (await first.getByTestId('deal-link').textContent()) ?? '';
    await first.getByTestId('deal-link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/opportunities/${dealId}`);
    await expect.poll(() => page.getByRole('heading', { name: dealName, exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'workspace of a Renewal deal at risk');

    // Back keeps the order and the filter (they live in the address).
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=amount&pipeline=renewal');
    await expect.poll(() => rows().count()).toBe(renewals.items.length);
  });

  it('badges every open card on the board with its stored health, and sorts a column by health', async () => {
    await page.goto(`${server.url}/board/new_business?owner=all`);
    const cards = () => page.getByTestId('deal-card');
    await expect.poll(() => cards().count()).toBeGreaterThan(3);
    const board = await (await page.request.get(`${server.url}/api/v1/pipelines/new_business/board`)).json();
    const scoreOf = new Map(
      (board.cards as Array<{ id: string; healthScore: number | null }>).map((card) => [
        card.id,
        card.healthScore,
      ]),
    );
    // One badge per open card, with the score the server stored (no second request for the badges).
    for (const card of await cards().all()) {
      const id = (await card.getAttribute('data-deal-id')) ?? '';
      const badge = card.getByLabel(/^Health \d+ of 100$/);
      const stored = scoreOf.get(id);
      if (stored === null || stored === undefined) expect(await badge.count()).toBe(0);
      else expect(await badge.textContent()).toBe(`♥ ${stored}`);
    }

    const sorted = page.waitForResponse(
      (response) => response.url().includes('/board?') && response.url().includes('sort=health'),
    );
    await page.getByRole('search', { name: 'Filter the board' }).getByLabel('Order cards by').click();
    await page.getByRole('option', { name: 'Health, worst first' }).click();
    expect((await sorted).status()).toBe(200);
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('health');
    const column = page.locator('[data-testid="board-column"][data-stage="created"]');
    const scoresIn = async () =>
      (await column.getByLabel(/^Health \d+ of 100$/).allTextContents()).map((text) =>
        Number(text.replace(/\D/g, '')),
      );
    await expect.poll(async () => (await scoresIn()).length).toBeGreaterThan(1);
    const scores = await scoresIn();
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores[0]).toBeLessThan(scores.at(-1) ?? 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'board-by-health.png'), fullPage: true });
    await expectNoAxeViolations(page, 'New Business board, by health');
  });
});
