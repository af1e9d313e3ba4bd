import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';

/** When to refuse new requests with 503 instead of queueing them without limit (0 turns a check off). */
export interface LoadSheddingSettings {
  /**
   * Requests admitted and not yet answered. This bounds the queue itself, whatever it waits on: PGlite's one
   * connection (in a worker thread, so the event loop stays quick while the queue grows), the pool of a
   * PostgreSQL server, or the CPU. A burst is refused at once, not after the next sample.
   */
  maxConcurrentRequests: number;
  /** The event loop's mean delay over the last 250 ms, in milliseconds (CPU-bound overload). */
  maxEventLoopDelayMs: number;
}

/** The error a shed request raises; the error handler answers it as 503 `server_busy`. */
export class ServerBusyError extends Error {
  readonly statusCode = 503;
  readonly code = 'CP_SERVER_BUSY';
  constructor() {
    super('The server is overloaded; retry in a moment.');
  }
}

const RETRY_AFTER_SECONDS = 1;

/**
 * While more requests are in flight than allowed, or the event loop lags (@fastify/under-pressure), every
 * new request answers 503 `server_busy` (problem+json, Retry-After: 1) before authentication or any query;
 * the requests already admitted finish, and the server serves again as soon as they do.
 */
export async function installLoadShedding(app: FastifyInstance, settings: LoadSheddingSettings) {
  await app.register(underPressure, {
    maxEventLoopDelay: settings.maxEventLoopDelayMs,
    sampleInterval: 250,
    retryAfter: RETRY_AFTER_SECONDS,
    customError: ServerBusyError,
  });
  const limit = settings.maxConcurrentRequests;
  if (limit <= 0) return;
  let inFlight = 0;
  app.addHook('onRequest', async (_request, reply) => {
    if (inFlight >= limit) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      throw new ServerBusyError();
    }
    inFlight++;
    // 'close' comes once for every response, answered or abandoned by its client.
    reply.raw.once('close', () => inFlight--);
  });
}
