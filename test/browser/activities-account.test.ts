import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, waitForSettledScreen } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import type { RunningServer } from './support/start-server.js';
import { choose, errorAt as errorAtField, signInAs as signInAsUser } from './support/ui.js';

/** Demo users (src/app/demo/demo-people.ts), all with the demo password. */
const AE = { name: 'Maya Chen', id: 'user_maya_chen' };
const FINANCE = { name: 'Victor Stone' };
const RVP = { name: 'Rachel Adams' };

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

const signInAs = (name: string) => signInAsUser(page, server.url, name);
const errorAt = (field: Locator) => errorAtField(page, field);
const signIn = signInAs;

/** A screenshot of the whole page, or of the window scrolled to `at` (a long timeline stays readable). */
async function shot(name: string, at?: Locator) {
  await at?.scrollIntoViewIfNeeded();
  await waitForSettledScreen(page); // no transition half-way (a segmented control's indicator, a dialog)
  await page.screenshot({ path: path.join(ARTIFACTS, `activities-account-${name}.png`), fullPage: !at });
}
const api = async (pathname: string) => {
  const response = await page.request.get(`${server.url}/api/v1${pathname}`);
  expect(response.status(), pathname).toBe(200);
  return response.json();
};

type Fix = { cause: string; action: string; why: string };

interface AccountView {
  account: { id: string; name: string; ownerId: string | null };
  contacts: Array<{ id: string; name: string; title: string | null }>;
  permissions: Record<string, { allowed: boolean; who: string | null }>;
}

/** Every write control on screen names the right it needs; none is shown for a right the caller lacks. */
async function expectControlsFollow(permissions: AccountView['permissions']) {
  const rights = await page
    .locator('[data-requires]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-requires')));
  expect(rights.length).toBeGreaterThan(0);
  for (const right of rights) {
    if (right === 'mayChange') continue; // an activity's own: checked against the item
    expect(permissions[right ?? '']?.allowed, `a control that needs ${right}`).toBe(true);
  }
}

let account: AccountView;
const timeline = () => page.getByTestId('activity-timeline');
const items = () => timeline().getByTestId('activity');

