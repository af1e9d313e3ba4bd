import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../../src/domain/forecast/periods.js';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import type { RunningServer } from './support/start-server.js';
import { errorAt, signInAs } from './support/ui.js';

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

const SHOTS = process.env.FORECAST_SETTINGS_SHOTS ?? ARTIFACTS;
const shot = (name: string) =>
  page.screenshot({ path: path.join(SHOTS, `forecast-settings-${name}.png`), fullPage: true });

// The demo playbook's fiscal year starts in February; the forecast page opens on the quarter of today.
const quarter = periodOf(new Date().toISOString().slice(0, 10), 'quarter', 2);
const quotaCell = (owner: string) =>
  page.getByRole('textbox', { name: `Quota of ${owner} for ${quarter.label}`, exact: true });

describe('the forecast settings page', () => {
  it('RevOps sets a rate, edits a quota, imports quotas from CSV (a bad line first), and the forecast uses them', async () => {
    await signInAs(page, server.url, 'Grace Kim');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
    await page
      .getByRole('navigation', { name: 'Forecast views' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/forecast/settings');

    // Rates: the demo's table; a rate of 0 is refused at its row, then 1.1 is saved.
    const eur = page.getByRole('textbox', { name: 'Rate of EUR in USD' });
    await expect.poll(() => eur.inputValue()).toBe('1.08');
    const rates = page.getByRole('table', { name: 'Rates to USD' });
    await expect.poll(() => rates.getByRole('row', { name: /^EUR/ }).textContent()).toContain('System');
    await expectNoAxeViolations(page, 'forecast settings (RevOps)');
    await shot('start');
    await eur.fill('0');
    await page.getByRole('button', { name: 'Save rates' }).click();
    await expect.poll(() => errorAt(page, eur)).toContain('Give a rate above 0');
    await eur.fill('1.1');
    const ratesSaved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/fx-rates') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Save rates' }).click();
    expect((await ratesSaved).status()).toBe(200);
    await expect.poll(() => page.getByText('Rates saved.').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Rate of EUR in USD' }).inputValue())
      .toBe('1.1');
    await expect.poll(() => rates.getByRole('row', { name: /^EUR/ }).textContent()).toContain('Grace Kim');

    // Quotas: one AE's quota for this quarter, edited in the grid.
    const maya = quotaCell('Maya Chen');
    await expect.poll(() => maya.inputValue()).not.toBe('');
    await maya.fill('777000');
    await page.getByRole('button', { name: 'Save 1 changed quota' }).click();
    await expect.poll(() => page.getByText('1 quota saved.').isVisible()).toBe(true);
    await expect.poll(() => maya.inputValue()).toBe('777000');

    // Import: one bad line and nothing is imported; fixed, both lines are.
    const megan = quotaCell('Megan Sullivan');
    const meganBefore = await megan.inputValue();
    const csv = (amount: string) =>
      [
        'OwnerEmail,Period,PeriodStart,Amount',
        `megan.sullivan@closepath.demo,quarter,${quarter.start},333000`,
        `jordan.brooks@closepath.demo,quarter,${quarter.start},${amount}`,
      ].join('\n');
    const pasted = page.getByRole('textbox', { name: 'Or paste the file' });
    await pasted.fill(csv('41O000'));
    await page.getByRole('button', { name: 'Import quotas' }).click();
    const problems = page.getByRole('list', { name: 'Problems by line' });
    await expect
      .poll(() => problems.textContent())
      .toBe('line 3, Amount: must be a non-negative decimal number, e.g. 12500.00');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).isVisible())
      .toBe(true);
    expect(await megan.inputValue()).toBe(meganBefore);
    await expectNoAxeViolations(page, 'forecast settings, an import refused');
    await shot('import-refused');
    await pasted.fill(csv('410000'));
    await page.getByRole('button', { name: 'Import quotas' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '2 quotas set for 2 owners.' }).isVisible())
      .toBe(true);
    await expect.poll(() => megan.inputValue()).toBe('333000');
    await expect.poll(() => quotaCell('Jordan Brooks').inputValue()).toBe('410000');
    await expectNoAxeViolations(page, 'forecast settings, imported');
    await shot('imported');

    // The forecast's roll-up measures the owners against the new quotas.
    await page
      .getByRole('navigation', { name: 'Forecast views' })
      .getByRole('link', { name: 'Roll-up and calls' })
      .click();
    const table = page.getByRole('table', { name: `Forecast roll-up, ${quarter.label}` });
    const rowOf = (owner: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: owner, exact: true }) });
    await expect.poll(() => rowOf('Megan Sullivan').textContent()).toContain('$333,000');
    await expect.poll(() => rowOf('Maya Chen').textContent()).toContain('$777,000');
    await expect.poll(() => rowOf('Jordan Brooks').textContent()).toContain('$410,000');
    await shot('forecast');
  });

  it('an AE has no settings link, and at the address reads who may keep them', async () => {
    await signInAs(page, server.url, 'Maya Chen');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
    const views = page.getByRole('navigation', { name: 'Forecast views' });
    await expect.poll(() => views.getByRole('link', { name: 'Funnel' }).isVisible()).toBe(true);
    expect(await views.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await page.goto(`${server.url}/forecast/settings`);
    const whoMay = page.getByTestId('who-may');
    await expect.poll(() => whoMay.textContent()).toContain('VP Finance');
    expect(await whoMay.textContent()).toContain('RevOps admin');
    expect(await page.getByRole('button', { name: 'Save rates' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import quotas' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'forecast settings (AE)');
    await shot('ae');
  });
});
