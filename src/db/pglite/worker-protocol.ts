/** The messages exchanged between the main thread and the PGlite worker thread (structured-cloned). */

export interface PgliteWorkerOptions {
  /** Absolute path of the data directory; absent = in-memory database. */
  dataDir?: string;
  /** A gzipped tarball from `dumpDataDir` to initialise a new data directory from. */
  loadDataDir?: Uint8Array;
}

export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: readonly unknown[] }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export interface WorkerQueryResult {
  rows: Record<string, unknown>[];
  command: string | undefined;
  rowCount: number | undefined;
}

/** `id` 0 answers the start-up: ok once PGlite is ready. */
export type WorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

/** An error thrown in the worker; `fields` holds PostgreSQL's error fields (code, detail, constraint, …). */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, string>;
}
