import type { SerializedError } from './worker-protocol.js';

/**
 * An error raised by PGlite in the worker thread, rebuilt on the main thread with PostgreSQL's error
 * fields, so callers read `code` (SQLSTATE), `detail`, `constraint`, … as they would from `pg`.
 */
export class PgliteError extends Error {
  readonly code?: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly severity?: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;
  readonly schema?: string;
  readonly dataType?: string;
  readonly position?: string;
  readonly where?: string;
  readonly routine?: string;

  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name.toLowerCase() === 'error' ? 'PgliteError' : serialized.name;
    Object.assign(this, serialized.fields);
  }
}

/**
 * Replaces the stack of an error that crossed the worker boundary (whose own stack shows only the message
 * handler) with the frames of `caller`, an Error created in the awaiting async function.
 */
export function adoptCallerStack(error: unknown, caller: Error): unknown {
  if (error instanceof PgliteError && caller.stack) {
    error.stack = `${error.name}: ${error.message}\n${caller.stack.split('\n').slice(1).join('\n')}`;
  }
  return error;
}
