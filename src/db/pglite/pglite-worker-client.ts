import { Worker } from 'node:worker_threads';
import { PgliteError } from './pglite-error.js';
import type {
  PgliteWorkerOptions,
  WorkerProgress,
  WorkerQueryResult,
  WorkerResponse,
} from './worker-protocol.js';

export interface PgliteWorkerClient {
  query(sql: string, params: readonly unknown[]): Promise<WorkerQueryResult>;
  dumpDataDir(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Runs a job module inside the worker (see WorkerJobModule); `onProgress` gets its reports. */
export type RunInWorker = (
  module: URL,
  input: unknown,
  onProgress?: (progress: unknown) => void,
) => Promise<unknown>;

interface PendingRequest {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: unknown) => void;
}

const WORKER_URL = new URL('./pglite-worker.js', import.meta.url);

/** The worker inherits Node's flags, but `--input-type` (as in `node --input-type=module -e …`) breaks a file worker. */
const workerExecArgv = () => process.execArgv.filter((flag) => !flag.startsWith('--input-type'));

/** Starts PGlite in a worker thread and resolves once the database is open. */
export async function startPgliteWorker(
  options: PgliteWorkerOptions,
): Promise<PgliteWorkerClient & { run: RunInWorker }> {
  const worker = new Worker(WORKER_URL, { workerData: options, execArgv: workerExecArgv() });
  const pending = new Map<number, PendingRequest>();
  let nextId = 1;
  let failure: Error | undefined;

  const failAll = (error: Error) => {
    failure ??= error;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on('message', (response: WorkerResponse | WorkerProgress) => {
    const request = pending.get(response.id);
    if (!request) return;
    if ('progress' in response) {
      request.onProgress?.(response.progress);
      return;
    }
    pending.delete(response.id);
    if (response.ok) request.resolve(response.value);
    else request.reject(new PgliteError(response.error));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the PGlite worker thread exited (code ${code})`)));

  const send = (
    message:
      | { op: 'query'; sql: string; params: readonly unknown[] }
      | { op: 'run'; module: string; input: unknown }
      | { op: 'dump' | 'close' },
    onProgress?: (progress: unknown) => void,
  ) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure) throw failure;
      const id = nextId++;
      pending.set(id, { resolve, reject, ...(onProgress && { onProgress }) });
      try {
        worker.postMessage({ id, ...message });
      } catch (error) {
        pending.delete(id);
        throw error;
      }
    });

  await new Promise<unknown>((resolve, reject) => {
    pending.set(0, { resolve, reject });
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  return {
    query: (sql, params) => send({ op: 'query', sql, params }) as Promise<WorkerQueryResult>,
    dumpDataDir: () => send({ op: 'dump' }) as Promise<Uint8Array>,
    run: (module, input, onProgress) => send({ op: 'run', module: module.href, input }, onProgress),
    close: async () => {
      if (!failure) await send({ op: 'close' });
      failure ??= new Error('the PGlite database is closed');
      await worker.terminate();
    },
  };
}
