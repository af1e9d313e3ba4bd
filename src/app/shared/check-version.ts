import { type AppError, stale } from '../app-error.js';

/** Optimistic concurrency: a write that names the version it read fails if the record moved on. */
export function checkVersion(current: number, expected: number | undefined): AppError | null {
  return expected !== undefined && expected !== current ? stale(current) : null;
}
