import { ApiError } from '../../api';
import { problemPath } from './model-edits';

export interface ModelProblem {
  path: string;
  message: string;
  line?: number;
}

/** The problems a 422 names (`problems`, or the `errors` of a 400), with their paths made dotted. */
export function modelProblems(error: unknown): ModelProblem[] {
  if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 400)) return [];
  const body = error.problem as { problems?: ModelProblem[]; errors?: ModelProblem[] };
  return (body.problems ?? body.errors ?? []).map((problem) => ({
    ...problem,
    path: problemPath(problem.path),
  }));
}

/** "territories.2.rules.0: …" or "line 12: …", for a list. */
export function problemInWords(problem: ModelProblem): string {
  const where = [problem.line ? `line ${problem.line}` : null, problem.path || null]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** The refusals a 422 of activation lists, in words. */
export function refusalsOf(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  return (error.problem as { refusals?: string[] }).refusals ?? [];
}
