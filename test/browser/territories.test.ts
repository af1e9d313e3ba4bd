import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../support/cli-server.js';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import type { RunningServer } from './support/start-server.js';
import { choose, signInAs } from './support/ui.js';

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

const SHOTS = process.env.TERRITORY_SHOTS ?? ARTIFACTS;
const shot = (name: string) =>
  page.screenshot({ path: path.join(SHOTS, `territories-${name}.png`), fullPage: true });

/** A screenshot of one part of the page, without the fixed header over it. */
async function shotOf(selector: string, name: string) {
  const header = page.locator('header').first();
  const visibility = (value: string) =>
    header.evaluate((element, to) => {
      (element as unknown as { style: { visibility: string } }).style.visibility = to;
    }, value);
  await visibility('hidden');
  await page.locator(selector).screenshot({ path: path.join(SHOTS, `territories-${name}.png`) });
  await visibility('');
}

const main = () => page.getByRole('main');
const worldMap = () => page.getByRole('listbox', { name: 'World map: countries by AE' });
const usMap = () => page.getByRole('listbox', { name: 'United States map: states by AE' });
const coverage = () => page.getByTestId('coverage');
const usWestCountries = () =>
  page.getByRole('combobox', { name: 'Countries (ISO codes) of US West, rule 2', exact: true });

async function saveDraft() {
  const saved = page.waitForResponse(
    (response) =>
      response.request().method() === 'PUT' && response.url().includes('/api/v1/territory-models/'),
  );
  await page.getByRole('button', { name: 'Save draft' }).click();
  expect((await saved).status()).toBe(200);
}

/** The accessible name of the map's shape of this ISO code. */
const nameOf = (map: Locator, code: string) =>
  map.locator(`[data-geography="${code}"]`).first().getAttribute('aria-label');

