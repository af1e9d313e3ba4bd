import type { Schemas } from './schema-types';

/** An unmet gate requirement, as a blocked stage move lists it (422 `missing`). */
export type MissingRequirement = Schemas['MissingRequirement'];

/**
 * The API's one error shape (RFC 9457 problem details), as the client holds it: what the server answered, or
 * one the client makes up (`network_error`, or `unknown` for a body that is not a problem) without a type or
 * a request id.
 */
export type Problem = Omit<Schemas['Problem'], 'type' | 'requestId' | 'code'> & {
  type?: string;
  requestId?: string;
  code: Schemas['Problem']['code'] | 'network_error' | 'unknown';
};

/** A failed API call: the problem the server answered (or one made up for a network failure). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && 'status' in body && 'title' in body;

/** Reads an error response as a problem, whatever the server or a proxy in between sent. */
export async function problemFrom(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isProblem(body)) return { ...body, detail: body.detail ?? body.title, code: body.code ?? 'unknown' };
  } catch {
    // not JSON: described below
  }
  return {
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: `The server answered ${response.status} ${response.statusText}.`.trim(),
    code: 'unknown',
  };
}

/** An error in words, for a person: the problem's detail, each invalid field, and the request id. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.problem.errors?.map((issue) => `${issue.path}: ${issue.message}`) ?? [];
    return [error.problem.detail, ...fields].join(' · ');
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
