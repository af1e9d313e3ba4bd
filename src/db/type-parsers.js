// @ts-check
// Plain JS so the PGlite worker thread can import it both from src/ (under vitest/tsx) and from dist/.
import pg from 'pg';

/** @typedef {(value: string) => unknown} TypeParser */

export const TYPE_OIDS = Object.freeze({
  int8: 20,
  int2: 21,
  int4: 23,
  json: 114,
  jsonb: 3802,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  int8Array: 1016,
  dateArray: 1182,
});

const parsePgTimestamptz = pg.types.getTypeParser(TYPE_OIDS.timestamptz, 'text');
const parsePgTimestamp = pg.types.getTypeParser(TYPE_OIDS.timestamp, 'text');
const TEXT_ARRAY_OID = /** @type {Parameters<typeof pg.types.getTypeParser>[0]} */ (1009);
const parsePgTextArray = pg.types.getTypeParser(TEXT_ARRAY_OID, 'text');

/**
 * int8 → number. Refuses values a JS number cannot hold exactly rather than rounding them.
 * @param {string} value
 * @returns {number}
 */
export function parseSafeInteger(value) {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`int8 value ${value} is outside JavaScript's safe integer range`);
  }
  return parsed;
}

/**
 * @param {unknown} value
 * @param {(element: string) => unknown} parseElement
 * @returns {unknown}
 */
function mapArray(value, parseElement) {
  if (Array.isArray(value)) return value.map((element) => mapArray(element, parseElement));
  return typeof value === 'string' ? parseElement(value) : value;
}

/**
 * The text-format parsers shared by both engines, keyed by type OID, so rows look identical on PGlite
 * and on a PostgreSQL server: int8 → number, date → 'YYYY-MM-DD', timestamptz → Date, json(b) → value.
 * @type {Readonly<Record<number, TypeParser>>}
 */
export const typeParsers = Object.freeze({
  [TYPE_OIDS.int8]: parseSafeInteger,
  [TYPE_OIDS.int2]: (value) => Number(value),
  [TYPE_OIDS.int4]: (value) => Number(value),
  [TYPE_OIDS.json]: (value) => JSON.parse(value),
  [TYPE_OIDS.jsonb]: (value) => JSON.parse(value),
  [TYPE_OIDS.date]: (value) => value,
  [TYPE_OIDS.timestamp]: (value) => parsePgTimestamp(value),
  [TYPE_OIDS.timestamptz]: (value) => parsePgTimestamptz(value),
  [TYPE_OIDS.int8Array]: (value) => mapArray(parsePgTextArray(value), parseSafeInteger),
  [TYPE_OIDS.dateArray]: (value) => parsePgTextArray(value),
});
