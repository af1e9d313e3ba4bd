import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import { apiAs } from './support/deal-setup.js';
import type { RunningServer } from './support/start-server.js';
import { errorAt as errorAtField, signInAs as signInAsUser } from './support/ui.js';

const AE = { id: 'user_maya_chen', name: 'Maya Chen' };
const FINANCE = { name: 'Victor Stone' };
const PROSPECT = 'Juniper Metrics';
const DEAL = `${PROSPECT} — streaming analytics`;

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

const signInAs = (name: string) => signInAsUser(page, server.url, name);
const errorAt = (field: Locator) => errorAtField(page, field);

const shot = (name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `new-deal-${name}.png`), fullPage: true });
const form = () => page.getByRole('form', { name: 'New deal' });
const url = () => new URL(page.url());

/** What the form says about a deal type: its radio's description. */
async function reasonOf(radio: Locator): Promise<string> {
  const ids = ((await radio.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Whether the field has the focus (the tests compile without the DOM's types, hence the shape named here). */
const isFocused = (field: Locator) =>
  field.evaluate(
    (node: { ownerDocument: { activeElement: unknown } }) => node.ownerDocument.activeElement === node,
  );

describe('a new deal, and where each role lands', () => {
  it('lands an AE on the New Business board with their own deals, kept in the address', async () => {
    await signInAs(AE.name);
    await expect.poll(() => url().pathname).toBe('/board/new_business');
    await expect.poll(() => url().searchParams.get('owner')).toBe(AE.id);
    await expect.poll(() => page.getByTestId('deal-card').count()).toBeGreaterThan(0);
    const whose = page.getByRole('radiogroup', { name: 'Deals' });
    expect(await whose.getByRole('radio', { name: 'My deals' }).isChecked()).toBe(true);
    // Only her deals: each card names her as the owner, and she may move each of them.
    for (const card of await page.getByTestId('deal-card').all()) {
      expect(await card.textContent()).toContain(AE.name);
      expect(await card.getAttribute('data-may-move')).toBe('true');
    }
    // Totals over the whole board, days in stage as business days.
    await expect.poll(() => page.getByTestId('board-totals').textContent()).toMatch(/^\d+ deals? · \$/);
    // "12 bd" on the card, "12 business days in stage" read out.
    const days = await page.getByTestId('days-in-stage').allTextContents();
    expect(days.length).toBeGreaterThan(0);
    for (const text of days) expect(text).toMatch(/^(\d+) bd\1 business days? in stage$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'new-deal-board-my-deals.png') });
    await expectNoAxeViolations(page, 'New Business board, My deals');

    // All deals she can see: peers' deals, which she may read but not move, say so and offer no move.
    await whose.getByText('All deals I can see').click();
    await expect.poll(() => url().searchParams.get('owner')).toBe('all');
    const readOnly = page.locator('[data-testid="deal-card"][data-may-move="false"]');
    await expect.poll(() => readOnly.count()).toBeGreaterThan(0);
    expect(await readOnly.first().getByTestId('not-movable').textContent()).toBe(
      'You may not move this deal',
    );
    expect(
      await readOnly
        .first()
        .getByRole('button', { name: /^Move / })
        .count(),
    ).toBe(0);
    await page.reload();
    await expect.poll(() => readOnly.count()).toBeGreaterThan(0);
    expect(await whose.getByRole('radio', { name: 'All deals I can see' }).isChecked()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'new-deal-board-all-deals.png') });
    await expectNoAxeViolations(page, 'New Business board, all deals');
  });

  it('creates a deal from the board: types by fit, errors at their fields, then the workspace', async () => {
    const api = await apiAs(page, server.url);
    await api.newProspect(PROSPECT, { country: 'US', subdivision: 'US-OR', city: 'Portland' });

    await page.getByRole('link', { name: 'New deal' }).click();
    await expect.poll(() => url().pathname).toBe('/deals/new');
    expect(url().searchParams.get('pipeline')).toBe('new_business');
    await expect.poll(() => form().count()).toBe(1);
    expect(await page.getByTestId('type-empty').textContent()).toMatch(/Choose the account first/);
    await shot('empty');
    await expectNoAxeViolations(page, 'new deal form, no account chosen');

    // The account, searched by name; a new prospect may only have New Business.
    const account = form().getByRole('combobox', { name: 'Account' });
    await account.click();
    await account.fill('Juniper');
    await page.getByRole('option', { name: new RegExp(PROSPECT) }).click();
    await expect.poll(() => url().searchParams.get('account')).toMatch(/^acc_/);
    const type = (name: string) => form().getByRole('radio', { name, exact: true });
    await expect.poll(() => type('New Business').count()).toBe(1);
    expect(await page.getByTestId('customer-class').textContent()).toMatch(/^New Prospect/);
    // From the board: the New Business pipeline's types; then every pipeline's.
    expect(await type('Renewal').count()).toBe(0);
    await form().getByRole('link', { name: 'Show the types of every pipeline' }).click();
    await expect.poll(() => type('Renewal').count()).toBe(1);
    expect(url().searchParams.get('pipeline')).toBeNull();
    expect(await type('New Business').isChecked()).toBe(true);
    for (const name of ['Upsell', 'Renewal', 'Expansion']) {
      expect(await type(name).isDisabled(), name).toBe(true);
      expect(await reasonOf(type(name))).toContain(
        `${name} is for a Commit Customer; this account is a New Prospect`,
      );
    }
    await shot('types');
    await expectNoAxeViolations(page, 'new deal form, types of a new prospect');

    // The close date left empty: said at its field, which takes the focus.
    // The name begins with the account's, as deal names do.
    const name = form().getByRole('textbox', { name: 'Name' });
    expect(await name.inputValue()).toBe(`${PROSPECT} — `);
    await name.fill(DEAL);
    const amount = form().getByRole('textbox', { name: 'Amount' });
    await amount.fill('100000000000000');
    const closeDate = form().getByLabel('Close date');
    await form().getByRole('button', { name: 'Create deal' }).click();
    await expect.poll(() => errorAt(closeDate)).toMatch(/date you expect the customer to sign/);
    await expect.poll(() => isFocused(closeDate)).toBe(true);
    await expectNoAxeViolations(page, 'new deal form, close date missing');

    // An amount the server refuses: its message at the Amount field.
    await closeDate.fill('2027-06-30');
    const answer = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/opportunities') && response.request().method() === 'POST',
    );
    await form().getByRole('button', { name: 'Create deal' }).click();
    expect((await answer).status()).toBe(400);
    await expect.poll(() => errorAt(amount)).toMatch(/^Not an amount the server takes \(.+\): enter 0 to /);
    expect(await errorAt(closeDate)).toBeNull();
    await expect.poll(() => isFocused(amount)).toBe(true);
    await shot('amount-refused');
    await expectNoAxeViolations(page, 'new deal form, amount refused by the server');

    // Fixed: saved, and the new deal's workspace opens.
    await amount.fill('96000');
    expect(await form().getByRole('combobox', { name: 'Owner' }).inputValue()).toContain(AE.name);
    await form().getByRole('button', { name: 'Create deal' }).click();
    await expect.poll(() => url().pathname).toMatch(/^\/opportunities\/opp_/);
    const dealId = url().pathname.split('/').at(-1) ?? '';
    await expect.poll(() => page.getByRole('heading', { name: DEAL, exact: true }).count()).toBe(1);
    const deal = await api.call('GET', `/opportunities/${dealId}`);
    expect(deal.opportunity).toMatchObject({
      name: DEAL,
      type: 'new_business',
      stage: 'created',
      amountMinor: 9_600_000,
      currency: 'USD',
      closeDate: '2027-06-30',
      ownerId: AE.id,
      source: 'ae',
    });
    await shot('workspace');
    await expectNoAxeViolations(page, 'workspace of the new deal');

    // On the board, the card names the account once: above the rest of the deal's name.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'New Business board' })
      .click();
    await page.getByRole('textbox', { name: 'Search' }).fill(PROSPECT);
    const card = page.locator(`[data-testid="deal-card"][data-deal-id="${dealId}"]`);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByRole('link').textContent()).toBe('streaming analytics');
    expect(await card.textContent()).toContain(PROSPECT);
  });

  it('lands VP Finance on its approvals; the commit deals offer no New deal', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(FINANCE.name);
    // Finance holds a step of the playbook's approval chain: it lands on what waits for it; the Commit deals are
    // a filter of the Deals list.
    await expect.poll(() => url().pathname).toBe('/approvals');
    await page.goto(`${server.url}/deals?forecast=commit`);
    expect(url().searchParams.get('forecast')).toBe('commit');
    await expect.poll(() => page.getByTestId('deal-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('deals-help').textContent()).toMatch(/Commit holds the deals in Signature/);
    const playbook = await (await page.request.get(`${server.url}/api/v1/playbook`)).json();
    const commitStages = new Set(
      (playbook.pipelines as Array<{ stages: Array<{ name: string; forecastCategory: string }> }>).flatMap(
        (pipeline) => pipeline.stages.filter((s) => s.forecastCategory === 'commit').map((s) => s.name),
      ),
    );
    for (const stage of await page.getByTestId('stage-name').allTextContents()) {
      expect(commitStages.has(stage), stage).toBe(true);
    }
    expect(await page.getByRole('link', { name: 'New deal' }).count()).toBe(0);
    // Export CSV downloads the list as filtered: the same commit deals, one row each.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV of these deals' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('opportunities.csv');
    const exported: Array<{ Stage: string; ForecastCategory: string }> = parse(
      readFileSync(await download.path()),
      { columns: true },
    );
    expect(exported.length).toBe(await page.getByTestId('deal-row').count());
    expect(new Set(exported.map((row) => row.ForecastCategory))).toEqual(new Set(['commit']));
    await shot('finance-deals');
    await expectNoAxeViolations(page, 'Deals list, commit, as VP Finance');

    // The board: no New deal, and nothing Finance may move.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'New Business board' })
      .click();
    await expect.poll(() => page.getByTestId('deal-card').count()).toBeGreaterThan(0);
    expect(url().searchParams.get('owner')).toBeNull();
    expect(await page.getByRole('link', { name: 'New deal' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Move / }).count()).toBe(0);
    await expectNoAxeViolations(page, 'New Business board as VP Finance');

    // The form's address says who may create deals instead of offering the form.
    await page.goto(`${server.url}/deals/new`);
    await expect.poll(() => page.getByTestId('may-not-create').count()).toBe(1);
    expect(await form().count()).toBe(0);
    await shot('finance-may-not');
    await expectNoAxeViolations(page, 'new deal page as VP Finance');
  });
});
