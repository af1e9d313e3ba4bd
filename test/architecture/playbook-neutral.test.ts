import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { QUALIFICATION_ROLES } from '../../src/domain/playbook/playbook.js';

/**
 * One engine, any playbook: no key of the Firebolt playbook (pipeline, stage, type, customer class,
 * qualification element) and not the word "Firebolt" in the engine's or the web app's code. Allowed: the demo
 * seed (src/app/demo), tests, and the migrations up to 008 (history that cannot change, and the one that renamed Firebolt's columns).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['src', 'web/src'];
const EXEMPT = [/^src\/app\/demo\//, /\.test\.tsx?$/, /^src\/db\/migrations\/00[1-8]-/];

/**
 * Keys that are also the engine's own words, each for its reason: a literal with them is not a Firebolt key.
 * Qualification roles are the parts an element may play (`role: champion`); a playbook names its elements
 * as it likes.
 */
const ENGINE_WORDS = new Map<string, string>([
  ...QUALIFICATION_ROLES.map((role) => [role, 'a qualification role'] as const),
  ['open', 'a stage outcome'],
  ['qualification', 'the playbook section of the framework'],
  ['created', 'an event or list sort'],
  ['poc', 'the POC method and its id prefix'],
]);

function firebolt(): Map<string, string> {
  const playbook = parse(readFileSync(path.join(ROOT, 'playbooks/firebolt.yaml'), 'utf8'));
  const keys = new Map<string, string>();
  const add = (key: string, what: string) => keys.set(key, keys.get(key) ?? what);
  for (const pipeline of playbook.pipelines) {
    add(pipeline.key, 'pipeline');
    for (const stage of pipeline.stages) add(stage.key, `stage of ${pipeline.key}`);
  }
  for (const type of playbook.opportunityTypes) add(type.key, 'opportunity type');
  for (const klass of playbook.customerClasses) add(klass.key, 'customer class');
  for (const element of playbook.qualification.elements) add(element.key, 'qualification element');
  for (const word of ENGINE_WORDS.keys()) keys.delete(word);
  return keys;
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name) && !EXEMPT.some((pattern) => pattern.test(relative)))
        files.push(relative);
    }
  };
  for (const dir of SOURCES) walk(dir);
  return files;
}

/** Every place a file names a Firebolt key as a whole string literal, or says "Firebolt". */
function findFireboltSpecifics(file: string, text: string, keys: Map<string, string>): string[] {
  const found: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    for (const match of line.matchAll(/(['"`])([a-z][a-z0-9_]*)\1/g)) {
      const key = match[2] ?? '';
      const what = keys.get(key);
      if (what) found.push(`${at}: '${key}' (${what})`);
    }
    if (/firebolt/i.test(line)) found.push(`${at}: says "Firebolt"`);
  });
  return found;
}

describe('the engine is playbook-neutral', () => {
  const keys = firebolt();

  it('names no key of the Firebolt playbook and not the word Firebolt outside the demo seed and tests', () => {
    const found = sourceFiles().flatMap((file) =>
      findFireboltSpecifics(file, readFileSync(path.join(ROOT, file), 'utf8'), keys),
    );
    expect(found).toEqual([]);
  });

  it('catches a key in a literal and the word in a comment (the guard can fail)', () => {
    const text = "if (deal.stage === 'closed_won') return;\n// as Firebolt does\nconst open = 'open';";
    expect(findFireboltSpecifics('x.ts', text, keys)).toEqual([
      "x.ts:1: 'closed_won' (stage of new_business)",
      'x.ts:2: says "Firebolt"',
    ]);
  });
});
