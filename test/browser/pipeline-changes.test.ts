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

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
const nav = () => page.getByRole('navigation', { name: 'Main' });
const today = () => new Date().toISOString().slice(0, 10);

describe('what changed and the funnel in Chromium', () => {
  it('a RevOps admin takes a snapshot, compares, and reads the funnel beside the playbook probabilities', async () => {
    await signInAs(page, server.url, 'Grace Kim');
    await nav().getByRole('link', { name: 'Forecast' }).click();
    await page
      .getByRole('navigation', { name: 'Forecast views' })
      .getByRole('link', { name: 'What changed' })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/forecast/changes');
    // The demo took a snapshot a week ago, then its owners edited deals: next year's deals moved.
    await page.getByRole('textbox', { name: 'Period' }).fill(String(Number(today().slice(0, 4)) + 1));
    const table = page.getByRole('table', { name: "Each deal's change" });
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Pushed' }).count()).toBeGreaterThan(0);
    expect(
      await table
        .getByRole('row')
        .filter({ hasText: /Amount (up|down)/ })
        .count(),
    ).toBeGreaterThan(0);
    await expect.poll(() => page.locator('figure .recharts-bar-rectangle').count()).toBeGreaterThan(1);
    await shot('pipeline-changes-week');
    await expectNoAxeViolations(page, 'what changed over the demo week');

    // A snapshot now, compared with itself: every deal unchanged.
    await page.getByRole('button', { name: 'Take a snapshot now' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Snapshot of \d+ open deals taken/ })
          .count(),
      )
      .toBe(1);
    await page.getByRole('textbox', { name: 'From' }).fill(today());
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(1);
    await expect.poll(() => table.getByRole('row').filter({ hasNotText: 'Unchanged' }).count()).toBe(1);
    expect(await page.locator('figcaption').first().textContent()).toMatch(/^Start: .+ · End: /);
    await shot('pipeline-changes');
    await expectNoAxeViolations(page, 'what changed, one snapshot');

    await page
      .getByRole('navigation', { name: 'Forecast views' })
      .getByRole('link', { name: 'Funnel' })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/funnel');
    const stages = page.getByRole('table', { name: 'Per stage' });
    await expect.poll(() => stages.getByRole('row').count()).toBeGreaterThan(2);
    expect(await stages.getByRole('columnheader').allTextContents()).toEqual([
      'Stage',
      'Entered',
      'Reached the next or beyond',
      'Conversion',
      'Median days',
      'Closed (won)',
      'Win rate from history',
      'Playbook probability',
    ]);
    await shot('funnel');
    await expectNoAxeViolations(page, 'funnel');
  });

  it('an AE sees the changes of their own deals and is told who may take a snapshot', async () => {
    await signInAs(page, server.url, 'Maya Chen');
    await nav().getByRole('link', { name: 'Forecast' }).click();
    await page
      .getByRole('navigation', { name: 'Forecast views' })
      .getByRole('link', { name: 'What changed' })
      .click();
    await expect
      .poll(() => page.getByTestId('who-may').textContent())
      .toMatch(/^Taking a snapshot now: .*RevOps/);
    expect(await page.getByRole('button', { name: 'Take a snapshot now' }).count()).toBe(0);
  });
});
