import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../support/cli-server.js';
import { accountsCsv, opportunitiesCsv } from '../support/salesforce-export.js';
import { expectNoAxeViolations } from './support/axe.js';
import { ARTIFACTS, openBrowserSession } from './support/browser-session.js';
import type { RunningServer } from './support/start-server.js';
import { errorAt, signInAs } from './support/ui.js';

const session = openBrowserSession();
let server: RunningServer;
let page: Page;
/** The files the browser uploaded (each POST /api/v1/imports/uploads answered): kind → bytes. */
const uploaded: Array<{ file: string | null; bytes: number }> = [];
beforeAll(() => {
  ({ server, page } = session);
  page.on('response', async (response) => {
    if (!response.url().includes('/api/v1/imports/uploads') || response.status() !== 201) return;
    const body = await response.json();
    uploaded.push({ file: body.file, bytes: body.bytes });
  });
});

const SHOTS = process.env.IMPORT_SHOTS ?? ARTIFACTS;
mkdirSync(SHOTS, { recursive: true });
const shot = (name: string) =>
  page.screenshot({ path: path.join(SHOTS, `imports-${name}.png`), fullPage: true });

// 5 accounts and 30 deals, every 10th bad in one field (a bad close date, an unmapped stage, a negative
// amount); quoted line breaks in some descriptions shift the lines after them.
const ACCOUNTS = accountsCsv(5);
const OPPORTUNITIES = opportunitiesCsv(30, 5, { badEvery: 10 });
const EXAMPLE_MAPPING = readFileSync(path.join(REPOSITORY_ROOT, 'imports/salesforce-mapping.example.yaml'));
const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

const main = () => page.getByRole('main');
const valuesTable = () =>
  page.getByRole('table', { name: 'Values in the files and what the mapping maps them to' });
const valueRow = (column: string, value: string) =>
  valuesTable()
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: column, exact: false }) })
    .filter({ has: page.getByRole('cell', { name: value, exact: true }) });
const mappingField = () => page.getByRole('textbox', { name: 'Mapping file (YAML)' });
const errorsTable = () => page.getByRole('table', { name: 'Errors by file and line' });

