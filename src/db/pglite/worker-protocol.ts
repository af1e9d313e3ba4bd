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
  | { id: number; op: 'close' }
  /** Runs a job module's `runInDatabaseWorker` inside the worker, next to PGlite (see WorkerJobModule). */
  | { id: number; op: 'run'; module: string; input: unknown };

export interface WorkerQueryResult {
  rows: Record<string, unknown>[];
  command: string | undefined;
  rowCount: number | undefined;
}

/** `id` 0 answers the start-up: ok once PGlite is ready. */
export type WorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

/** A running job's progress report: any number of them before the job's `WorkerResponse`. */
export interface WorkerProgress {
  id: number;
  progress: unknown;
}

/** One statement on the worker's PGlite, without a thread hop: what a job's queries go through. */
export type WorkerQuery = (sql: string, params: readonly unknown[]) => Promise<WorkerQueryResult>;

/**
 * A module the worker can run (op `run`): a long series of statements — the demo seed — that would
 * otherwise pay a thread hop (structured clone both ways, two wake-ups) per statement. It runs alone: the
 * worker answers nothing else until it returns, and the main thread holds the connection meanwhile.
 */
export interface WorkerJobModule {
  runInDatabaseWorker(
    query: WorkerQuery,
    input: unknown,
    report: (progress: unknown) => void,
  ): Promise<unknown>;
}

/** An error thrown in the worker; `fields` holds PostgreSQL's error fields (code, detail, constraint, …). */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, string>;
}
