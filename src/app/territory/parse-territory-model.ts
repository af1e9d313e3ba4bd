import { readFile } from 'node:fs/promises';
import { type Document, isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import { err, ok, type Result } from '../../domain/result.js';
import type { TerritoryModel } from '../../domain/territory/territory-model.js';
import { validateTerritoryModel } from '../../domain/territory/validate-territory-model.js';
import { territoryModelSchema } from './territory-schema.js';

/** One problem of a territories file: the file, the path in it, the reason, and the line when known. */
export interface TerritoryFileProblem {
  file: string;
  path: string;
  message: string;
  line?: number;
}

type Path = ReadonlyArray<PropertyKey>;

function formatPath(segments: Path): string {
  return segments.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text ? `${text}.${String(segment)}` : String(segment);
  }, '');
}

/**
 * The line of the node at `path`, or of its nearest ancestor in the file (a missing key: the object that lacks
 * it). With `unknownKey`, the line of that key inside the object at `path`.
 */
function lineOf(document: Document, lines: LineCounter, path: Path, unknownKey?: string): number | undefined {
  if (unknownKey !== undefined) {
    const map = path.length === 0 ? document.contents : document.getIn(path as unknown[], true);
    if (isMap(map)) {
      const pair = map.items.find(
        (item) => isPair(item) && isScalar(item.key) && item.key.value === unknownKey,
      );
      if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]).line;
    }
  }
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length) as unknown[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Parses a territories file (YAML or JSON) and validates it; every problem names its file, path and reason. */
export function parseTerritoryModel(
  source: string,
  file: string,
): Result<TerritoryModel, TerritoryFileProblem[]> {
  const lines = new LineCounter();
  const document = parseDocument(source, { prettyErrors: false, lineCounter: lines });
  if (document.errors.length > 0) {
    return err(
      document.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return { file, path: '', message: `not valid YAML/JSON at column ${col}: ${error.message}`, line };
      }),
    );
  }
  const located = (path: Path, message: string, unknownKey?: string): TerritoryFileProblem => {
    const line = lineOf(document, lines, path, unknownKey);
    const shown = formatPath(unknownKey === undefined ? path : [...path, unknownKey]);
    return { file, path: shown, message, ...(line === undefined ? {} : { line }) };
  };
  const parsed = territoryModelSchema.safeParse(document.toJS(), {
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'missing' : undefined),
  });
  if (!parsed.success) {
    return err(
      parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((name) => located(issue.path, `unknown key "${name}"`, name))
          : [located(issue.path, issue.message)],
      ),
    );
  }
  const issues = validateTerritoryModel(parsed.data);
  if (issues.length > 0) return err(issues.map((issue) => located(issue.path, issue.message)));
  return ok(parsed.data);
}

/** Reads and parses a territories file; a file that cannot be read is one problem, like a bad one. */
export async function readTerritoryModel(
  file: string,
): Promise<Result<TerritoryModel, TerritoryFileProblem[]>> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    return err([{ file, path: '', message: `cannot read: ${(error as Error).message}` }]);
  }
  return parseTerritoryModel(source, file);
}

/** One line per problem: `file:line: path: reason` (the line and path when known). */
export function describeTerritoryProblems(problems: TerritoryFileProblem[]): string {
  return problems
    .map(
      (problem) =>
        `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.path || '(file)'}: ${problem.message}`,
    )
    .join('\n');
}
