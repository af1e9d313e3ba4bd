import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import { apiAs } from './support/deal-setup.js';
import type { RunningServer } from './support/start-server.js';
import { signInAs } from './support/ui.js';

/**
 * The product as another company runs it: `serve --demo --playbook playbooks/northwind.yaml` (BANT, one
 * pipeline "Sales" with HubSpot-style stages, a three-session pilot, no renewals). The main walk — land on the
 * board, create a deal whose types follow the customer class, qualify it in the playbook's framework, move it
 * through the stage path, run the pilot — with nothing of Firebolt's on screen.
 */
const session = openBrowserSession({ playbook: 'playbooks/northwind.yaml' });
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = session);
});

const AE = { id: 'user_maya_chen', name: 'Maya Chen' };
const PROSPECT = 'Orbit Foods';
const url = () => new URL(page.url());
const shot = (name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `northwind-${name}.png`), fullPage: true });
const form = () => page.getByRole('form', { name: 'New deal' });

describe("another company's playbook in the app", () => {
  it('lands on its own board and names no Firebolt pipeline', async () => {
    await signInAs(page, server.url, AE.name);
    await expect.poll(() => url().pathname).toBe('/board/sales');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Sales board' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: /New Business|Renewal/ }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('deal-card').count()).toBeGreaterThan(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Appointment Scheduled');
    expect(text).toContain('Decision Maker Bought-In');
    expect(text).not.toMatch(/Firebolt|MEDDPICC|New Business/);
    await shot('board');
    await expectNoAxeViolations(page, 'Northwind Sales board');
  });

  it('creates a deal of the type that fits, qualifies it in BANT and moves it through the stage path', async () => {
    const api = await apiAs(page, server.url);
    const prospect = await api.newProspect(PROSPECT, {
      country: 'US',
      subdivision: 'US-OR',
      city: 'Portland',
    });

    await page.getByRole('link', { name: 'New deal' }).click();
    await expect.poll(() => form().count()).toBe(1);
    const account = form().getByRole('combobox', { name: 'Account' });
    await account.click();
    await account.fill('Orbit');
    await page.getByRole('option', { name: new RegExp(PROSPECT) }).click();
    const type = (name: string) => form().getByRole('radio', { name, exact: true });
    await expect.poll(() => type('First Cell').count()).toBe(1);
    expect(await page.getByTestId('customer-class').textContent()).toMatch(/^Prospect/);
    expect(await type('First Cell').isChecked()).toBe(true);
    expect(await type('More Cells').isDisabled()).toBe(true);
    // One pipeline: no other pipeline's types to offer.
    expect(await form().getByRole('link', { name: 'Show the types of every pipeline' }).count()).toBe(0);
    await form().getByRole('textbox', { name: 'Name' }).fill(`${PROSPECT} — palletising cell`);
    await form().getByRole('textbox', { name: 'Amount' }).fill('240000');
    await form().getByLabel('Close date').fill('2027-05-31');
    await form().getByRole('combobox', { name: 'Source' }).click();
    await page.getByRole('option', { name: 'Trade show', exact: true }).click();
    await shot('new-deal');
    await expectNoAxeViolations(page, 'Northwind new deal form');
    await form().getByRole('button', { name: 'Create deal' }).click();
    await expect.poll(() => url().pathname).toMatch(/^\/opportunities\/opp_/);
    const dealId = url().pathname.split('/').at(-1) ?? '';
    const deal = await api.call('GET', `/opportunities/${dealId}`);
    expect(deal.opportunity).toMatchObject({
      type: 'first_cell',
      stage: 'appointment_scheduled',
      currency: 'EUR',
      source: 'trade_show',
    });

    // The framework's own tab; the stage path of the playbook's one pipeline.
    await expect.poll(() => page.getByRole('tab', { name: 'BANT', exact: true }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'MEDDPICC' }).count()).toBe(0);
    const stagePath = page.getByRole('list', { name: 'Stage path' });
    expect(await stagePath.locator('[aria-current="step"]').textContent()).toBe('Appointment Scheduled');
    await page.getByRole('tab', { name: 'BANT', exact: true }).click();
    await expect.poll(() => page.getByText('Need', { exact: true }).count()).toBeGreaterThan(0);
    await shot('workspace-bant');
    await expectNoAxeViolations(page, 'Northwind workspace, BANT');

    // What Appointment Scheduled asks to leave: the visit logged and the need written down.
    await api.call('POST', `/opportunities/${dealId}/activities`, {
      kind: 'meeting',
      contactIds: [prospect.championId],
      summary: 'Walked the packing line with the shift lead',
    });
    await api.call('PUT', `/opportunities/${dealId}/meddpicc/need`, {
      level: 'identified',
      summary: 'Manual palletising caps the line at 12 pallets an hour',
      contactId: null,
    });
    await page.reload();
    // The gate explains what is still missing: the visit booked (an entrance criterion, attested).
    const toQualified = stagePath.locator('button', { hasText: /^Qualified To Buy$/ });
    await toQualified.click();
    await expect.poll(() => page.getByText('Not yet ready for Qualified To Buy').count()).toBeGreaterThan(0);
    expect(
      await page.getByRole('link', { name: 'Plant visit booked with the operations lead' }).count(),
    ).toBe(1);
    await shot('workspace-refused');
    await api.call('PUT', `/opportunities/${dealId}/criteria/visit_booked`, {
      note: 'Visit on the 14th with the operations lead',
      evidenceUrl: 'https://docs.example.com/visit-invite',
    });
    await page.reload();
    await toQualified.click();
    await expect
      .poll(() => stagePath.locator('[aria-current="step"]').textContent())
      .toBe('Qualified To Buy');

    // The pilot: the playbook's three sessions and its two criteria groups.
    await page.getByRole('tab', { name: 'POC plan', exact: true }).click();
    const panel = page.getByTestId('poc-panel');
    await panel.getByRole('button', { name: 'Create POC plan' }).click();
    await expect.poll(() => panel.getByTestId('poc-session').count()).toBe(3);
    const sessions = (await panel.getByTestId('poc-session').allTextContents()).join(' ');
    expect(sessions).toContain('Session 1 — Line Audit');
    expect(sessions).toContain('Session 3 — Results Review');
    await panel.getByRole('tab', { name: 'Success criteria' }).click();
    await expect.poll(() => panel.getByTestId('poc-criterion').count()).toBe(3);
    const criteria = (await panel.textContent()) ?? '';
    expect(criteria).toContain('Throughput');
    expect(criteria).toContain('Safety');
    expect(criteria).not.toMatch(/Firebolt|Technical|Relationship/);
    await shot('workspace-pilot');
    await expectNoAxeViolations(page, 'Northwind workspace, pilot');
  });
});