describe('the import wizard for a RevOps admin', () => {
  it('uploads an export and shows each file’s name, size and rows', async () => {
    await signInAs(page, server.url, 'Grace Kim');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/imports');
    await expect.poll(() => main().getByText('Not uploaded yet.').count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Next: mapping' }).isDisabled()).toBe(true);
    await expect
      .poll(() =>
        main()
          .getByText(/^No imports yet/)
          .count(),
      )
      .toBe(1);
    await expectNoAxeViolations(page, 'import wizard, nothing uploaded');
    await shot('upload-empty');

    await page.getByLabel('Account.csv').setInputFiles(csvFile('Account.csv', ACCOUNTS));
    await page.getByLabel('Opportunity.csv').setInputFiles(csvFile('Opportunity.csv', OPPORTUNITIES.csv));
    await expect
      .poll(() => page.getByTestId('uploaded-accounts').textContent())
      .toMatch(/Account\.csv.*5 rows/);
    await expect
      .poll(() => page.getByTestId('uploaded-opportunities').textContent())
      .toMatch(/Opportunity\.csv · [\d.]+ KB · 30 rows/);
    await expectNoAxeViolations(page, 'import wizard, files uploaded');
    await shot('upload');
  });

  it('shows the files’ values beside the starting mapping, flags the unmapped, and the server’s refusal', async () => {
    await page.getByRole('button', { name: 'Next: mapping' }).click();
    await expect.poll(() => mappingField().inputValue()).toMatch(/^# A starting mapping/);
    // The playbook's own names map; Salesforce's default picklist values of this export do not (yet).
    await expect.poll(() => valueRow('StageName', 'Closed Won').textContent()).toContain('Unmapped');
    expect(await valueRow('Type', 'New Customer').textContent()).toContain('Unmapped');
    expect(await page.getByTestId('unmapped-summary').textContent()).toMatch(/values are not mapped/);
    await expectNoAxeViolations(page, 'mapping, starting mapping');
    await shot('mapping-unmapped');

    // A stage the playbook lacks: the server refuses the mapping, at the field, before any run.
    await mappingField().fill(
      'stages:\n  new_business:\n    Prospecting: nowhere\ntypes: { New Customer: new_business }\ncurrencies: { default: USD }\n',
    );
    await page.getByRole('button', { name: 'Run the dry run' }).click();
    await expect.poll(() => errorAt(page, mappingField())).toContain('stages.new_business.Prospecting');
    await expectNoAxeViolations(page, 'mapping refused');
    await shot('mapping-refused');

    // The company's mapping file, opened: every value maps but the bad row's stage.
    await page
      .getByLabel('Open a mapping file')
      .setInputFiles({ name: 'salesforce.yaml', mimeType: 'text/yaml', buffer: EXAMPLE_MAPPING });
    await expect.poll(() => mappingField().inputValue()).toContain('Proposal/Price Quote: propose');
    await expect.poll(() => errorAt(page, mappingField())).toBeNull();
    await expect
      .poll(() => valueRow('StageName', 'Prospecting').textContent())
      .toContain('Opportunity Created');
    expect(await valueRow('Type', 'New Customer').textContent()).toContain('New Business');
    expect(await valueRow('Owner', '0055g00000MayaCAA').textContent()).toContain('maya.chen@closepath.demo');
    expect(await valueRow('StageName', 'Vibes').textContent()).toContain('Unmapped');
    expect(await page.getByTestId('unmapped-summary').textContent()).toBe(
      '1 value is not mapped: 1 row would be refused. Add it to the mapping, or fix the rows.',
    );
    await expectNoAxeViolations(page, 'mapping, the company’s file');
    await shot('mapping');
  });

  it('runs the dry run and lists every bad row by its line', async () => {
    await page.getByRole('button', { name: 'Run the dry run' }).click();
    const bar = page.getByRole('progressbar', { name: 'Dry run progress' });
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('100');
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Done');
    expect(await page.getByTestId('run-rows').textContent()).toBe('35 of 35 rows');
    expect(await page.getByTestId('count-would-create').textContent()).toBe('32');
    expect(await page.getByTestId('count-rejected').textContent()).toBe('3');
    const rows = (await errorsTable().getByRole('row').allTextContents()).slice(1);
    const lines = OPPORTUNITIES.bad.map((bad) => bad.line);
    expect(lines).toHaveLength(3);
    // The multi-line descriptions moved the bad rows off "index + 2": the lines are the file's own.
    expect(lines).not.toEqual([11, 21, 31]);
    expect(rows.map((row) => row.match(/^Opportunity\.csv(\d+)/)?.[1])).toEqual(lines.map(String));
    expect(rows.map((row, index) => row.includes(OPPORTUNITIES.bad[index]?.field ?? '?'))).toEqual([
      true,
      true,
      true,
    ]);
    await expectNoAxeViolations(page, 'dry run result');
    await shot('dry-run');
  });

  it('imports the good rows only with the progress bar, and the deals show in the Deals list', async () => {
    await page.getByRole('button', { name: 'Next: import' }).click();
    const goodRows = page.getByRole('radio', { name: 'Good rows only' });
    await expect.poll(() => goodRows.isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'All or nothing' }).check();
    await expect
      .poll(() => main().getByText('With 3 bad rows, all or nothing will import nothing.').count())
      .toBe(1);
    await goodRows.check();
    await expectNoAxeViolations(page, 'import, choosing how');
    await shot('import-choose');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Import (good rows only) progress' });
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('100');
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Done');
    expect(await page.getByTestId('count-created').textContent()).toBe('32');
    expect(await page.getByTestId('count-updated').textContent()).toBe('0');
    expect(await page.getByTestId('count-rejected').textContent()).toBe('3');
    expect(await page.getByRole('status').filter({ hasText: 'Imported' }).textContent()).toContain(
      '3 bad rows were skipped',
    );
    // Each file went up once, whole, as it is: the dry runs and the import read the same uploads.
    expect(uploaded).toEqual([
      { file: 'accounts', bytes: Buffer.byteLength(ACCOUNTS) },
      { file: 'opportunities', bytes: Buffer.byteLength(OPPORTUNITIES.csv) },
    ]);
    // The runs, newest first: this import, then its dry run.
    const recent = page.getByRole('table', { name: 'Recent imports' }).getByRole('row');
    await expect.poll(() => recent.count()).toBe(3);
    // (The list is read again every two seconds while a run in it has not finished.)
    await expect.poll(() => recent.nth(1).textContent()).toMatch(/Grace KimGood rows onlyDone3532/);
    await expect.poll(() => recent.nth(2).textContent()).toMatch(/Grace KimDry runDone3532/);
    await expectNoAxeViolations(page, 'import done');
    await shot('import-done');

    await page.getByRole('link', { name: 'Open the Deals list' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/deals');
    const imported = page.getByTestId('deal-row').filter({ hasText: 'Deal 1, phase 1' });
    for (let more = 0; more < 20 && (await imported.count()) === 0; more++) {
      const load = page.getByRole('button', { name: 'Load more' });
      await expect.poll(() => load.isEnabled().catch(() => false)).toBe(true);
      await load.click();
      await expect.poll(() => page.getByText('Updating…').count()).toBe(0);
    }
    // Salesforce's "Qualification" entered the playbook's Discover stage, owned as its account is.
    expect(await imported.textContent()).toMatch(/^Deal 1, phase 1.*Discover/);
    await shot('deals');
  });
});

describe('the import wizard for others', () => {
  it('gives an AE no nav entry, and at /imports says who may', async () => {
    await signInAs(page, server.url, 'Maya Chen');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('link').count()).toBeGreaterThan(1);
    expect(await nav.getByRole('link', { name: 'Import' }).count()).toBe(0);
    await page.goto(`${server.url}/imports`);
    await expect
      .poll(() => page.getByTestId('who-may').textContent())
      .toBe('Imports: Who may: RevOps admin.');
    expect(await page.getByLabel('Opportunity.csv').count()).toBe(0);
    await expectNoAxeViolations(page, 'imports for an AE');
    await shot('who-may');
  });
});
