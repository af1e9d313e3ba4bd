/** SQLSTATE codes the application reacts to (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  notNullViolation: '23502',
  checkViolation: '23514',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  raiseException: 'P0001',
  lockNotAvailable: '55P03',
} as const satisfies Record<string, string>;

export type SqlState = (typeof SQLSTATE)[keyof typeof SQLSTATE];

/** PostgreSQL's error fields, as both `pg` and the PGlite driver expose them. */
export interface DatabaseErrorFields {
  code: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** The PostgreSQL error fields of `error` (from either engine), or undefined if it is not a database error. */
export function readDatabaseError(error: unknown): DatabaseErrorFields | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  if (!/^[0-9A-Z]{5}$/.test(error.code) || !('severity' in error)) return undefined;
  const fields = error as Error & Partial<Record<'detail' | 'constraint' | 'table' | 'column', unknown>>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    code: error.code,
    detail: text(fields.detail),
    constraint: text(fields.constraint),
    table: text(fields.table),
    column: text(fields.column),
  };
}

/** True when `error` is a database error with SQLSTATE `code`, e.g. `hasSqlState(e, SQLSTATE.uniqueViolation)`. */
export function hasSqlState(error: unknown, code: SqlState): boolean {
  return readDatabaseError(error)?.code === code;
}
