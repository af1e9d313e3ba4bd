import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT, runCli } from '../support/cli-server.js';

let dir: string;
/** `closepath territory check`: the file alone, no database (a DATA_DIR that does not exist, no DATABASE_URL). */
const check = (file: string) =>
  runCli(['territory', 'check', file], { DATABASE_URL: '', DATA_DIR: path.join(dir, 'none') });

let firebolt: string;
/** Firebolt's file with one edit, written to the test's directory. */
async function edited(name: string, from: string, to: string): Promise<string> {
  if (!firebolt.includes(from)) throw new Error(`territories/firebolt.yaml has no "${from}"`);
  const file = path.join(dir, name);
  await writeFile(file, firebolt.replace(from, to));
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'closepath-territory-cli-'));
  firebolt = await readFile(path.join(REPOSITORY_ROOT, 'territories/firebolt.yaml'), 'utf8');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('closepath territory check', { timeout: 60_000 }, () => {
  it("proves Firebolt's coverage: every leaf has exactly one AE", async () => {
    const result = await check('territories/firebolt.yaml');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^territories\/firebolt\.yaml: valid — 16 territories in 3 regions; 10 countries excluded; [\d,]+ leaves checked/,
    );
    expect(result.stdout).toContain('coverage: every leaf has exactly one AE');
  });

  it('refuses an overlap, naming the geography, the territories and the level', async () => {
    // Switzerland in the Nordics set as well as in DACH: two country-set rules match it.
    const file = await edited('overlap.yaml', 'countries: [DK, FI, IS,', 'countries: [CH, DK, FI, IS,');
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('coverage: REFUSED — 0 gaps, 1 overlap');
    expect(result.stdout).toMatch(
      /^overlap: CH \(Switzerland\), every segment: (dach, nordics|nordics, dach) all match at the country_set level$/m,
    );
  });

  it('refuses a gap, naming the geography and the segments', async () => {
    // India's SMB accounts left to no one.
    const file = await edited('gap.yaml', 'segments: [mid_market, smb]', 'segments: [mid_market]');
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('coverage: REFUSED — 1 gap, 0 overlaps');
    expect(result.stdout).toMatch(/^gap: IN \(India\), smb: no territory covers it$/m);
  });

  it('names a broken file by file, line, path and reason, with exit code 2', async () => {
    const file = await edited('broken.yaml', '    region: emea\n', '    reigon: emea\n');
    const result = await check(file);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: territories\\[\\d+\\]\\.reigon: unknown key "reigon"$`,
        'm',
      ),
    );
    const missing = await check(path.join(dir, 'missing.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.yaml: (file): cannot read:');
  });
});
