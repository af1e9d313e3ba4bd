// @ts-check
// Plain JS (checked through JSDoc): the worker thread imports it from src/ and from dist/ alike.

/** @typedef {import('./worker-protocol.js').SerializedError} SerializedError */

const NOT_ERROR_FIELDS = new Set(['name', 'message', 'stack', 'query', 'params', 'queryOptions']);

/**
 * An error as plain data — name, message, stack and PostgreSQL's string fields (code, detail, constraint,
 * …) — to cross the thread boundary, or to be rebuilt as a PgliteError next to PGlite.
 * @param {unknown} error
 * @returns {SerializedError}
 */
export function serializeError(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  /** @type {Record<string, string>} */
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' && !NOT_ERROR_FIELDS.has(key)) fields[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}
