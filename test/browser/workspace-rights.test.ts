import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import { apiAs } from './support/deal-setup.js';
import type { RunningServer } from './support/start-server.js';
import { choose as pick, signInAs as signInAsUser } from './support/ui.js';

/**
 * The opportunity workspace by role: an AE works a fresh deal of theirs (logs a call in the Activity tab and
 * sees the derived "Call notes" criterion met by it, names the Economic Buyer with a contact created in place,
 * moves the deal from the stage path); a VP Finance and a viewer see no control they may not use, and who
 * may instead. Every state is audited with axe.
 */
const AE = { name: 'Maya Chen' };
const FINANCE = { name: 'Victor Stone' };
const VIEWER = { name: 'Vera Viewer' };

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

const signInAs = (name: string) => signInAsUser(page, server.url, name);
const choose = (field: Locator, search: string, option: string) => pick(page, field, search, option);

const shot = (name: string, fullPage = false) =>
  page.screenshot({ path: path.join(ARTIFACTS, `rights-${name}.png`), fullPage });
const openTab = async (name: string) => {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect
    .poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected'))
    .toBe('true');
};
const criterionRow = (key: string) => page.locator(`[data-testid="criterion"][data-criterion="${key}"]`);
const meddpiccRow = (element: string) =>
  page.locator(`[data-testid="meddpicc-row"][data-element="${element}"]`);
const stagePath = () => page.getByRole('list', { name: 'Stage path' });
/** Every write control of the workspace (each carries the permission it needs), on every tab. */
const writeControls = () => page.locator('[data-requires]');

/** Waits until every tab of an open workspace has read its data (history, activity, POC plan). */
async function workspaceLoaded() {
  await expect.poll(() => page.getByTestId('history-event').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId('activity-timeline').count()).toBe(1);
  await expect
    .poll(() => page.getByTestId('activity-timeline').getByText('Loading the activity…').count())
    .toBe(0);
  await expect.poll(() => page.getByText('Reading the POC plan…').count()).toBe(0);
  await expect.poll(() => page.getByTestId('inspection').getByText('Inspecting the deal…').count()).toBe(0);
}

/** Audits each tab of the workspace as the signed-in user sees it. */
async function auditTabs(label: string) {
  for (const tab of ['Overview', 'MEDDPICC', 'POC plan', 'Activity', 'History']) {
    if ((await page.getByRole('tab', { name: tab, exact: true }).count()) === 0) continue;
    await openTab(tab);
    await expectNoAxeViolations(page, `${label}: ${tab}`);
  }
  await openTab('Overview');
}

let dealId = '';

