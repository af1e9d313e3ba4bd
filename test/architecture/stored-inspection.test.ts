import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The inspection stored with each open deal is recomputed in the same transaction as any change that affects it
 * (decision 024 §2): every function in src/app that calls a writer of what inspection reads — the deal, its
 * MEDDPICC, attestations, milestones, POC plan, activities, stage history, push count — also calls
 * `storeInspections` or `storeInspectionOf` (after its writes). A source check, function by function.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

/** The db writers whose rows inspection reads (src/db/repositories). */
const WRITERS = [
  'saveOpportunity',
  'insertOpportunity',
  'insertOpportunities',
  'upsertImportedOpportunities',
  'saveMeddpicc',
  'saveAttestation',
  'deleteAttestation',
  'saveMilestone',
  'deleteMilestone',
  'savePocPlan',
  'insertActivity',
  'saveActivity',
  'deleteActivity',
  'insertStageChanges',
  'countClosePush',
  'moveDeals',
  'moveKey',
];

/** Functions that write without storing, each for its reason. */
const EXEMPT = new Map<string, string>([
  [
    'src/app/playbook/load-playbook-version.ts:loadPlaybookVersion',
    'a new version starts with inspections_complete_at null: openApp recomputes every row under it (refreshInspections)',
  ],
]);

function appFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(relative);
    }
  };
  walk('src/app');
  return files;
}

/** The file's top-level functions (a line starting `function`, `async function` or `export …`) and their text. */
function topLevelFunctions(text: string): Map<string, string> {
  const functions = new Map<string, string>();
  const starts = [...text.matchAll(/^(?:export )?(?:async )?function\*? (\w+)/gm)];
  starts.forEach((match, index) => {
    const end = starts[index + 1]?.index ?? text.length;
    functions.set(match[1] ?? '', text.slice(match.index, end));
  });
  return functions;
}

const calls = (text: string, name: string) => new RegExp(`\\b${name}\\(`).test(text);
/** `storeInspectionOf` is the one-deal form a stage change uses with the qualification it read. */
const stores = (text: string) => calls(text, 'storeInspections') || calls(text, 'storeInspectionOf');

/** `file:function` of every top-level function that calls a writer but neither stores nor calls one that does. */
function writersWithoutStore(file: string, text: string): string[] {
  const functions = topLevelFunctions(text);
  const storing = new Set([...functions].filter(([, body]) => stores(body)).map(([name]) => name));
  return [...functions]
    .filter(([, body]) => WRITERS.some((writer) => calls(body, writer)))
    .filter(([, body]) => !stores(body) && ![...storing].some((name) => calls(body, name)))
    .map(([name]) => `${file}:${name}`);
}

describe('the stored inspection follows every write', () => {
  it('is recomputed by every src/app function that writes what inspection reads', () => {
    const missing = appFiles()
      .flatMap((file) => writersWithoutStore(file, readFileSync(path.join(ROOT, file), 'utf8')))
      .filter((where) => !EXEMPT.has(where));
    expect(missing).toEqual([]);
  });

  it('catches a use case that writes without storing, and one that stores through a helper', () => {
    const source = [
      'export async function snooze(context, trx) {',
      '  await saveOpportunity(trx, next);',
      '}',
      'async function touch(context, trx) {',
      '  await saveActivity(trx, activity);',
      '  await storeInspections(context, trx, [id]);',
      '}',
      'export async function update(context, trx) {',
      '  await saveActivity(trx, activity);',
      '  await touch(context, trx);',
      '}',
    ].join('\n');
    expect(writersWithoutStore('x.ts', source)).toEqual(['x.ts:snooze']);
  });

  it('exempts only functions that still write', () => {
    for (const where of EXEMPT.keys()) {
      const [file = '', name = ''] = where.split(':');
      const body = topLevelFunctions(readFileSync(path.join(ROOT, file), 'utf8')).get(name) ?? '';
      expect(
        WRITERS.some((writer) => calls(body, writer)),
        where,
      ).toBe(true);
    }
  });
});
