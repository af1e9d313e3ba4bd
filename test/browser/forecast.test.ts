import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
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
  page.screenshot({ path: path.join(ARTIFACTS, `forecast-${name}.png`), fullPage: true });

describe('the forecast page', () => {
  it("an RVP sees the chart and the roll-up of their region, and adjusts an AE's call with a note", async () => {
    await signInAs(page, server.url, 'Henrik Olsen');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/forecast');
    await expect.poll(() => page.getByRole('img', { name: /Categories by period/ }).isVisible()).toBe(true);
    const table = page.getByRole('table', { name: /Forecast roll-up/ });
    await expect.poll(() => table.getByRole('rowheader', { name: 'Company' }).isVisible()).toBe(true);
    await expect.poll(() => table.getByRole('rowheader', { name: /EMEA/ }).count()).toBeGreaterThan(0);
    // The RVP makes no call of their own: the page says who does.
    await expect.poll(() => page.getByTestId('who-may').first().textContent()).toContain('Account Executive');
    await expectNoAxeViolations(page, 'forecast page (RVP)');
    await shot('rvp');

    const form = page.getByRole('form', { name: /Adjust a call for/ });
    await form.getByRole('button', { name: 'Adjust call' }).click();
    await expect.poll(() => form.getByText('Say why you adjust the call.').isVisible()).toBe(true);
    const owner = (await form.getByLabel('Owner', { exact: true }).inputValue()).trim();
    await form.getByRole('textbox', { name: /Commit/ }).fill('120000');
    await form.getByRole('textbox', { name: /Best case/ }).fill('150000');
    await form.getByRole('textbox', { name: /Why/ }).fill('Two deals slip to next quarter');
    const saved = page.waitForResponse((r) => r.url().includes('/api/v1/forecast/adjustments'));
    await form.getByRole('button', { name: 'Adjust call' }).click();
    expect((await saved).status()).toBe(201);
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: owner, exact: true }) });
    await expect.poll(() => row.textContent()).toContain('$120,000 / $150,000');
    // The region's line now carries the adjusted call in its sum of the owners' calls.
    const region = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /EMEA/ }) });
    await expect.poll(() => region.first().textContent()).toMatch(/\d+ of \d+ called/);
    await expectNoAxeViolations(page, 'forecast page after an adjustment');
    await shot('adjusted');

    // The same roll-up as CSV: the adjusted call is the owner's standing call.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV of this forecast' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('forecast.csv');
    const rows: Array<Record<string, string>> = parse(readFileSync(await download.path()), { columns: true });
    expect(rows.some((r) => r.Level === 'company')).toBe(true);
    expect(rows).toContainEqual(
      expect.objectContaining({
        Level: 'owner',
        Owner: owner,
        CallCommit: '120000.00',
        CallBestCase: '150000.00',
      }),
    );
  });
});
