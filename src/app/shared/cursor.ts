import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid } from '../app-error.js';

/** Opaque keyset cursors: the sort key of the last row of a page, base64url JSON. */
export function encodeCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  arity: number,
): Result<Array<string | number> | undefined, AppError> {
  if (cursor === undefined) return ok(undefined);
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((part) => ['string', 'number'].includes(typeof part))
    ) {
      return ok(key as Array<string | number>);
    }
  } catch {
    // fall through to the error below
  }
  return err(invalid([{ path: 'query.cursor', message: 'not a cursor this list returned' }]));
}

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
