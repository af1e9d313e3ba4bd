import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * On an open workspace: opens its POC plan tab, creates the deal's POC plan if it has none, then records the Champion's sign-off
 * of the Mutual POC Success Plan (the first contact matching `champion`).
 */
export async function signOffPocPlan(page: Page, champion: RegExp) {
  await page.getByRole('tab', { name: 'POC plan', exact: true }).click();
  const panel = page.getByTestId('poc-panel');
  const create = panel.getByRole('button', { name: 'Create POC plan' });
  await expect.poll(() => panel.getByTestId('poc-status').or(create).count()).toBe(1);
  if ((await create.count()) === 1) await create.click();
  await expect.poll(() => panel.getByTestId('poc-status').count()).toBe(1);
  await panel.getByRole('tab', { name: 'Sign-off and readout' }).click();
  await panel.getByLabel('Signed off by (the Champion)').click();
  await page.getByRole('option', { name: champion }).first().click();
  await panel.getByLabel('Signed plan (link)').fill('https://docs.example.com/mutual-poc-plan.pdf');
  await panel.getByRole('button', { name: 'Record sign-off' }).click();
  await expect.poll(() => panel.getByTestId('poc-sign-off').count()).toBe(1);
}
