import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound, stale } from '../app-error.js';

/**
 * Loads a record to change it (the loader takes a row lock), asks `authorize` (404/403 come before any
 * version talk, so nothing leaks), then applies optimistic concurrency: a caller that names the version it
 * read is refused if the record has moved on since.
 */
export async function lockForWrite<T extends { version: number }>(
  load: () => Promise<T | undefined>,
  what: string,
  id: string,
  expectedVersion: number | undefined,
  authorize: (record: T) => Promise<AppError | null> = async () => null,
): Promise<Result<T, AppError>> {
  const current = await load();
  if (!current) return err(notFound(what, id));
  const refusal = await authorize(current);
  if (refusal) return err(refusal);
  if (expectedVersion !== undefined && expectedVersion !== current.version)
    return err(stale(current.version));
  return ok(current);
}
