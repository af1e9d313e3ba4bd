import type { InjectOptions } from 'fastify';
import type { Response } from 'light-my-request';
import type { FuzzCase } from './fuzz-cases.js';

const PART = /^(body|query|params|headers)(?=$|[.[])/;

/** What is wrong with an answer (nothing for a good one): a 5xx, a 4xx not problem+json, a 400 without field paths. */
export function faultsOf(response: Response): string[] {
  const status = response.statusCode;
  if (status >= 500) return [`answered ${status}`];
  if (status < 400) return [];
  if (!/^application\/problem\+json/.test(String(response.headers['content-type'])))
    return [`${status} is ${response.headers['content-type']}, not application/problem+json`];
  let problem: { code?: unknown; status?: unknown; errors?: unknown };
  try {
    problem = response.json();
  } catch {
    return [`${status} problem is not JSON`];
  }
  const faults: string[] = [];
  if (typeof problem.code !== 'string') faults.push(`${status} problem has no code`);
  if (problem.status !== status) faults.push(`${status} problem says status ${String(problem.status)}`);
  // Every 400 says which part of the request is at fault, whatever its code.
  if (status === 400) {
    const errors = problem.errors;
    if (!Array.isArray(errors) || errors.length === 0) faults.push(`400 ${problem.code} without errors[]`);
    else if (!errors.every((error) => PART.test(String(error?.path)) && typeof error?.message === 'string'))
      faults.push(`400 ${problem.code} with an error not at a field: ${JSON.stringify(errors)}`);
  }
  return faults;
}

/** Kinds whose one change makes a body invalid by its schema: a 400 must name the field changed. */
const NAMES_ITS_FIELD = new Set(['wrong-type', 'missing-required']);

/** A validation failure that blames other fields than the one a case broke. */
export function misplacedFaults(fuzzCase: FuzzCase, response: Response): string[] {
  const { target } = fuzzCase;
  if (!target?.startsWith('body.') || !NAMES_ITS_FIELD.has(fuzzCase.kind) || response.statusCode !== 400)
    return [];
  const problem = response.json() as { code?: string; errors?: Array<{ path?: string }> };
  if (problem.code !== 'validation_failed') return [];
  const paths = (problem.errors ?? []).map((error) => String(error.path));
  // Fastify validates params first and stops there: the body was never read.
  if (paths.every((path) => path.startsWith('params'))) return [];
  const names = (path: string) =>
    path === target || path.startsWith(`${target}.`) || path.startsWith(`${target}[`);
  return paths.some(names) ? [] : [`400 names ${paths.join(', ')}, not ${target}`];
}

export interface Finding {
  operation: string;
  kind: string;
  caller: string;
  request: InjectOptions;
  status: number;
  body: string;
  faults: string[];
}

const shorten = (text: string, max = 600) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

export function describeFinding(finding: Finding): string {
  const { request } = finding;
  const payload = typeof request.payload === 'string' ? shorten(request.payload) : '';
  return [
    `${finding.operation} [${finding.kind}, ${finding.caller}]: ${finding.faults.join('; ')}`,
    `  ${request.method} ${shorten(String(request.url), 300)}`,
    `  headers ${shorten(JSON.stringify({ ...request.headers, cookie: undefined, authorization: undefined, 'x-csrf-token': undefined }))}`,
    payload && `  body ${payload}`,
    `  → ${finding.status} ${shorten(finding.body)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

const problemCodeOf = (response: Response): string | undefined => {
  if (!/^application\/problem\+json/.test(String(response.headers['content-type']))) return undefined;
  try {
    return String(response.json().code);
  } catch {
    return undefined;
  }
};

/** Counts by operation × status, by case kind × status class and by problem code, printed as tables. */
export class FuzzTally {
  private readonly byOperation = new Map<string, Map<number, number>>();
  private readonly byKind = new Map<string, Map<string, number>>();
  private readonly byCode = new Map<string, number>();
  readonly statuses = new Set<number>();

  count(operation: string, fuzzCase: FuzzCase, response: Response): void {
    const status = response.statusCode;
    const code = problemCodeOf(response);
    if (code) this.byCode.set(`${status} ${code}`, (this.byCode.get(`${status} ${code}`) ?? 0) + 1);
    const row = this.byOperation.get(operation) ?? new Map<number, number>();
    row.set(status, (row.get(status) ?? 0) + 1);
    this.byOperation.set(operation, row);
    this.statuses.add(status);
    const kind = this.byKind.get(fuzzCase.kind) ?? new Map<string, number>();
    const statusClass = `${Math.floor(status / 100)}xx`;
    kind.set(statusClass, (kind.get(statusClass) ?? 0) + 1);
    this.byKind.set(fuzzCase.kind, kind);
  }

  casesOf(operation: string): number {
    return [...(this.byOperation.get(operation)?.values() ?? [])].reduce((sum, n) => sum + n, 0);
  }

  table(): string {
    const statuses = [...this.statuses].sort((a, b) => a - b);
    const width = Math.max(...[...this.byOperation.keys()].map((key) => key.length), 9);
    const line = (label: string, cells: Array<string | number>) =>
      `${label.padEnd(width)} ${cells.map((cell) => String(cell).padStart(7)).join('')}`;
    const totals = statuses.map((status) =>
      [...this.byOperation.values()].reduce((sum, row) => sum + (row.get(status) ?? 0), 0),
    );
    const rows = [...this.byOperation].map(([operation, row]) =>
      line(operation, [...statuses.map((status) => row.get(status) ?? ''), this.casesOf(operation)]),
    );
    const classes = ['2xx', '3xx', '4xx', '5xx'];
    const kinds = [...this.byKind].map(
      ([kind, row]) =>
        `${kind.padEnd(18)} ${classes.map((c) => String(row.get(c) ?? '').padStart(7)).join('')}`,
    );
    return [
      line('operation', [...statuses, 'cases']),
      ...rows,
      line('total', [...totals, totals.reduce((sum, n) => sum + n, 0)]),
      '',
      `${'case kind'.padEnd(18)} ${classes.map((c) => c.padStart(7)).join('')}`,
      ...kinds,
      '',
      `problems: ${[...this.byCode]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')}`,
    ].join('\n');
  }
}
