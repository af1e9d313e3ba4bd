import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../support/pdf-text.js';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import { apiAs } from './support/deal-setup.js';
import { errorAt, signInAs as signInAsUser } from './support/ui.js';

/** The demo org: an Americas AE, his region's RVP, another region's RVP, and Finance. */
const AE = 'Jordan Brooks';
const RVP = 'Rachel Adams';
const OTHER_RVP = 'Henrik Olsen';
const FINANCE = 'Victor Stone';

const session = openBrowserSession();
let page: Page;
let baseUrl: string;
beforeAll(() => {
  page = session.page;
  baseUrl = session.server.url;
});

const signInAs = (name: string) => signInAsUser(page, baseUrl, name);
const stepState = (key: string) =>
  page.getByTestId('closing-stepper').locator(`[data-step="${key}"]`).getAttribute('data-state');
const offerStatus = () => page.getByTestId('offer-status').textContent();
const card = () => page.getByTestId('offer-card');

async function fillOption(
  index: number,
  values: { name: string; term: string; price: string; list: string },
) {
  const option = page.getByTestId('offer-option-fields').nth(index);
  await option.getByLabel(/^Option name/).fill(values.name);
  await option.getByLabel(/^Term \(months\)/).fill(values.term);
  await option.getByLabel(/^Price per year/).fill(values.price);
  await option.getByLabel(/^List price per year/).fill(values.list);
}

