/** An unmet gate requirement, as a blocked stage move lists it (422 `missing`). */
export interface MissingRequirement {
  kind: 'criterion' | 'meddpicc' | 'field' | 'transition' | 'customer_fit';
  stage: string;
  phase?: 'entrance' | 'exit';
  key: string;
  label: string;
  message: string;
  source?: 'attested' | 'derived';
  applicable?: boolean;
  attestation?: { by: string; at: string; note: string | null; evidenceUrl: string | null };
  required?: 'unknown' | 'identified' | 'validated';
  actual?: 'unknown' | 'identified' | 'validated';
  /** The logged activity that meets a criterion derived from activities. */
  activityId?: string;
}

/** The API's one error shape (RFC 9457 problem details). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: Array<{ path: string; message: string }>;
  missing?: MissingRequirement[];
  currentVersion?: number;
  /** gate_blocked: the furthest stage the deal could move to now (null: none). */
  reachable?: { stage: string; name: string } | null;
  /** type_not_for_customer: the account's class and the types that suit it. */
  customerClass?: { key: string; name: string };
  allowedTypes?: Array<{ key: string; name: string }>;
}

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
