import { Worker } from 'node:worker_threads';
import { PgliteError } from './pglite-error.js';
import type { PgliteWorkerOptions, WorkerQueryResult, WorkerResponse } from './worker-protocol.js';

export interface PgliteWorkerClient {
  query(sql: string, params: readonly unknown[]): Promise<WorkerQueryResult>;
  dumpDataDir(): Promise<Uint8Array>;
  close(): Promise<void>;
}

interface PendingRequest {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const WORKER_URL = new URL('./pglite-worker.js', import.meta.url);

/** The worker inherits Node's flags, but `--input-type` (as in `node --input-type=module -e …`) breaks a file worker. */
const workerExecArgv = () => process.execArgv.filter((flag) => !flag.startsWith('--input-type'));

/** Starts PGlite in a worker thread and resolves once the database is open. */
export async function startPgliteWorker(options: PgliteWorkerOptions): Promise<PgliteWorkerClient> {
  const worker = new Worker(WORKER_URL, { workerData: options, execArgv: workerExecArgv() });
  const pending = new Map<number, PendingRequest>();
  let nextId = 1;
  let failure: Error | undefined;

  const failAll = (error: Error) => {
    failure ??= error;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on('message', (response: WorkerResponse) => {
    const request = pending.get(response.id);
    if (!request) return;
    pending.delete(response.id);
    if (response.ok) request.resolve(response.value);
    else request.reject(new PgliteError(response.error));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the PGlite worker thread exited (code ${code})`)));

  const send = (
    message: { op: 'query'; sql: string; params: readonly unknown[] } | { op: 'dump' | 'close' },
  ) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure) throw failure;
      const id = nextId++;
      pending.set(id, { resolve, reject });
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
    close: async () => {
      if (!failure) await send({ op: 'close' });
      failure ??= new Error('the PGlite database is closed');
      await worker.terminate();
    },
  };
}
