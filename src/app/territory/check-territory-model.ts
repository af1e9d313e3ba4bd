import { err, ok, type Result } from '../../domain/result.js';
import type { TerritoryModel } from '../../domain/territory/territory-model.js';
import { validateTerritoryModel } from '../../domain/territory/validate-territory-model.js';
import type { AppError } from '../app-error.js';
import { parseTerritoryModel } from './parse-territory-model.js';

type Problem = { path: string; message: string; line?: number };

const invalidModel = (problems: Problem[]): AppError => ({
  code: 'territory_model_invalid',
  message: problems.map((problem) => `${problem.path || '(file)'}: ${problem.message}`).join('; '),
  problems,
});

const formatPath = (segments: ReadonlyArray<string | number>) =>
  segments.reduce<string>(
    (text, segment) =>
      typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment,
    '',
  );

/** A territories file's text as a model, or every problem (path, reason, line) as a 422. */
export function modelFromSource(source: string): Result<TerritoryModel, AppError> {
  const parsed = parseTerritoryModel(source, 'source');
  if (parsed.ok) return ok(parsed.value);
  return err(invalidModel(parsed.error.map(({ file: _file, ...problem }) => problem)));
}

/** A model that passed the schema, checked for its references and codes: the problems as a 422, or null. */
export function modelProblems(model: TerritoryModel): AppError | null {
  const issues = validateTerritoryModel(model);
  if (issues.length === 0) return null;
  return invalidModel(issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
}
