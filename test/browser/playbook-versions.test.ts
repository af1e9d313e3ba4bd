import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { fireboltFile, offersFromNegotiate, withoutPropose } from '../support/playbook-candidates.js';
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

/** Firebolt with Propose mapped into Negotiate and Negotiate's probability raised: a change the data allows. */
function mappedWithNewProbability(): string {
  const file = fireboltFile();
  const [newBusiness] = file.pipelines;
  const stages = (newBusiness?.stages ?? []) as Array<{
    key: string;
    probability?: number;
    entrance?: Array<{ key: string }>;
    exit?: Array<{ key: string }>;
  }>;
  const propose = stages.find((stage) => stage.key === 'propose');
  // Propose's criteria go with it: their attestations are retired (null), which the audit event counts.
  const retired = [...(propose?.entrance ?? []), ...(propose?.exit ?? [])].map((criterion) => [
    criterion.key,
    null,
  ]);
  if (newBusiness) newBusiness.stages = stages.filter((stage) => stage.key !== 'propose');
  offersFromNegotiate(file);
  const negotiate = stages.find((stage) => stage.key === 'negotiate');
  if (negotiate) negotiate.probability = 80;
  return YAML.stringify({
    ...file,
    mappings: { stages: { new_business: { propose: 'negotiate' } }, criteria: Object.fromEntries(retired) },
  });
}

const candidate = () => page.getByRole('textbox', { name: 'Candidate playbook' });

async function preview(source: string) {
  await candidate().fill(source);
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/v1/playbook/preview'));
  await page.getByRole('button', { name: 'Preview the change' }).click();
  return (await answer).status();
}

describe('the Playbook screen for RevOps', () => {
  it('shows the version in force and previews a change against the live deals', async () => {
    await signInAs(page, server.url, 'Grace Kim');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbook' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/playbook');
    await expect
      .poll(() => page.getByRole('heading', { name: 'In force: version 1' }).isVisible())
      .toBe(true);
    expect(await page.getByRole('table', { name: 'Playbook versions' }).getByRole('row').count()).toBe(2);
    await expectNoAxeViolations(page, 'playbook versions');

    // A stage the demo deals are in, removed without a mapping: refused, with counts and where to map it.
    expect(await preview(withoutPropose())).toBe(200);
    const refusal = page.getByRole('alert').filter({ hasText: 'The server would refuse this file' });
    await expect.poll(() => refusal.isVisible()).toBe(true);
    expect(await refusal.textContent()).toMatch(
      /stage `propose` of pipeline `new_business` is removed but \d+ opportunities are in it; map it with `mappings\.stages\.new_business`/,
    );
    const stages = page.getByRole('table', { name: 'Stage changes' });
    expect(await stages.getByRole('row').nth(1).textContent()).toContain('removed');
    await expectNoAxeViolations(page, 'playbook preview refused');

    // Mapped, with a probability changed: accepted; the probability table and the deals that would fall short.
    expect(await preview(mappedWithNewProbability())).toBe(200);
    await expect.poll(() => page.getByText('The server would accept this file').isVisible()).toBe(true);
    const probabilities = page.getByRole('table', { name: 'Probability changes' });
    expect(await probabilities.getByRole('row').nth(1).textContent()).toMatch(/Negotiate.*75%.*80%/);
    const short = page.getByRole('table', { name: 'Deals that would fall short' });
    await expect.poll(() => short.getByRole('link').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'playbook preview accepted');
    await page.screenshot({ path: path.join(ARTIFACTS, 'playbook-versions.png'), fullPage: true });

    // A deal that would fall short opens in its workspace.
    const first = short.getByRole('link').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/opportunities\//);
    await expect.poll(() => page.getByRole('heading', { name, exact: false }).first().isVisible()).toBe(true);
  });

  it('shows a YAML syntax error at the field, with its line and column', async () => {
    await page.goto(`${server.url}/playbook`);
    expect(await preview('id: broken\nname: [unclosed\n')).toBe(400);
    await expect.poll(() => candidate().getAttribute('aria-invalid')).toBe('true');
    expect(
      await page
        .getByText(/line \d+, column \d+/)
        .first()
        .textContent(),
    ).toMatch(/not valid YAML/);
  });

  it('offers the screen only to those who may: an AE has no link, and the address says who may', async () => {
    await signInAs(page, server.url, 'Maya Chen');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('link').count()).toBeGreaterThan(1);
    expect(await nav.getByRole('link', { name: 'Playbook' }).count()).toBe(0);
    await page.goto(`${server.url}/playbook`);
    await expect.poll(() => page.getByTestId('who-may').textContent()).toContain('Who may: RevOps admin.');
    expect(await page.getByRole('button', { name: 'Preview the change' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'playbook, not allowed');
  });
});
