import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { validatePlaybook } from '../../domain/playbook/validate-playbook.js';
import { err, ok, type Result } from '../../domain/result.js';
import { DEFAULT_PLAYBOOK_FILE } from '../demo/demo-playbook.js';
import { playbookSchema } from './playbook-schema.js';

export interface PlaybookProblem {
  file: string;
  path: string;
  message: string;
}

export { DEFAULT_PLAYBOOK_FILE };

/** A zod or validator path as text: a.b[0].c. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text ? `${text}.${String(segment)}` : String(segment);
  }, '');
}

/** Parses and validates a playbook from text; every problem names its path and reason. */
export function parsePlaybook(source: string, file: string): Result<Playbook, PlaybookProblem[]> {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { prettyErrors: false, lineCounter });
  if (document.errors.length > 0) {
    return err(
      document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return {
          file,
          path: '',
          message: `not valid YAML/JSON at line ${line}, column ${col}: ${error.message}`,
        };
      }),
    );
  }
  const parsed = playbookSchema.safeParse(document.toJS());
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => ({ file, path: formatPath(issue.path), message: issue.message })),
    );
  }
  const issues = validatePlaybook(parsed.data);
  if (issues.length > 0) {
    return err(issues.map((issue) => ({ file, path: formatPath(issue.path), message: issue.message })));
  }
  return ok(parsed.data);
}

export async function readPlaybook(
  file: string = DEFAULT_PLAYBOOK_FILE,
): Promise<Result<Playbook, PlaybookProblem[]>> {
  const shown = file === DEFAULT_PLAYBOOK_FILE ? path.relative(process.cwd(), file) : file;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    return err([{ file: shown, path: '', message: `cannot read: ${(error as Error).message}` }]);
  }
  return parsePlaybook(source, shown);
}

export function describePlaybookProblems(problems: PlaybookProblem[]): string {
  return problems
    .map((problem) => `${problem.file}: ${problem.path || '(file)'}: ${problem.message}`)
    .join('\n');
}

/** Loads a playbook or throws a readable error naming the file, path and reason. */
export async function loadPlaybook(file?: string): Promise<Playbook> {
  const result = await readPlaybook(file);
  if (!result.ok) throw new Error(`Invalid playbook:\n${describePlaybookProblems(result.error)}`);
  return result.value;
}
