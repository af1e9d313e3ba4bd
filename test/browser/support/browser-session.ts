import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Browser, launchChromium } from './launch-chromium.js';
import { type RunningServer, startServer } from './start-server.js';

/** Where browser tests leave their screenshots (kept as CI artefacts). */
export const ARTIFACTS = path.resolve('test-artifacts');

export interface BrowserSession {
  server: RunningServer;
  page: Page;
}

/**
 * For a browser test file: Chromium, the Closepath server on a free loopback port with fresh demo data, and
 * one page — opened before the file's tests and closed after them. Read `page`/`server` inside tests.
 * `env` may be a function, read when the server starts: a test file's own `beforeAll` registered before this
 * call (local fakes of the vendors, say) runs first and can say where they listen.
 */
export function openBrowserSession(
  options: { playbook?: string; env?: Record<string, string> | (() => Record<string, string>) } = {},
): BrowserSession {
  const session = {} as BrowserSession;
  let browser: Browser | undefined;
  const calls: string[] = [];
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    const env = typeof options.env === 'function' ? options.env() : options.env;
    session.server = await startServer({ ...options, env });
    session.page = await browser.context.newPage();
    session.page.setDefaultTimeout(20_000);
    // The last API calls the page made, for the log of a failed test.
    session.page.on('response', (response) => {
      const request = response.request();
      if (!request.url().includes('/api/v1/')) return;
      calls.push(`${request.method()} ${new URL(request.url()).pathname} → ${response.status()}`);
      if (calls.length > 15) calls.shift();
    });
  });
  // A failed test leaves what the user saw: a screenshot and the page's alerts (refusals, errors) in the log.
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const page = session.page;
      if (!page) return;
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await page
        .screenshot({ path: path.join(ARTIFACTS, `failed-${name}.png`), fullPage: true })
        .catch(() => {});
      const alerts = await page
        .getByRole('alert')
        .allTextContents()
        .catch(() => []);
      console.error(`failed at ${page.url()}; alerts on the page: ${JSON.stringify(alerts)}`);
      console.error(`the page's last API calls:\n  ${calls.join('\n  ')}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await session.server?.stop();
  });
  return session;
}
