// @ts-check
// Runs PGlite in a worker thread so long queries do not block the main event loop.
// Plain JS (checked through JSDoc) so it runs unchanged from src/ under vitest/tsx and from dist/.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { typeParsers } from '../type-parsers.js';
import { serializeError } from './serialize-error.js';
import { createStatementRunner } from './statement-runner.js';

/** @typedef {import('./worker-protocol.js').PgliteWorkerOptions} PgliteWorkerOptions */
/** @typedef {import('./worker-protocol.js').WorkerRequest} WorkerRequest */
/** @typedef {import('./worker-protocol.js').WorkerResponse} WorkerResponse */
/** @typedef {import('./worker-protocol.js').WorkerJobModule} WorkerJobModule */

/**
 * @param {PgliteWorkerOptions} options
 * @returns {Promise<PGlite>}
 */
async function openPglite(options) {
  const loadDataDir = options.loadDataDir ? new Blob([options.loadDataDir]) : undefined;
  return PGlite.create({ dataDir: options.dataDir, loadDataDir, parsers: { ...typeParsers } });
}

/** @typedef {{ pglite: PGlite; statements: ReturnType<typeof createStatementRunner> }} Database */

/**
 * A job module: compiled JS from dist/, or TypeScript from src/ when the CLI runs under tsx — whose loader
 * hooks Node 20 does not pass on to worker threads, so the worker asks tsx (a devDependency) itself.
 * @param {string} url
 * @returns {Promise<WorkerJobModule>}
 */
async function importJob(url) {
  if (!url.endsWith('.ts')) return import(url);
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(url, import.meta.url);
}

/**
 * @param {import('node:worker_threads').MessagePort} port
 * @param {Database} database
 * @param {WorkerRequest} request
 * @returns {Promise<{ value: unknown; transfer?: ArrayBuffer[] }>}
 */
async function handleRequest(port, { pglite, statements }, request) {
  switch (request.op) {
    case 'query':
      return { value: await statements.query(request.sql, request.params) };
    case 'run': {
      const job = await importJob(request.module);
      const report = (/** @type {unknown} */ progress) => port.postMessage({ id: request.id, progress });
      return { value: await job.runInDatabaseWorker(statements.query, request.input, report) };
    }
    case 'dump': {
      const tarball = await pglite.dumpDataDir('gzip');
      const bytes = new Uint8Array(await tarball.arrayBuffer());
      return { value: bytes, transfer: [bytes.buffer] };
    }
    case 'close':
      await pglite.close();
      return { value: undefined };
  }
}

/**
 * @param {import('node:worker_threads').MessagePort} port
 * @param {Database} database
 * @param {WorkerRequest} request
 */
async function answerRequest(port, database, request) {
  try {
    const { value, transfer } = await handleRequest(port, database, request);
    /** @type {WorkerResponse} */
    const response = { id: request.id, ok: true, value };
    port.postMessage(response, transfer ?? []);
  } catch (error) {
    /** @type {WorkerResponse} */
    const response = { id: request.id, ok: false, error: serializeError(error) };
    port.postMessage(response);
  }
}

async function serve() {
  const port = parentPort;
  if (!port) throw new Error('pglite-worker.js must run in a worker thread');
  try {
    const pglite = await openPglite(workerData);
    const database = { pglite, statements: createStatementRunner(pglite) };
    // One request at a time, in arrival order (as PGlite's own query mutex did): a statement never starts
    // inside another's protocol exchange. answerRequest never rejects.
    let queue = Promise.resolve();
    port.on('message', (/** @type {WorkerRequest} */ request) => {
      queue = queue.then(() => answerRequest(port, database, request));
    });
    port.postMessage({ id: 0, ok: true, value: undefined });
  } catch (error) {
    port.postMessage({ id: 0, ok: false, error: serializeError(error) });
  }
}

await serve();
