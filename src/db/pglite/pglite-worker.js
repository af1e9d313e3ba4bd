// @ts-check
// Runs PGlite in a worker thread so long queries do not block the main event loop.
// Plain JS (checked through JSDoc) so it runs unchanged from src/ under vitest/tsx and from dist/.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { typeParsers } from '../type-parsers.js';

/** @typedef {import('./worker-protocol.js').PgliteWorkerOptions} PgliteWorkerOptions */
/** @typedef {import('./worker-protocol.js').WorkerRequest} WorkerRequest */
/** @typedef {import('./worker-protocol.js').WorkerResponse} WorkerResponse */
/** @typedef {import('./worker-protocol.js').SerializedError} SerializedError */

const NOT_ERROR_FIELDS = new Set(['name', 'message', 'stack', 'query', 'params', 'queryOptions']);

/**
 * @param {unknown} error
 * @returns {SerializedError}
 */
function serializeError(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  /** @type {Record<string, string>} */
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' && !NOT_ERROR_FIELDS.has(key)) fields[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

/**
 * @param {PgliteWorkerOptions} options
 * @returns {Promise<PGlite>}
 */
async function openPglite(options) {
  const loadDataDir = options.loadDataDir ? new Blob([options.loadDataDir]) : undefined;
  return PGlite.create({ dataDir: options.dataDir, loadDataDir, parsers: { ...typeParsers } });
}

/**
 * @param {PGlite} pglite
 * @param {WorkerRequest} request
 * @returns {Promise<{ value: unknown; transfer?: ArrayBuffer[] }>}
 */
async function handleRequest(pglite, request) {
  switch (request.op) {
    case 'query': {
      const result = await pglite.query(request.sql, [...request.params], { rowMode: 'object' });
      return { value: { rows: result.rows, command: result.command, rowCount: result.rowCount } };
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
 * @param {PGlite} pglite
 * @param {WorkerRequest} request
 */
async function answerRequest(port, pglite, request) {
  try {
    const { value, transfer } = await handleRequest(pglite, request);
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
    port.on('message', (/** @type {WorkerRequest} */ request) => void answerRequest(port, pglite, request));
    port.postMessage({ id: 0, ok: true, value: undefined });
  } catch (error) {
    port.postMessage({ id: 0, ok: false, error: serializeError(error) });
  }
}

await serve();