describe('the closing flow in the app: offer, approvals, presentation, choice', () => {
  let dealId: string;
  let dealName: string;

  it('the AE drafts an offer with two options on a deal in Propose and submits it', async () => {
    await signInAs(AE);
    const api = await apiAs(page, baseUrl);
    const deal = await api.ownDealIn('propose');
    dealId = deal.id;
    dealName = deal.name;

    await page.goto(`${baseUrl}/opportunities/${dealId}?focus=closing`);
    await expect.poll(() => page.getByTestId('no-offer').isVisible()).toBe(true);
    expect(await stepState('offer')).toBe('current');
    await page.getByRole('button', { name: 'Draft an offer' }).click();

    // Saving with a blank price says so at the field, before anything is sent.
    const first = page.getByTestId('offer-option-fields').first();
    await first.getByLabel(/^Option name/).fill('3 years, upfront');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await expect
      .poll(() => errorAt(page, first.getByLabel(/^Price per year/)))
      .toBe('Enter the price per year.');

    await fillOption(0, { name: '3 years, upfront', term: '36', price: '90000', list: '120000' });
    await expect
      .poll(() => first.getByTestId('option-hint').textContent())
      .toMatch(/TCV \$270,000 · 25% off list/);
    await page.getByRole('button', { name: 'Add a pricing option' }).click();
    await fillOption(1, { name: '1 year, annual', term: '12', price: '110000', list: '120000' });
    await expectNoAxeViolations(page, 'the offer form');
    await page.getByRole('button', { name: 'Save the draft' }).click();

    await expect.poll(offerStatus).toBe('Draft');
    const rows = card().getByTestId('offer-options').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('$270,000');
    // The chain a submission would ask, from the playbook: the region's RVP, then Finance.
    await expect
      .poll(() => card().getByTestId('approval-chain').textContent())
      .toMatch(/Regional VP.*VP Finance/s);

    await card().getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(offerStatus).toBe('In approval');
    expect(await stepState('offer')).toBe('done');
    expect(await stepState('approvals')).toBe('current');
    // The AE may not decide, and the card says who may.
    expect(
      await card()
        .getByRole('button', { name: /^Approve/ })
        .count(),
    ).toBe(0);
    await expect.poll(() => card().getByTestId('who-may').textContent()).toMatch(/Decide the step waiting/);
    await expect
      .poll(() => page.getByTestId('closing-stepper').locator('[data-step="approvals"]').textContent())
      .toContain(RVP);
    await page
      .getByTestId('closing-panel')
      .screenshot({ path: path.join(ARTIFACTS, 'closing-in-approval.png') });
    await expectNoAxeViolations(page, 'the closing tab in approval');
  });

  it("another region's RVP has nothing to decide; the deal's RVP approves from the inbox", async () => {
    await signInAs(OTHER_RVP);
    await page.goto(`${baseUrl}/approvals`);
    await expect.poll(() => page.getByTestId('approvals-total').textContent()).toBe('0');
    expect(await page.getByText('Nothing waits for you').count()).toBe(1);

    await signInAs(RVP);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect
      .poll(() =>
        nav
          .getByRole('link', { name: /Approvals/ })
          .getByTestId('nav-count')
          .textContent(),
      )
      .toMatch(/^\d+$/);
    await nav.getByRole('link', { name: /Approvals/ }).click();
    const row = page.getByTestId('approval-row').filter({ hasText: dealName });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Regional VP.*step 1 of 2/s);
    await page.screenshot({ path: path.join(ARTIFACTS, 'approvals-inbox.png'), fullPage: true });
    await expectNoAxeViolations(page, 'the approvals inbox');

    await row.getByRole('link', { name: dealName }).click();
    await expect.poll(() => page.getByTestId('decision-form').isVisible()).toBe(true);
    // Reject needs a comment: said at the field.
    await page.getByRole('button', { name: 'Reject' }).click();
    await expect
      .poll(() => errorAt(page, page.getByTestId('decision-form').getByLabel('Comment')))
      .toBe('Say what must change to reject.');
    await page.getByRole('button', { name: /^Approve Regional VP/ }).click();
    await expect.poll(() => card().textContent()).toContain('step 2 of 2');
    expect(await page.getByTestId('decision-form').count()).toBe(0);
  });

  it('Finance lands on its approvals and approves the last step', async () => {
    await signInAs(FINANCE);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/approvals');
    const row = page.getByTestId('approval-row').filter({ hasText: dealName });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('link', { name: dealName }).click();
    await page.getByRole('button', { name: /^Approve VP Finance/ }).click();
    await expect.poll(offerStatus).toBe('Approved');
    await expect
      .poll(() => card().getByTestId('approval-chain').textContent())
      .toMatch(new RegExp(`${FINANCE}`));
  });

  it('the AE presents the approved offer and records the option the customer chose', async () => {
    await signInAs(AE);
    await page.goto(`${baseUrl}/opportunities/${dealId}?focus=closing`);
    await expect.poll(offerStatus).toBe('Approved');
    expect(await stepState('approvals')).toBe('done');
    await card().getByRole('button', { name: 'Mark presented to the customer' }).click();
    await expect.poll(offerStatus).toBe('Presented');
    await card().getByRole('button', { name: "Record the customer's choice" }).click();
    const form = page.getByTestId('choice-form');
    await form.getByLabel('Option chosen').click();
    await page.getByRole('option', { name: '3 years, upfront' }).click();
    await form.getByLabel('Confirmed by').click();
    await page.getByRole('option').first().click();
    await form.getByRole('button', { name: 'Record the choice' }).click();
    await expect.poll(offerStatus).toBe('Option chosen');
    expect(await page.getByTestId('offer-choice').textContent()).toMatch(
      /chose 3 years, upfront: confirmed by/,
    );
    // Next: Finance's quote.
    expect(await stepState('presented')).toBe('done');
    expect(await stepState('quote')).toBe('current');
    await page
      .getByTestId('closing-panel')
      .screenshot({ path: path.join(ARTIFACTS, 'closing-option-chosen.png') });
    await expectNoAxeViolations(page, 'the closing tab with the option chosen');
  });

  it('Finance generates the quote from the chosen option and the PDF says what was chosen', async () => {
    await signInAs(FINANCE);
    await page.goto(`${baseUrl}/opportunities/${dealId}?focus=closing`);
    await expect.poll(offerStatus).toBe('Option chosen');
    await card().getByRole('button', { name: 'Generate the quote' }).click();
    await expect.poll(offerStatus).toBe('Quoted');
    expect(await stepState('quote')).toBe('done');
    const row = page.getByTestId('quote-row').first();
    await expect.poll(() => row.textContent()).toMatch(/^Q-\d{4}-\d{6}/);
    const link = row.getByRole('link');
    const number = /^(Q-\d{4}-\d+)/.exec((await link.textContent()) ?? '')?.[1];
    const pdf = await page.request.get(`${baseUrl}${await link.getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const { text } = await readPdf(await pdf.body());
    expect(text).toContain(number);
    expect(text).toContain('3 years, upfront');
    expect(text).toMatch(/270,000\.00/);
    await page.getByTestId('closing-panel').screenshot({ path: path.join(ARTIFACTS, 'closing-quoted.png') });
    await expectNoAxeViolations(page, 'the closing tab with a quote');
  });

  it("the account names the buyer's AWS account and who signs and who accepts: never the same person", async () => {
    await signInAs(AE);
    const api = await apiAs(page, baseUrl);
    const deal = await api.call('GET', `/opportunities/${dealId}`);
    const accountId = deal.opportunity.accountId as string;
    await api.call('POST', `/accounts/${accountId}/contacts`, {
      name: 'Ada Signer',
      title: 'General Counsel',
    });
    await api.call('POST', `/accounts/${accountId}/contacts`, {
      name: 'Bo Cloud',
      title: 'Cloud Platform Lead',
    });
    await page.goto(`${baseUrl}/accounts/${accountId}`);

    await page.getByRole('button', { name: 'Edit account' }).click();
    const aws = page.getByLabel(/^Buyer's AWS account id/);
    await aws.fill('12345');
    await page.getByRole('button', { name: 'Save account' }).click();
    await expect.poll(() => errorAt(page, aws)).toMatch(/12 digits/);
    await aws.fill('123456789012');
    await page.getByRole('button', { name: 'Save account' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByText('AWS account 123456789012').count()).toBe(1);

    const editContact = async (name: string, roles: string[]) => {
      await page.getByRole('button', { name: `Edit ${name}` }).click();
      const dialog = page.getByRole('dialog');
      for (const role of roles) await dialog.getByLabel(role).check();
      await dialog.getByRole('button', { name: 'Save contact' }).click();
      return dialog;
    };
    await editContact('Ada Signer', ['Signs the quote (DocuSign signer)']);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // The signer cannot also be the AWS admin: said at the field.
    const dialog = await editContact('Ada Signer', ['Accepts the AWS private offer (AWS admin)']);
    await expect.poll(() => dialog.getByText(/two different contacts/).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'a contact refused two closing roles');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await editContact('Bo Cloud', ['Accepts the AWS private offer (AWS admin)']);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const roles = page.getByRole('table', { name: 'Contacts' }).getByTestId('closing-role');
    await expect
      .poll(() => roles.allTextContents())
      .toEqual(expect.arrayContaining(['signs the quote', 'AWS admin']));
    await page.screenshot({ path: path.join(ARTIFACTS, 'account-closing-parties.png'), fullPage: true });
  });
});
