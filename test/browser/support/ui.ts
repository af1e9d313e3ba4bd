import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What the browser tests do the way a person does, shared: sign in as a demo user (the sign-in page lists
 * them; the demo password is filled in), read the message shown at a form field, pick from a searchable list.
 */

/** Signs out if someone is signed in, then signs in as the demo user of this name from the sign-in page. */
export async function signInAs(page: Page, baseUrl: string, name: string) {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  // A sign-out already under way shows a disabled (loading) button: wait for it rather than click again.
  // (Read without waiting: the button may leave the page meanwhile.)
  const enabled = await signOut.evaluateAll((buttons) =>
    buttons.some((button) => !(button as unknown as { disabled: boolean }).disabled),
  );
  if (enabled) await signOut.click();
  await expect.poll(() => signOut.count()).toBe(0);
  await page.goto(baseUrl);
  await expect.poll(() => page.getByText('Demo users').isVisible()).toBe(true);
  await page.getByRole('button', { name }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(name);
}

/** The message shown at a field: the element its aria-describedby names that holds the error; null if none. */
export async function errorAt(page: Page, field: Locator): Promise<string | null> {
  if ((await field.getAttribute('aria-invalid')) !== 'true') return null;
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  for (const id of ids) {
    const text = await page.locator(`[id="${id}"]`).textContent();
    if (text && /error/.test(id)) return text;
  }
  return null;
}

/** Types into a searchable Select and picks the option with exactly this name from its list. */
export async function choose(page: Page, field: Locator, search: string, option: string) {
  await field.click();
  await field.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect.poll(() => field.inputValue()).toBe(option);
}
