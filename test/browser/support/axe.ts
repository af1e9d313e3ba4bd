/**
 * Accessibility audit of what a browser test's page shows: axe-core's WCAG 2.0/2.1 level A and AA rules.
 *
 * Call it wherever a test has a screen (or an open dialog, menu or panel) in front of it, as a user sees it:
 *
 *   import { expectNoAxeViolations } from './support/axe.js';
 *
 *   await page.goto(`${server.url}/deals/new`);
 *   await expectNoAxeViolations(page, 'new deal form');
 *
 * It waits for the screen to settle (no loader, nothing `aria-busy`, no running transition), injects axe-core
 * into the page once (through the DevTools protocol, so the web app's Content-Security-Policy does not
 * matter), audits the whole document and fails with a readable list: rule id, impact, help, and the first
 * target selectors with their HTML. Nothing is excluded and no rule is turned off: fix the screen instead
 * (see the "Accessibility" notes in web/src/app/theme.ts for the usual fixes).
 *
 * `auditAccessibility(page)` returns the violations without failing, for a test that wants to report them.
 */
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The WCAG 2.1 A and AA success criteria (axe-core tags the 2.0 ones wcag2a/wcag2aa). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const SETTLE_TIMEOUT_MS = 20_000;
/** How many elements of each rule a failure lists (AXE_TARGETS=1000 for all of them). */
const TARGETS_SHOWN = Number(process.env.AXE_TARGETS ?? 5);

let axeSource: string | undefined;
/** axe-core's browser bundle, read once per test file. */
function source(): string {
  axeSource ??= (createRequire(import.meta.url)('axe-core') as { source: string }).source;
  return axeSource;
}

/**
 * True in the page when nothing is loading or moving: no visible loader, nothing aria-busy, no finite
 * animation or CSS transition running (a dialog fading in, a panel opening; spinners loop forever).
 * Page-side JavaScript as text: the test code is compiled without the DOM's types.
 */
const SETTLED = `(() => {
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  if ([...document.querySelectorAll('.mantine-Loader-root, [aria-busy="true"]')].some(visible)) return false;
  return document
    .getAnimations()
    .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity);
})()`;

/**
 * Resolves when the screen has settled (see SETTLED). Polled with `evaluate` (the DevTools protocol): the web
 * app's Content-Security-Policy refuses the string evaluation `waitForFunction` would do inside the page.
 */
export async function waitForSettledScreen(page: Page): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (!(await page.evaluate(SETTLED))) {
    if (Date.now() > deadline) throw new Error(`the screen did not settle in ${SETTLE_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the settled page; the violations, none excluded. */
export async function auditAccessibility(page: Page): Promise<Result[]> {
  await waitForSettledScreen(page);
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(source());
  const options: RunOptions = {
    runOnly: { type: 'tag', values: WCAG_21_AA },
    resultTypes: ['violations'],
  };
  const results: AxeResults = await page.evaluate(`window.axe.run(document, ${JSON.stringify(options)})`);
  return results.violations;
}

/** The violations as a person reads them: one block per rule, its first few elements with their HTML. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.slice(0, TARGETS_SHOWN).map((node) => {
        const html = node.html.replace(/\s+/g, ' ');
        const summary = (node.failureSummary ?? '').split('\n').slice(1, 3).join(' ').trim();
        return `    ${node.target.join(' ')}\n      ${html.length > 200 ? `${html.slice(0, 200)}…` : html}${summary ? `\n      → ${summary}` : ''}`;
      });
      const more =
        violation.nodes.length > TARGETS_SHOWN
          ? [`    … and ${violation.nodes.length - TARGETS_SHOWN} more`]
          : [];
      return [
        `  ${violation.id} [${violation.impact ?? 'n/a'}] ${violation.help} (${violation.nodes.length} elements) ${violation.helpUrl}`,
        ...nodes,
        ...more,
      ].join('\n');
    })
    .join('\n');
}

/** Fails the test when the page, as it is now, breaks any WCAG 2.1 A or AA rule axe-core checks. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const violations = await auditAccessibility(page);
  const elements = violations.reduce((total, violation) => total + violation.nodes.length, 0);
  const report = `${label} (${page.url()}): ${elements} elements break ${violations.length} WCAG 2.1 A/AA rules`;
  expect.soft(elements, `${report}\n${formatViolations(violations)}\n`).toBe(0);
}