describe('the opportunity workspace knows the caller’s rights', () => {
  it('an AE creates an account and a deal in the app, logs a call, names the Economic Buyer with a new contact and moves the deal to Discover', async () => {
    await signInAs(AE.name);
    const api = await apiAs(page, server.url);

    // The account, its country and state picked by name from the ISO 3166 lists.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Accounts', exact: true })
      .click();
    await page.getByRole('button', { name: 'New account' }).click();
    const accountForm = page.getByRole('dialog').getByRole('form', { name: 'New account' });
    await accountForm.getByRole('textbox', { name: 'Name' }).fill('Halcyon Freight');
    const country = accountForm.getByRole('combobox', { name: 'Country' });
    await expect.poll(() => country.isEnabled()).toBe(true);
    await choose(country, 'United States', 'United States of America');
    await choose(accountForm.getByRole('combobox', { name: 'State / province' }), 'Califo', 'California');
    await accountForm.getByRole('textbox', { name: 'City' }).fill('Sacramento');
    await accountForm.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => page.getByText('Sacramento, California, United States of America').count())
      .toBe(1);
    const accountId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await page.getByRole('button', { name: 'Add contact' }).click();
    const contactForm = page.getByRole('dialog').getByRole('form', { name: 'New contact' });
    await contactForm.getByRole('textbox', { name: 'Name' }).fill('Priya Raman');
    await contactForm.getByRole('textbox', { name: 'Title' }).fill('Director of Data Platform');
    await contactForm.getByRole('button', { name: /Add contact|Save contact|Create contact/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const championId = (await api.call('GET', `/accounts/${accountId}`)).contacts[0]?.id as string;

    // The deal, from the account page: a new prospect may only have New Business.
    await page.getByRole('link', { name: 'New deal' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('account')).toBe(accountId);
    const dealForm = page.getByRole('form', { name: 'New deal' });
    const newBusiness = dealForm.getByRole('radio', { name: 'New Business', exact: true });
    await expect.poll(() => newBusiness.isChecked()).toBe(true);
    await dealForm
      .getByRole('textbox', { name: 'Name' })
      .fill('Halcyon Freight — shipment tracking analytics');
    await dealForm.getByRole('textbox', { name: 'Amount' }).fill('84000');
    await dealForm.getByLabel('Close date').fill('2027-06-30');
    await expectNoAxeViolations(page, 'AE: new deal from the account page');
    await dealForm.getByRole('button', { name: 'Create deal' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/opportunities\/opp_/);
    dealId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const prospect = { accountId, championId };

    // A fresh deal: "Call notes in Salesforce" is derived from a logged call or meeting, not met yet.
    const callNotes = criterionRow('nb_call_notes');
    await expect.poll(() => callNotes.getByText('not met', { exact: true }).count()).toBe(1);
    expect(await callNotes.getByRole('checkbox').count()).toBe(0);
    await expect.poll(() => page.getByTestId('days-in-stage').textContent()).toMatch(/business days? in/);
    await workspaceLoaded();
    await shot('ae-fresh-deal', true);
    await expectNoAxeViolations(page, 'AE: fresh deal');

    // The header and the stage path stay in view while the overview scrolls.
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await expect.poll(() => page.evaluate('window.scrollY')).toBeGreaterThan(100);
    const sticky = await stagePath().boundingBox();
    expect(sticky?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect(sticky?.y ?? 1000).toBeLessThan(300);
    await shot('ae-scrolled');
    await page.evaluate('window.scrollTo(0, 0)');

    // Moving now is refused: the refusal lists each missing requirement once, grouped by stage, with
    // the furthest stage the deal could reach, each linking to where it is met.
    await stagePath().getByRole('button', { name: 'Discover' }).click();
    const missing = page.getByTestId('missing-panel');
    await expect.poll(() => missing.count()).toBe(1);
    expect(await missing.getByTestId('reachable').textContent()).toMatch(
      /^(The furthest stage it could reach now: .+\.|It cannot move forward yet\.)$/,
    );
    const groups = await missing
      .getByTestId('missing-group')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-stage')));
    expect(groups).toEqual(['created', 'discover']);
    const keys = await missing
      .getByTestId('missing-item')
      .evaluateAll((nodes) =>
        nodes.map((node) => `${node.getAttribute('data-kind')}:${node.getAttribute('data-key')}`),
      );
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('criterion:nb_call_notes');
    expect(await missing.getByTestId('missing-item').getByRole('link').count()).toBe(keys.length);
    // The AE may not override the gate: the panel says who may instead of offering it.
    expect(await missing.getByRole('button', { name: /anyway/ }).count()).toBe(0);
    expect(await missing.getByTestId('who-may').textContent()).toMatch(/^Override the gate: Who may: /);
    await shot('ae-refused');
    await expectNoAxeViolations(page, 'AE: the refused move');

    // The missing call notes link to the log form in the Activity tab.
    await missing.getByRole('link', { name: /Call notes/ }).click();
    const logForm = page.getByTestId('log-activity');
    await expect.poll(() => logForm.isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: 'Activity', exact: true }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await missing.getByRole('button', { name: 'Close' }).click();
    await logForm
      .getByRole('textbox', { name: /^Summary/ })
      .fill('Discovery call: tracking events arrive hours late');
    await logForm.getByLabel('Which contacts').click();
    await page.getByRole('option', { name: /Priya Raman/ }).click();
    await page.keyboard.press('Escape');
    await expectNoAxeViolations(page, 'AE: logging a call');
    await shot('ae-log-call');
    await logForm.getByRole('button', { name: 'Log activity' }).click();
    await expect.poll(() => logForm.count()).toBe(0);
    const logged = page.getByTestId('activity').first();
    await expect.poll(() => logged.getAttribute('data-kind')).toBe('call');
    const activityId = await logged.getAttribute('data-activity-id');
    expect(activityId).toBeTruthy();

    // The checklist: call notes met, pointing at that call.
    await openTab('Overview');
    await expect.poll(() => callNotes.getByText('met', { exact: true }).count()).toBe(1);
    const metBy = callNotes.getByTestId('met-by');
    await expect.poll(() => metBy.textContent()).toMatch(/^Met by the call of .+“Discovery call/);
    await expectNoAxeViolations(page, 'AE: call notes met');
    await metBy.click();
    await expect.poll(() => page.url()).toContain(`focus=activity%3A${activityId}`);
    const pointed = page.locator(`[data-activity-id="${activityId}"]`);
    await expect.poll(() => pointed.isVisible()).toBe(true);
    await shot('ae-met-by-call');

    // The Economic Buyer names a person: saved without one, the refusal sits at the Person field.
    await openTab('MEDDPICC');
    const buyer = meddpiccRow('economic_buyer');
    await buyer.getByText('identified', { exact: true }).click();
    await buyer.getByRole('textbox', { name: 'Summary' }).fill('The CFO signs anything above $50k');
    await buyer.getByRole('button', { name: 'Save Economic Buyer' }).click();
    const person = buyer.getByRole('combobox', { name: 'Person' });
    await expect.poll(() => person.getAttribute('aria-invalid')).toBe('true');
    const error = buyer.getByText(/names a person: link the contact/);
    await expect.poll(() => error.isVisible()).toBe(true);
    const [fieldBox, errorBox] = [await person.boundingBox(), await error.boundingBox()];
    expect(Math.abs((errorBox?.y ?? 9999) - (fieldBox?.y ?? 0))).toBeLessThan(120);
    await expectNoAxeViolations(page, 'AE: MEDDPICC refused at its field');

    // … so a contact is created in place (name, title, email) and selected.
    await buyer.getByRole('button', { name: 'New contact…' }).click();
    const newContact = buyer.getByRole('group', { name: /New contact/ });
    await newContact.getByRole('textbox', { name: /^Name/ }).fill('Dana Whitfield');
    await newContact.getByRole('textbox', { name: 'Title' }).fill('CFO');
    await newContact.getByRole('textbox', { name: 'Email' }).fill('dana.whitfield@halcyon.example');
    await expectNoAxeViolations(page, 'AE: new contact in place');
    await shot('ae-new-contact');
    await newContact.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => person.inputValue()).toBe('Dana Whitfield (CFO)');
    await buyer.getByRole('button', { name: 'Save Economic Buyer' }).click();
    await expect
      .poll(() => buyer.getByRole('button', { name: 'Save Economic Buyer' }).isDisabled())
      .toBe(true);
    const account = await api.call('GET', `/accounts/${prospect.accountId}`);
    const dana = account.contacts.find((contact: { name: string }) => contact.name === 'Dana Whitfield');
    expect(dana?.title).toBe('CFO');
    // The button is disabled while the save is under way as well as once it is saved: wait for the record.
    const economicBuyer = async () =>
      (await api.call('GET', `/opportunities/${dealId}`)).meddpicc.find(
        (entry: { element: string }) => entry.element === 'economic_buyer',
      );
    await expect.poll(economicBuyer).toMatchObject({ level: 'identified', contactId: dana?.id });
    await shot('ae-economic-buyer');

    // The rest through the API; then the move from the stage path.
    await api.satisfyNextStage(dealId, prospect.championId, () => false);
    await page.reload();
    await expect.poll(() => page.getByTestId('next-stage-ready').textContent()).toBe('Ready for Discover');
    await stagePath().getByRole('button', { name: 'Discover' }).click();
    await expect.poll(() => stagePath().locator('[aria-current="step"]').textContent()).toBe('Discover');
    expect(await page.getByTestId('missing-panel').count()).toBe(0);

    // The history in words: the move, the call, MEDDPICC old → new.
    await openTab('History');
    const history = page.getByTestId('history');
    await expect.poll(() => history.getByText('Stage Opportunity Created → Discover').count()).toBe(1);
    expect(
      await history.getByText('Call logged: “Discovery call: tracking events arrive hours late”').count(),
    ).toBe(1);
    expect(await history.getByText('MEDDPICC Economic Buyer unknown → identified').count()).toBe(1);
    expect(await history.getByText('Person — → Dana Whitfield').count()).toBe(1);
    await shot('ae-history', true);
    await expectNoAxeViolations(page, 'AE: history after the move');
    // The deal's stage history as CSV: created, then the move to Discover.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: "Export CSV of this deal's stage history" }).click(),
    ]);
    const changes: Array<Record<string, string>> = parse(readFileSync(await download.path()), {
      columns: true,
    });
    expect(changes.map((change) => [change.OpportunityId, change.ToStage])).toEqual([
      [dealId, 'created'],
      [dealId, 'discover'],
    ]);

    // A deep link opens its tab and brings the item into view.
    await page.goto(`${server.url}/opportunities/${dealId}?focus=meddpicc:champion`);
    await expect
      .poll(() => page.getByRole('tab', { name: 'MEDDPICC', exact: true }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => meddpiccRow('champion').isVisible()).toBe(true);
    await expect
      .poll(async () => {
        const box = await meddpiccRow('champion').boundingBox();
        return box !== null && box.y > 0 && box.y < 800;
      })
      .toBe(true);
  });

  it('a VP Finance on a deal in Signature sees no attest or edit control, and who may instead', async () => {
    await signInAs(FINANCE.name);
    const api = await apiAs(page, server.url);
    const deals = await api.call('GET', '/opportunities?stage=signature&limit=5');
    const signature = deals.items.find((deal: { pipeline: string }) => deal.pipeline === 'new_business');
    expect(signature, 'a New Business deal in Signature in the demo data').toBeTruthy();
    await page.goto(`${server.url}/opportunities/${signature.id}`);
    const quote = page.locator('[data-testid="criterion"]', { hasText: 'Signed quote on file' });
    await expect.poll(() => quote.count()).toBe(1);
    await workspaceLoaded();

    expect(await quote.getByRole('checkbox').count()).toBe(0);
    expect(await quote.getByRole('button').count()).toBe(0);
    const whoMay = page.getByTestId('who-may');
    expect(await whoMay.filter({ hasText: /^Attest criteria: Who may: / }).count()).toBe(1);
    expect(await whoMay.filter({ hasText: /^Change the deal: Who may: / }).count()).toBe(1);
    expect(await whoMay.filter({ hasText: /^Move the deal: Who may: / }).count()).toBe(1);
    expect(await stagePath().getByRole('button').count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Deal details' }).count()).toBe(0);
    expect(await writeControls().count()).toBe(0);
    await shot('finance-signature', true);
    await auditTabs('VP Finance on a Signature deal');
    // Every tab holds no write control either (they are all mounted; counted above), and say who may.
    expect(await whoMay.filter({ hasText: /^Record MEDDPICC: Who may: / }).count()).toBe(1);
    expect(await whoMay.filter({ hasText: /^Log activity: Who may: / }).count()).toBe(1);
  });

  it('a viewer sees no write control at all', async () => {
    await signInAs(VIEWER.name);
    await page.goto(`${server.url}/opportunities/${dealId}`);
    await expect.poll(() => criterionRow('nb_pressing_need').count()).toBe(1);
    await workspaceLoaded();
    expect(await writeControls().count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await stagePath().getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('who-may').count()).toBeGreaterThan(3);
    await shot('viewer', true);
    await auditTabs('viewer');
  });
});