describe('activities and permissions on an account page', () => {
  it('an AE opens one of their accounts: New deal, and who may record contracts instead of the button', async () => {
    await signIn(AE.name);
    // One of Maya's own accounts with contacts.
    const mine = await api(`/accounts?ownerId=${AE.id}&limit=50`);
    for (const candidate of mine.items as Array<{ id: string }>) {
      const view: AccountView = await api(`/accounts/${candidate.id}`);
      if (view.contacts.length > 0) {
        account = view;
        break;
      }
    }
    expect(account, 'an account of Maya Chen with contacts in the demo data').toBeDefined();
    expect(account.permissions.createDeal?.allowed).toBe(true);
    expect(account.permissions.keepContacts?.allowed).toBe(true);
    expect(account.permissions.recordContracts?.allowed).toBe(false);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Accounts', exact: true })
      .click();
    await page.getByRole('textbox', { name: 'Search' }).fill(account.account.name);
    await page.getByRole('link', { name: account.account.name, exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: account.account.name }).count())
      .toBe(1);
    await expect.poll(() => timeline().getByText('Loading the activity…').count()).toBe(0);

    // New deal, with this account chosen; no Record contract, but who may.
    const newDeal = page.getByRole('link', { name: 'New deal' });
    expect(await newDeal.getAttribute('href')).toBe(`/deals/new?account=${account.account.id}`);
    expect(await newDeal.getAttribute('data-requires')).toBe('createDeal');
    expect(await page.getByRole('button', { name: 'Record contract' }).count()).toBe(0);
    const whoRecords = page.getByTestId('who-may').filter({ hasText: 'Record contract' });
    expect(await whoRecords.textContent()).toBe(
      `Record contract: ${account.permissions.recordContracts?.who}`,
    );
    expect(await whoRecords.textContent()).toMatch(/VP Finance/);
    await expectControlsFollow(account.permissions);
    await shot('ae');
    await expectNoAxeViolations(page, 'account page, AE');

    await newDeal.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/deals/new');
    expect(new URL(page.url()).searchParams.get('account')).toBe(account.account.id);
    await page.goBack();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: account.account.name }).count())
      .toBe(1);
  });

  it('logs a meeting with a contact, sees it in the timeline, edits it and deletes it', async () => {
    const contact = account.contacts[0] ?? { id: '', name: '', title: null };
    const option = contact.title ? `${contact.name} (${contact.title})` : contact.name;
    // Two contacts of the same name are told apart by their titles.
    const namesake = account.contacts.some((other) => other.id !== contact.id && other.name === contact.name);
    const summary = `Roadmap review with ${contact.name}: agreed on a POC scope (test ${Date.now()})`;
    await timeline().getByRole('button', { name: 'Log activity' }).click();
    const form = page.getByRole('form', { name: 'Log activity' });
    // Who from our side: the caller by default; when: now (UTC).
    expect(await form.getByText(AE.name, { exact: true }).count()).toBe(1);
    const when = form.getByLabel('When (UTC)');
    expect(await when.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await expectNoAxeViolations(page, 'log activity form');

    await form.getByRole('radiogroup', { name: 'Kind' }).getByText('Meeting', { exact: true }).click();
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString().slice(0, 16);
    await when.fill(tenMinutesAgo);
    const contacts = form.getByLabel('Which contacts', { exact: true });
    await contacts.click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('textbox', { name: 'Summary' }).fill(summary);
    // A link the server refuses: its message at the Link field, with the focus there.
    const link = form.getByRole('textbox', { name: 'Link (optional)' });
    await link.fill('recording on the shared drive');
    const refused = page.waitForResponse((response) => response.request().method() === 'POST');
    await form.getByRole('button', { name: 'Log activity' }).click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => errorAt(link)).toMatch(/http/);
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe(await link.getAttribute('id'));
    await shot('log-refused', form);
    await expectNoAxeViolations(page, 'log activity form with a refused link');

    await link.fill('https://drive.example.com/recordings/roadmap-review');
    const logged = page.waitForResponse((response) => response.request().method() === 'POST');
    await form.getByRole('button', { name: 'Log activity' }).click();
    expect((await logged).status()).toBe(201);
    await expect.poll(() => page.getByRole('form', { name: 'Log activity' }).count()).toBe(0);

    // In the timeline: a meeting, when, who, which contact, the summary and the link; newest first.
    const item = items().filter({ hasText: summary });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute('data-kind')).toBe('meeting');
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Meeting');
    expect(text).toMatch(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
    expect(text).toContain('on the account');
    expect(await item.getByTestId('activity-people').textContent()).toBe(
      `Our side: ${AE.name} · Contacts: ${namesake ? option : contact.name}`,
    );
    expect(await item.getByRole('link', { name: /drive\.example\.com/ }).getAttribute('href')).toBe(
      'https://drive.example.com/recordings/roadmap-review',
    );
    const times = await items()
      .locator('time')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''));
    expect(times).toEqual([...times].sort().reverse());
    await shot('logged', item);
    await expectNoAxeViolations(page, 'timeline with the logged meeting');

    // Edit it in place: a call now, another summary.
    await item.getByRole('button', { name: /^Edit meeting of/ }).click();
    const edit = item.getByRole('form', { name: 'Edit activity' });
    await edit.getByRole('radiogroup', { name: 'Kind' }).getByText('Call', { exact: true }).click();
    const edited = `${summary} — follow-up call booked`;
    await edit.getByRole('textbox', { name: 'Summary' }).fill(edited);
    await shot('editing', edit);
    await expectNoAxeViolations(page, 'editing an activity');
    const patched = page.waitForResponse((response) => response.request().method() === 'PATCH');
    await edit.getByRole('button', { name: 'Save activity' }).click();
    expect((await patched).status()).toBe(200);
    const editedItem = items().filter({ hasText: edited });
    await expect.poll(() => editedItem.getAttribute('data-kind')).toBe('call');
    expect(await editedItem.getByTestId('activity-summary').textContent()).toBe(edited);

    // Delete it, after the confirm.
    await editedItem.getByRole('button', { name: /^Delete call of/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this activity?' });
    await expect.poll(() => confirm.count()).toBe(1);
    await shot('delete-confirm', editedItem);
    await expectNoAxeViolations(page, 'delete activity confirm');
    const deleted = page.waitForResponse((response) => response.request().method() === 'DELETE');
    await confirm.getByRole('button', { name: 'Delete call' }).click();
    expect((await deleted).status()).toBe(204);
    await expect.poll(() => items().filter({ hasText: summary }).count()).toBe(0);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('a VP Finance on the same account sees Record contract', async () => {
    await signIn(FINANCE.name);
    const view: AccountView = await api(`/accounts/${account.account.id}`);
    expect(view.permissions.recordContracts?.allowed).toBe(true);
    await page.goto(`${server.url}/accounts/${account.account.id}`);
    const record = page.getByRole('button', { name: 'Record contract' });
    await expect.poll(() => record.count()).toBe(1);
    expect(await record.getAttribute('data-requires')).toBe('recordContracts');
    await expectControlsFollow(view.permissions);
    await shot('finance');
    await expectNoAxeViolations(page, 'account page, VP Finance');
    await record.click();
    await expect.poll(() => page.getByRole('form', { name: 'Record contract' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'record contract dialog, VP Finance');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('the VP Finance records a contract, corrects its TCV and ends it early, seen in the contracts table', async () => {
    await page.getByRole('button', { name: 'Record contract' }).click();
    const form = page.getByRole('form', { name: 'Record contract' });
    await form.getByLabel('Start date').fill('2026-01-01');
    await form.getByLabel('End date').fill('2028-12-31');
    await form.getByRole('textbox', { name: /Total contract value/ }).fill('90000');
    await form.getByRole('button', { name: 'Record contract' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const row = page.getByRole('table', { name: 'Contracts' }).getByRole('row').filter({ hasText: '2028' });
    await expect.poll(() => row.count()).toBe(1);

    await row.getByRole('button', { name: 'Correct' }).click();
    const correct = page.getByRole('form', { name: 'Correct contract' });
    await correct.getByRole('textbox', { name: /Total contract value/ }).fill('95000');
    await expectNoAxeViolations(page, 'correct contract dialog');
    await correct.getByRole('button', { name: 'Correct contract' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => row.textContent()).toMatch(/95,000/);

    await row.getByRole('button', { name: 'End early' }).click();
    const end = page.getByRole('form', { name: 'End contract' });
    await end.getByRole('button', { name: 'End contract' }).click();
    expect(await end.getByText('Say why the contract ends before term.').count()).toBe(1);
    await end.getByLabel('Last day in force').fill('2026-06-30');
    await end.getByRole('textbox', { name: 'Reason' }).fill('Acquired by a customer with its own contract');
    await shot('end-contract');
    await expectNoAxeViolations(page, 'end contract dialog');
    await end.getByRole('button', { name: 'End contract' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect
      .poll(() => row.textContent())
      .toMatch(/Ended early on .*: Acquired by a customer with its own contract/);
    expect(await row.getByRole('button', { name: 'End early' }).count()).toBe(0);
    await shot('contract-ended');
  });

  it('the Regional VP names the account its CSM, who will own its renewals', async () => {
    await signIn(RVP.name);
    await page.goto(`${server.url}/accounts/${account.account.id}`);
    await page.getByRole('button', { name: 'Edit account', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit account' });
    const csm = form.getByRole('combobox', { name: 'Customer Success Manager' });
    await choose(page, csm, 'Liam', 'Liam O’Brien');
    await expectNoAxeViolations(page, 'edit account form with the CSM');
    await form.getByRole('button', { name: 'Save account' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByText(/· CSM Liam O’Brien/).count()).toBe(1);
    const view: { account: { csmId: string | null } } = await api(`/accounts/${account.account.id}`);
    expect(view.account.csmId).toBe('user_liam_o_brien');
  });
});

describe('deals at risk for a regional VP', () => {
  const rows = () => page.getByTestId('at-risk-row');
  const totals = () => page.getByTestId('at-risk-totals');

  it('shows the totals, groups by owner, filters by one, and leads each deal with what to fix first', async () => {
    await signIn(RVP.name);
    // A regional VP may land on the deals at risk already; the nav link leads there either way.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals at risk' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/at-risk');
    await expect.poll(() => rows().count()).toBeGreaterThan(1);

    // Totals over every deal at risk (not only the page), as the API counts them.
    const all = await api('/deals-at-risk?limit=50');
    const totalsText = (await totals().textContent()) ?? '';
    expect(totalsText).toMatch(/^\d+ deals? at risk · \$[\d.]+[KMB]?/);
    expect(totalsText.startsWith(`${all.totals.deals} deals at risk · `)).toBe(true);

    // Each row leads with its one thing to fix first, before the other reasons.
    const first = rows().first();
    const item = (
      all.items as Array<{ opportunity: { id: string }; inspection: { fixFirst: Fix | null } }>
    )[0];
    expect(await first.getAttribute('data-deal-id')).toBe(item?.opportunity.id);
    const fix = item?.inspection.fixFirst;
    expect(fix, 'the worst deal has something to fix first').toBeTruthy();
    expect(await first.getByTestId('fix-first-action').textContent()).toBe(fix?.action);
    expect(
      await first
        .getByTestId('fix-first-action')
        .evaluate((node) => node.ownerDocument.defaultView?.getComputedStyle(node).fontWeight),
    ).toBe('700');
    if (fix?.why) expect(await first.getByTestId('fix-first-why').textContent()).toBe(fix.why);
    const order = await first.evaluate((row) =>
      [...row.querySelectorAll('[data-testid="fix-first"], [data-testid="top-reasons"]')].map((node) =>
        node.getAttribute('data-testid'),
      ),
    );
    expect(order[0]).toBe('fix-first');
    await shot('at-risk-rvp');
    await expectNoAxeViolations(page, 'Deals at risk, RVP');

    // Group by owner: a card per owner with their count, most deals first.
    await page.getByRole('radiogroup', { name: 'View' }).getByText('By owner', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('owners');
    const cards = page.getByTestId('owner-card');
    await expect.poll(() => cards.count()).toBe(all.byOwner.length);
    expect(all.byOwner.length).toBeGreaterThan(1);
    const counts = (await cards.getByTestId('owner-deals').allTextContents()).map((text) =>
      Number.parseInt(text, 10),
    );
    expect(counts).toEqual((all.byOwner as Array<{ deals: number }>).map((owner) => owner.deals));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(all.totals.deals);
    await shot('at-risk-by-owner');
    await expectNoAxeViolations(page, 'Deals at risk by owner');

    // Pick the second owner: the list holds only their deals, and the address keeps it.
    const owner = all.byOwner[1] as { ownerId: string; deals: number };
    const card = cards.nth(1);
    const ownerName = (await card.getByTestId('owner-name').textContent()) ?? '';
    const filtered = page.waitForResponse(
      (response) =>
        response.url().includes('/api/v1/deals-at-risk?') && response.url().includes(owner.ownerId),
    );
    await card.click();
    expect((await filtered).status()).toBe(200);
    await expect.poll(() => new URL(page.url()).searchParams.get('owner')).toBe(owner.ownerId);
    await expect.poll(() => card.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => rows().count()).toBe(Math.min(owner.deals, 50));
    const owners = await rows().locator('td:nth-child(3)').allTextContents();
    expect(new Set(owners)).toEqual(new Set([ownerName]));
    await expect
      .poll(() => totals().textContent())
      .toMatch(new RegExp(`^${owner.deals} deals? at risk owned by ${ownerName}`));
    // The other owners stay on their cards, to pick another.
    expect(await cards.count()).toBe(all.byOwner.length);
    await shot('at-risk-one-owner');
    await expectNoAxeViolations(page, 'Deals at risk, one owner picked');

    // Reloading the address keeps the view and the owner.
    await page.reload();
    await expect.poll(() => page.getByTestId('owner-card').nth(1).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => rows().count()).toBe(Math.min(owner.deals, 50));
  });
});
