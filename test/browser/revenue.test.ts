import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import type { RunningServer } from './support/start-server.js';
import { signInAs } from './support/ui.js';

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

const shot = (name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `revenue-${name}.png`), fullPage: true });

describe('the revenue page', () => {
  it('VP Finance sees bookings by category per period, and GRR and NRR explained with their inputs', async () => {
    await signInAs(page, server.url, 'Victor Stone');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
    await page
      .getByRole('navigation', { name: 'Forecast views' })
      .getByRole('link', { name: 'Revenue' })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/forecast/revenue');
    // This fiscal year by its quarters, the demo's won deals and contracts in it.
    await expect
      .poll(() => page.getByRole('img', { name: /Bookings by category per period/ }).isVisible())
      .toBe(true);
    const periods = page.getByRole('table', { name: 'Bookings and retention per period' });
    await expect
      .poll(() => periods.getByRole('columnheader', { name: 'Acquisition' }).isVisible())
      .toBe(true);
    await expect.poll(() => periods.getByRole('rowheader').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('grr').textContent()).toMatch(/^GRR \d+\.\d%$/);
    await expect.poll(() => page.getByTestId('nrr').textContent()).toMatch(/^NRR \d+\.\d%$/);
    const how = page.getByRole('list', { name: 'How these were worked out' });
    await expect.poll(() => how.textContent()).toContain('GRR = (starting − churn − contraction) / starting');
    // Finance counts the whole company: no note that figures are narrowed.
    expect(await page.getByTestId('revenue-scope').count()).toBe(0);
    await expect
      .poll(() => page.getByRole('table', { name: 'Bookings by opportunity type' }).isVisible())
      .toBe(true);
    await expectNoAxeViolations(page, 'revenue page (VP Finance)');
    await shot('finance');

    // One period explained on its own.
    await page.getByLabel('Measured over').first().click();
    await page.getByRole('option').nth(1).click();
    await expect.poll(() => how.textContent()).toContain('NRR =');
    await shot('finance-period');

    // By months: the fiscal year's twelve.
    await page.getByText('Months', { exact: true }).click();
    await expect.poll(() => periods.getByRole('rowheader').count()).toBe(12);
  });

  it('an RVP sees the figures of what they may see, and the page says so', async () => {
    await signInAs(page, server.url, 'Henrik Olsen');
    await page.goto(`${server.url}/forecast/revenue`);
    await expect.poll(() => page.getByRole('heading', { name: 'Revenue', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('revenue-scope').textContent()).toContain('you may see');
    await expectNoAxeViolations(page, 'revenue page (narrowed)');
    await shot('narrowed');
  });
});
