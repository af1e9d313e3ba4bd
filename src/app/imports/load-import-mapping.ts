import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { checkImportMapping } from '../../domain/imports/check-import-mapping.js';
import type { ImportMapping } from '../../domain/imports/import-mapping.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { err, ok, type Result } from '../../domain/result.js';
import { formatPath, type PlaybookProblem } from '../playbook/load-playbook.js';
import { importMappingSchema } from './import-mapping-schema.js';

/** A problem of a mapping file: the file, the path inside it, and why. */
export type MappingProblem = PlaybookProblem;

/** Parses a mapping file's text and checks it against the playbook; every problem names its path and reason. */
export function parseImportMapping(
  source: string,
  file: string,
  playbook: Playbook,
): Result<ImportMapping, MappingProblem[]> {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { prettyErrors: false, lineCounter });
  if (document.errors.length > 0) {
    return err(
      document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { file, path: '', message: `not valid YAML at line ${line}, column ${col}: ${error.message}` };
      }),
    );
  }
  const parsed = importMappingSchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => ({ file, path: formatPath(issue.path), message: issue.message })),
    );
  }
  const issues = checkImportMapping(playbook, parsed.data);
  if (issues.length > 0) {
    return err(issues.map((issue) => ({ file, path: formatPath(issue.path), message: issue.message })));
  }
  return ok(parsed.data);
}

export async function readImportMapping(
  file: string,
  playbook: Playbook,
): Promise<Result<ImportMapping, MappingProblem[]>> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    return err([{ file, path: '', message: `cannot read the file: ${(error as Error).message}` }]);
  }
  return parseImportMapping(source, file, playbook);
}
