import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';

/**
 * When to refuse new requests with 503 instead of queueing them without limit (0 turns a check off).
 * An embedded database runs in a worker thread, so an overloaded server shows a growing queue of queries
 * waiting for a connection long before its event loop slows down: both are watched.
 */
export interface LoadSheddingSettings {
  /** Queries waiting for a database connection (PGlite's one, or a free one of the pool). */
  maxWaitingQueries: number;
  /** The event loop's mean delay over the last sample, in milliseconds. */
  maxEventLoopDelayMs: number;
  /** The current number of waiting queries (OpenedDatabase.waitingQueries). */
  waitingQueries: () => number;
}

/** The error under-pressure raises for a shed request; the error handler answers it as `server_busy`. */
export class ServerBusyError extends Error {
  readonly statusCode = 503;
  readonly code = 'CP_SERVER_BUSY';
  constructor() {
    super('The server is overloaded; retry in a moment.');
  }
}

/** How often the database queue is looked at; between looks the last verdict holds. */
const QUEUE_CHECK_INTERVAL_MS = 20;

/**
 * Sheds load with @fastify/under-pressure: while the database queue or the event-loop delay is over its
 * limit, every new request answers 503 `server_busy` (problem+json, Retry-After: 1) before any other work;
 * requests already admitted finish, so the queue drains and the server recovers by itself.
 */
export async function installLoadShedding(app: FastifyInstance, settings: LoadSheddingSettings) {
  const { maxWaitingQueries, maxEventLoopDelayMs, waitingQueries } = settings;
  await app.register(underPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    sampleInterval: 250,
    retryAfter: 1,
    customError: ServerBusyError,
    ...(maxWaitingQueries > 0 && {
      healthCheck: async () => waitingQueries() <= maxWaitingQueries,
      healthCheckInterval: QUEUE_CHECK_INTERVAL_MS,
    }),
  });
}