describe('the territory page for a RevOps admin', () => {
  it('imports the territories file as a draft and shows its map, rules and coverage', async () => {
    await signInAs(page, server.url, 'Grace Kim');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Territories' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/territories');
    await expect.poll(() => page.getByRole('heading', { name: 'Versions' }).isVisible()).toBe(true);

    // A new user imports the company's file, as it is in the repository.
    const file = readFileSync(path.join(REPOSITORY_ROOT, 'territories/firebolt.yaml'), 'utf8');
    await page.getByRole('textbox', { name: 'Territories file' }).fill(file);
    await page.getByRole('button', { name: 'Import as a draft' }).click();
    await expect
      .poll(() =>
        main()
          .getByRole('heading', { name: /^Version \d+: Firebolt coverage$/ })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => coverage().textContent()).toContain('Coverage is complete');

    // The map: every country and state drawn, coloured by AE, each with its territory, AE and rule.
    await expect.poll(() => worldMap().getByRole('option').count()).toBeGreaterThan(150);
    await expect.poll(() => usMap().getByRole('option').count()).toBeGreaterThanOrEqual(51);
    expect(await nameOf(worldMap(), 'DE')).toMatch(/^Germany: DACH, .+ — /);
    expect(await nameOf(usMap(), 'US-WA')).toMatch(/^Washington: US West, Maya Chen — /);
    expect(await usMap().locator('[data-geography="US-CA"]').getAttribute('data-paint')).toBe('territory');
    // India is split by segment: hatched on the map and listed.
    expect(await worldMap().locator('[data-geography="IN"]').getAttribute('data-paint')).toBe('split');
    await expect.poll(() => main().getByText('Split between AEs by segment').count()).toBe(1);
    // Hovering shows what the accessible name says.
    await usMap().locator('[data-geography="US-TX"]').hover();
    await expect.poll(() => page.getByTestId('map-focus').textContent()).toMatch(/Texas: US Central, .+ — /);
    await expect
      .poll(() =>
        main()
          .getByText(/Metro overrides/)
          .count(),
      )
      .toBe(1);
    const legend = page.getByRole('table', { name: 'Map legend' });
    expect(await legend.textContent()).toContain('Maya Chen');
    expect(await page.getByRole('table', { name: 'Territory rules' }).textContent()).toContain(
      'Bay Area (California)',
    );
    await expectNoAxeViolations(page, 'territory page, imported draft');
    await shot('page');
    await shotOf('[aria-labelledby="territory-map-title"]', 'map');
  });

  it('refuses to activate a draft edited into an overlap, naming it; fixed, previews and activates', async () => {
    // Puerto Rico, as a country, given to US West too: US East names it at the same level.
    await usWestCountries().fill('PR');
    await usWestCountries().press('Enter');
    await expect.poll(() => page.getByText('Unsaved changes').count()).toBe(1);
    await saveDraft();
    await expect
      .poll(() => coverage().textContent())
      .toMatch(/Overlap: Puerto Rico .* US West and US East|Overlap: Puerto Rico .* US East and US West/);
    await expect
      .poll(() => worldMap().locator('[data-geography="PR"]').getAttribute('data-paint'))
      .toBe('overlap');

    await page.getByRole('button', { name: 'Preview activation' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'This draft cannot be activated' });
    await expect
      .poll(() => refusal.textContent())
      .toMatch(/Puerto Rico .* is in US (West|East) and US (East|West) /);
    expect(await page.getByRole('button', { name: /^Activate version/ }).count()).toBe(0);
    await shotOf('[aria-labelledby="territory-map-title"]', 'map-overlap');
    await expectNoAxeViolations(page, 'activation refused');
    await shot('refused');
    await shotOf('[aria-labelledby="activation-title"]', 'refused-panel');

    // Fixed: Puerto Rico leaves US West's rule again; and the Bay Area goes to Maya Chen.
    await usWestCountries().click();
    await usWestCountries().press('Backspace');
    await choose(page, page.getByRole('combobox', { name: 'AE of Bay Area' }), 'Maya', 'Maya Chen');
    await saveDraft();
    await expect.poll(() => coverage().textContent()).toContain('Coverage is complete');
    // The preview open below reads the saved draft again.
    await expect.poll(() => refusal.count()).toBe(0);
    const perOwner = page.getByRole('table', { name: 'Changes per owner' });
    await expect.poll(() => perOwner.getByRole('row').count()).toBeGreaterThan(1);
    const moves = page.getByRole('table', { name: 'Accounts that move' });
    await expect.poll(() => moves.getByRole('row').count()).toBeGreaterThan(1);
    // Every account that moves is a Bay Area one, to Maya Chen; she gains them.
    for (const row of (await moves.getByRole('row').allTextContents()).slice(1))
      expect(row).toMatch(/→ Maya Chen.*Bay Area/);
    expect(await perOwner.getByRole('row', { name: /Maya Chen/ }).textContent()).toMatch(/^Maya Chen[1-9]/);
    await expectNoAxeViolations(page, 'activation preview');
    await shot('preview');
    await shotOf('[aria-labelledby="activation-title"]', 'preview-panel');

    const activate = page.getByRole('button', { name: /^Activate version \d+$/ });
    await activate.click();
    await expect.poll(() => page.getByText(/^Version \d+ is active$/).count()).toBe(1);
    await expect
      .poll(() =>
        main()
          .getByRole('heading', { name: /^Version \d+: Firebolt coverage$/ })
          .count(),
      )
      .toBe(1);
    const versions = page.getByRole('table', { name: 'Territory model versions' });
    await expect.poll(() => versions.getByRole('row').nth(1).textContent()).toContain('active');
    await expect.poll(() => page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'activated');
    await shot('activated');
  });

  it('routes a new Houston account to the AE the model names for the Texas metros', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Accounts', exact: true })
      .click();
    await page.getByRole('button', { name: 'New account' }).click();
    const form = page.getByRole('dialog').getByRole('form', { name: 'New account' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Bayou Analytics');
    const country = form.getByRole('combobox', { name: 'Country' });
    await expect.poll(() => country.isEnabled()).toBe(true);
    await choose(page, country, 'United States', 'United States of America');
    await choose(page, form.getByRole('combobox', { name: 'State / province' }), 'Texas', 'Texas');
    await form.getByRole('textbox', { name: 'City' }).fill('Houston');
    await form.getByRole('textbox', { name: 'Postal code' }).fill('77002');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Bayou Analytics', exact: true }).count())
      .toBe(1);
    const territory = page.getByTestId('account-territory');
    await expect.poll(() => territory.textContent()).toMatch(/Territory: Texas Metros, AE (.+) — /);
    const ae = /AE (.+?) — /.exec((await territory.textContent()) ?? '')?.[1] ?? '';
    expect(await main().getByText(`owner ${ae}`, { exact: false }).count()).toBe(1);
    await expectNoAxeViolations(page, 'account with its territory');
    await shot('account');
  });
});

describe('the territory page for others', () => {
  it('shows an RVP the active model without edit controls, and an AE no link', async () => {
    await signInAs(page, server.url, 'Rachel Adams');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Territories' }).click();
    await expect.poll(() => worldMap().getByRole('option').count()).toBeGreaterThan(150);
    await expect
      .poll(() => page.getByTestId('who-may').first().textContent())
      .toContain('RevOps admins edit territories');
    expect(await page.getByRole('button', { name: 'Import as a draft' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Preview activation' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'territory page for an RVP');

    await signInAs(page, server.url, 'Maya Chen');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('link').count()).toBeGreaterThan(1);
    expect(await nav.getByRole('link', { name: 'Territories' }).count()).toBe(0);
  });
});
