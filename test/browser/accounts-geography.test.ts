import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import type { RunningServer } from './support/start-server.js';
import { errorAt as errorAtField, choose as pick } from './support/ui.js';

const AE = { name: 'Maya Chen' };
const ACCOUNT = 'Cascade Geo Labs';
const SEATTLE = 'Seattle, Washington, United States of America';

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
const requested: string[] = [];
beforeAll(() => {
  ({ server, page } = session);
  page.on('request', (request) => requested.push(request.url()));
});

const errorAt = (field: Locator) => errorAtField(page, field);
const choose = (field: Locator, search: string, option: string) => pick(page, field, search, option);

const dialog = () => page.getByRole('dialog');
const shot = (name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `accounts-geography-${name}.png`) });

describe('account geography from the ISO 3166 lists', () => {
  it('keeps the ISO data out of the board: it loads with the account screens', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: AE.name }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(AE.name);
    await expect.poll(() => page.getByTestId('deal-card').count()).toBeGreaterThan(0);
    expect(requested.filter((url) => url.includes('/assets/iso-3166'))).toEqual([]);
  });

  it('creates an account in Washington, United States, chosen by name', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Accounts', exact: true })
      .click();
    await page.getByRole('button', { name: 'New account' }).click();
    const form = dialog().getByRole('form', { name: 'New account' });
    const country = form.getByRole('combobox', { name: 'Country' });
    await expect.poll(() => country.isEnabled()).toBe(true);
    expect(requested.filter((url) => url.includes('/assets/iso-3166'))).toHaveLength(1);
    // No subdivision list before a country is chosen.
    expect(await form.getByLabel('State / province').count()).toBe(0);

    await form.getByRole('textbox', { name: 'Name' }).fill(ACCOUNT);
    await choose(country, 'United States', 'United States of America');
    const state = form.getByRole('combobox', { name: 'State / province' });
    await state.click();
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(50);
    await choose(state, 'Wash', 'Washington');
    await form.getByRole('textbox', { name: 'City' }).fill('Seattle');
    await expectNoAxeViolations(page, 'new account form, United States / Washington chosen');
    await shot('form');

    await form.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByRole('heading', { name: ACCOUNT, exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText(SEATTLE).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'accounts-geography-account.png'), fullPage: true });
  });

  it('clears the subdivision when the country changes, and shows a server refusal at its field', async () => {
    await page.getByRole('button', { name: 'Edit account', exact: true }).click();
    const form = dialog().getByRole('form', { name: 'Edit account' });
    const country = form.getByRole('combobox', { name: 'Country' });
    const state = form.getByRole('combobox', { name: 'State / province' });
    await expect.poll(() => state.inputValue()).toBe('Washington');
    await choose(country, 'canada', 'Canada');
    await expect.poll(() => state.inputValue()).toBe('');
    await state.click();
    await expect.poll(() => page.getByRole('option', { name: 'Ontario', exact: true }).count()).toBe(1);
    expect(await page.getByRole('option', { name: 'Washington', exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // The server refuses an empty name: its message shows under Name, not in the form's alert.
    const name = form.getByRole('textbox', { name: 'Name' });
    await name.fill('');
    await form.getByRole('button', { name: 'Save account' }).click();
    await expect.poll(() => errorAt(name)).toBe('must not be empty');
    const alert = form.getByRole('alert');
    expect(await alert.textContent()).toContain('Correct the fields marked above');
    expect(await alert.textContent()).not.toContain('must not be empty');
    // The focus moved to the refused field, so a screen reader reads its message out.
    await expect.poll(() => page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(':focus').getAttribute('id')).toBe(await name.getAttribute('id'));
    await expectNoAxeViolations(page, 'edit account form with a field refused by the server');
    await shot('field-error');

    await name.fill(ACCOUNT);
    await choose(state, 'onta', 'Ontario');
    await form.getByRole('textbox', { name: 'City' }).fill('Toronto');
    await form.getByRole('button', { name: 'Save account' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => page.getByText('Toronto, Ontario, Canada').count()).toBe(1);
  });

  it('shows a contact’s refused email at the Email field', async () => {
    await page.getByRole('button', { name: 'Add contact' }).click();
    const form = dialog().getByRole('form', { name: 'New contact' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Ingrid Berg');
    // A browser takes "ingrid@cascade" for an address; the server wants a domain with a dot.
    const email = form.getByRole('textbox', { name: 'Email' });
    await email.fill('ingrid@cascade');
    await form.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => errorAt(email)).toMatch(/email/i);
    expect(await errorAt(form.getByRole('textbox', { name: 'Name' }))).toBeNull();
    await expectNoAxeViolations(page, 'contact form with the email refused by the server');
    await shot('contact-email');
    await email.fill('ingrid@cascade.example');
    await form.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => page.getByText('ingrid@cascade.example').count()).toBe(1);
  });

  it('names the place in the accounts list', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Accounts', exact: true })
      .click();
    await page.getByRole('search', { name: 'Filter accounts' }).getByLabel('Search').fill('Cascade Geo');
    const row = page.getByRole('row', { name: new RegExp(ACCOUNT) });
    // The header and the one account the search finds.
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await expect.poll(() => row.textContent()).toContain('Toronto, Ontario, Canada');
    await shot('list');
  });
});
