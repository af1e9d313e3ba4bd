import { err, ok, type Result } from '../../domain/result.js';
import { unstorableTextProblem } from '../../domain/text.js';
import { type AppError, invalid } from '../app-error.js';

/** Opaque keyset cursors: the sort key of the last row of a page, base64url JSON. */
export function encodeCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each part of a cursor must be before it may reach a query: `text` (storable text), `date`
 * (YYYY-MM-DD, years 1000–9999), `instant` (an ISO 8601 UTC instant, years 1000–9999), `serial` (a non-negative safe integer, or its digits), `integer` (a safe integer), `any` (a string or a
 * number, compared in memory only).
 */
export type CursorPart = 'text' | 'date' | 'instant' | 'serial' | 'integer' | 'any';

const DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;

function partFits(part: unknown, kind: CursorPart): boolean {
  if (kind === 'any') return typeof part === 'string' || typeof part === 'number';
  if (kind === 'integer') return typeof part === 'number' && Number.isSafeInteger(part);
  if (kind === 'serial') {
    const value = typeof part === 'string' && /^\d{1,16}$/.test(part) ? Number(part) : part;
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  }
  if (typeof part !== 'string' || part.length > 1000 || unstorableTextProblem(part)) return false;
  if (kind === 'instant') {
    return /^[1-9]\d{3}-\d{2}-\d{2}T[\d:.]+Z$/.test(part) && !Number.isNaN(Date.parse(part));
  }
  if (kind === 'date') {
    const day = new Date(`${part}T00:00:00Z`);
    return DAY.test(part) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(part);
  }
  return true;
}

/**
 * A cursor this API handed out, read back: base64url JSON of the sort key, each part of the kind the list
 * sorts by. Anything else — a cursor made by hand — is a 400 at `query.cursor`, before any SQL.
 */
export function decodeCursor(
  cursor: string | undefined,
  parts: readonly CursorPart[],
): Result<Array<string | number> | undefined, AppError> {
  if (cursor === undefined) return ok(undefined);
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === parts.length &&
      key.every((part, index) => partFits(part, parts[index] ?? 'any'))
    ) {
      return ok(key as Array<string | number>);
    }
  } catch {
    // fall through to the error below
  }
  return err(invalid([{ path: 'query.cursor', message: 'not a cursor this list returned' }]));
}

/**
 * The keyset of lists sorted by (created_at, id): the cursor's [epoch milliseconds, id] read back, undefined
 * on the first page, a 400 at `query.cursor` for anything else.
 */
export function decodeCreatedAtCursor(
  cursor: string | undefined,
): Result<{ createdAt: Date; id: string } | undefined, AppError> {
  const decoded = decodeCursor(cursor, ['serial', 'text']);
  if (!decoded.ok || !decoded.value) return decoded as Result<undefined, AppError>;
  const [createdAt, id] = decoded.value;
  return ok({ createdAt: new Date(Number(createdAt)), id: String(id) });
}

/** The cursor part of a row of such a list. */
export const createdAtKey = (row: { createdAt: Date; id: string }) => [row.createdAt.getTime(), row.id];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Turns `limit + 1` fetched rows into a page and the cursor of its last row. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => Array<string | number>): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
