// @ts-check
// Runs one SQL statement on PGlite with the result `pglite.query(sql, params, { rowMode: 'object' })` gives —
// the same parameter serializers (chosen by the parameter types PostgreSQL describes), the same row parsers,
// the same DatabaseError — at a fraction of the cost:
// - a DML statement is parsed, planned and described ONCE as a named prepared statement, then each run is
//   one protocol call (Bind, Execute, Sync); `pglite.query` makes six calls and PostgreSQL parses and plans
//   the text again every time;
// - requests are encoded and answers decoded here, on plain byte arrays. PGlite's protocol classes keep
//   their state in private fields that its bundler compiles to WeakMap look-ups (several per byte read),
//   and copy every field value into a fresh ArrayBuffer: two thirds of the JavaScript time of a statement.
//   An answer with an error (or anything unexpected) is handed to PGlite's own parser, so the error thrown
//   is exactly the DatabaseError `pglite.query` throws.
// A kept statement never outlives a schema change: DDL closes them all, and so does a rollback that may
// undo one. Plain JS (checked through JSDoc) so the worker thread runs it unchanged from src/ and dist/.
import { messages, protocol, types } from '@electric-sql/pglite';

/** @typedef {import('@electric-sql/pglite').PGlite} PGlite */
/** @typedef {import('./worker-protocol.js').WorkerQueryResult} WorkerQueryResult */
/** @typedef {{ name: string; dataTypeID: number }} Field */
/** @typedef {{ name: string; parameterTypes: number[]; fields: Field[] }} Prepared */

/** Statements whose plans are kept: plain DML. Everything else (DDL, SET, …) runs unnamed. */
const REUSABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** Transaction control: runs unnamed, leaves the kept statements alone. */
const TRANSACTION_CONTROL = /^\s*(start|begin|commit|end|rollback|abort|savepoint|release)\b/i;
/** Ends a transaction or undoes part of one: a schema changed inside it may be back as it was. */
const UNDOES_WORK = /^\s*(commit|end|rollback|abort)\b/i;
/** Enough for every statement shape the app compiles; the least recently used are closed beyond it. */
export const MAX_PREPARED_STATEMENTS = 400;

// ---- requests (PostgreSQL frontend messages: a type byte, an int32 length, the body) ----

const encoder = new TextEncoder();

/** Builds one buffer of frontend messages. */
class Request {
  /** @type {Uint8Array} */ bytes = new Uint8Array(256);
  /** @type {DataView} */ view = new DataView(this.bytes.buffer);
  length = 0;
  start = 0;

  /** @param {number} size */
  ensure(size) {
    if (this.length + size <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + size));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer);
  }

  /** @param {string} type */
  begin(type) {
    this.ensure(5);
    this.start = this.length;
    this.bytes[this.length] = type.charCodeAt(0);
    this.length += 5;
    return this;
  }

  end() {
    this.view.setInt32(this.start + 1, this.length - this.start - 1);
    return this;
  }

  /** @param {number} value */
  int16(value) {
    this.ensure(2);
    this.view.setInt16(this.length, value);
    this.length += 2;
    return this;
  }

  /** @param {number} value */
  int32(value) {
    this.ensure(4);
    this.view.setInt32(this.length, value);
    this.length += 4;
    return this;
  }

  /** @param {string} value */
  cstring(value) {
    this.ensure(value.length * 3 + 1);
    this.length += encoder.encodeInto(value, this.bytes.subarray(this.length)).written;
    this.bytes[this.length++] = 0;
    return this;
  }

  /** A length-prefixed value, or -1 for null. @param {string | null} value */
  value(value) {
    if (value === null) return this.int32(-1);
    this.ensure(value.length * 3 + 4);
    const at = this.length;
    this.length += 4;
    const { written } = encoder.encodeInto(value, this.bytes.subarray(this.length));
    this.view.setInt32(at, written);
    this.length += written;
    return this;
  }

  /** @param {string} sql @param {string} name */
  parse(sql, name) {
    return this.begin('P').cstring(name).cstring(sql).int16(0).end();
  }

  /** @param {'S' | 'P'} what @param {string} name */
  describe(what, name) {
    return this.begin('D').cstring(`${what}${name}`).end();
  }

  /** Binds the unnamed portal; every parameter and result column in text format. */
  bind(/** @type {string} */ statement, /** @type {(string | null)[]} */ values) {
    this.begin('B').cstring('').cstring(statement).int16(0).int16(values.length);
    for (const value of values) this.value(value);
    return this.int16(0).end();
  }

  execute() {
    return this.begin('E').cstring('').int32(0).end();
  }

  /** @param {string} name */
  close(name) {
    return this.begin('C').cstring(`S${name}`).end();
  }

  sync() {
    return this.begin('S').end();
  }

  take() {
    return this.bytes.slice(0, this.length);
  }
}

// ---- answers (backend messages) ----

const decoder = new TextDecoder('utf-8');
const ROW_DESCRIPTION = 0x54; // T
const DATA_ROW = 0x44; // D
const PARAMETER_DESCRIPTION = 0x74; // t
const NO_DATA = 0x6e; // n
const COMMAND_COMPLETE = 0x43; // C
/** What an answer may hold besides the above, none of which changes the result: ParseComplete,
 * BindComplete, CloseComplete, ReadyForQuery, EmptyQueryResponse, PortalSuspended, Notice,
 * Notification, ParameterStatus. */
const IGNORED = new Set([0x31, 0x32, 0x33, 0x5a, 0x49, 0x73, 0x4e, 0x41, 0x53]);

/**
 * @typedef {object} Answer
 * @property {number[] | undefined} parameterTypes
 * @property {Field[] | undefined} fields
 * @property {Record<string, unknown>[]} rows
 * @property {string | undefined} tag the CommandComplete text, e.g. "INSERT 0 1"
 */

/**
 * Throws the DatabaseError in an answer as PGlite would (its own parser builds it; the first one wins).
 * @param {Uint8Array} bytes
 */
function throwDatabaseError(bytes) {
  /** @type {unknown} */
  let first;
  new protocol.Parser().parse(bytes, (message) => {
    if (first === undefined && message instanceof messages.DatabaseError) first = message;
  });
  if (first !== undefined) throw first;
}

/**
 * @param {Uint8Array} bytes a whole answer
 * @param {Field[] | undefined} knownFields the columns of a statement described before
 * @param {PGlite} pglite whose parsers read the values (as `pglite.query` does)
 * @returns {Answer}
 */
function decodeAnswer(bytes, knownFields, pglite) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  /** @type {Answer} */
  const answer = { parameterTypes: undefined, fields: knownFields, rows: [], tag: undefined };
  let unexpected = false;
  let offset = 0;
  while (offset + 5 <= bytes.length) {
    const code = bytes[offset] ?? 0;
    const end = offset + 1 + view.getInt32(offset + 1);
    let at = offset + 5;
    if (code === DATA_ROW) {
      answer.rows.push(decodeRow(bytes, view, at, answer.fields ?? [], pglite));
    } else if (code === ROW_DESCRIPTION) {
      const count = view.getInt16(at);
      at += 2;
      /** @type {Field[]} */
      const fields = [];
      for (let index = 0; index < count; index++) {
        const nul = bytes.indexOf(0, at);
        const name = decoder.decode(bytes.subarray(at, nul));
        fields.push({ name, dataTypeID: view.getInt32(nul + 7) });
        at = nul + 19; // table oid 4, column 2, type oid 4, size 2, modifier 4, format 2
      }
      answer.fields = fields;
    } else if (code === PARAMETER_DESCRIPTION) {
      const count = view.getInt16(at);
      answer.parameterTypes = Array.from({ length: count }, (_, index) => view.getInt32(at + 2 + 4 * index));
    } else if (code === NO_DATA) {
      answer.fields = [];
    } else if (code === COMMAND_COMPLETE) {
      answer.tag = decoder.decode(bytes.subarray(at, end - 1));
    } else if (!IGNORED.has(code)) {
      unexpected = true; // an ErrorResponse, or something PGlite's parser should judge
    }
    offset = end;
  }
  if (unexpected) throwDatabaseError(bytes);
  return answer;
}

/**
 * One DataRow as an object keyed by column name; each value through the parser of its type.
 * @param {Uint8Array} bytes @param {DataView} view @param {number} at @param {Field[]} fields @param {PGlite} pglite
 */
function decodeRow(bytes, view, at, fields, pglite) {
  const count = view.getInt16(at);
  let offset = at + 2;
  /** @type {Record<string, unknown>} */
  const row = {};
  for (let index = 0; index < count; index++) {
    const length = view.getInt32(offset);
    offset += 4;
    const field = /** @type {Field} */ (fields[index]);
    let value = null;
    if (length !== -1) {
      const text = decoder.decode(bytes.subarray(offset, offset + length));
      offset += length;
      const parser = pglite.parsers[field.dataTypeID] ?? types.parsers[field.dataTypeID];
      value = parser ? parser(text, field.dataTypeID) : text;
    }
    // as Object.fromEntries does: a column named __proto__ is a property, not the prototype
    if (field.name === '__proto__') {
      Object.defineProperty(row, field.name, { value, enumerable: true, writable: true, configurable: true });
    } else {
      row[field.name] = value;
    }
  }
  return row;
}

/**
 * `pglite.query`'s result from a CommandComplete tag: "INSERT 0 5" → command INSERT, rowCount 5;
 * "CREATE TABLE" → no rowCount.
 * @param {Answer} answer @returns {WorkerQueryResult}
 */
function toResult(answer) {
  if (answer.tag === undefined) return { rows: [], command: undefined, rowCount: undefined };
  const parts = answer.tag.split(' ');
  const rowCount = Number.parseInt(parts[parts.length - 1] ?? '', 10);
  return {
    rows: answer.rows,
    command: parts[0],
    rowCount: Number.isNaN(rowCount) ? undefined : rowCount,
  };
}

/**
 * One runner per PGlite instance; requests must not overlap (the worker runs them one at a time).
 * @param {PGlite} pglite
 */
export function createStatementRunner(pglite) {
  /** SQL text → its prepared statement, least recently used first. @type {Map<string, Prepared>} */
  const prepared = new Map();
  let nextName = 1;
  /** A schema change (DDL) ran in the open transaction: a rollback may bring the old schema back. */
  let schemaChangedInTransaction = false;
  const request = new Request();

  /**
   * Sends the messages built so far; answers the whole raw answer (PGlite's own parser is skipped).
   * @param {boolean} syncToFs as `pglite.query`: once per statement, after its last call
   */
  async function send(syncToFs) {
    const message = request.take();
    request.length = 0;
    /** @type {Uint8Array[]} */
    const chunks = [];
    await pglite.execProtocolRawStream(message, {
      syncToFs,
      onRawData: (chunk) => void chunks.push(chunk.slice()),
    });
    if (chunks.length === 1) return /** @type {Uint8Array} */ (chunks[0]);
    const whole = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      whole.set(chunk, offset);
      offset += chunk.length;
    }
    return whole;
  }

  /** Closes statements, never in the way of the statement's own error: a failed Close only leaks a name. */
  async function close(/** @type {string[]} */ names) {
    if (names.length === 0) return;
    for (const name of names) request.close(name);
    request.sync();
    await send(false);
  }

  /**
   * Closes every kept statement. After a schema change a kept `select *` could be refused ("cached plan
   * must not change result type") or answer with columns a rollback has undone.
   */
  async function forgetAll() {
    const names = [...prepared.values()].map((statement) => statement.name);
    prepared.clear();
    await close(names);
  }

  /** @param {string} sql @param {string} name @returns {Promise<Prepared>} */
  async function prepare(sql, name) {
    request.parse(sql, name).describe('S', name).sync();
    const { parameterTypes, fields } = decodeAnswer(await send(false), undefined, pglite);
    return { name, parameterTypes: parameterTypes ?? [], fields: fields ?? [] };
  }

  /** @param {string} sql */
  async function reusable(sql) {
    const kept = prepared.get(sql);
    if (kept) {
      prepared.delete(sql);
      prepared.set(sql, kept);
      return kept;
    }
    const statement = await prepare(sql, `closepath_${nextName++}`);
    prepared.set(sql, statement);
    if (prepared.size > MAX_PREPARED_STATEMENTS) {
      const [oldestSql, oldest] = prepared.entries().next().value ?? [];
      if (oldestSql !== undefined && oldest) {
        prepared.delete(oldestSql);
        await close([oldest.name]);
      }
    }
    return statement;
  }

  /**
   * The parameters as `pglite.query` sends them: null for null/undefined, else the serializer of the
   * described type, else `toString()`.
   * @param {readonly unknown[]} params @param {number[]} parameterTypes
   */
  function values(params, parameterTypes) {
    return params.map((param, index) => {
      if (param === null || param === undefined) return null;
      const serializer = pglite.serializers[parameterTypes[index] ?? 0];
      return serializer ? serializer(param) : /** @type {{ toString(): string }} */ (param).toString();
    });
  }

  /** @param {Prepared} statement @param {readonly unknown[]} params */
  async function execute(statement, params) {
    request.bind(statement.name, values(params, statement.parameterTypes)).execute().sync();
    return toResult(decodeAnswer(await send(true), statement.fields, pglite));
  }

  /**
   * @param {string} sql
   * @param {readonly unknown[]} params
   * @returns {Promise<WorkerQueryResult>}
   */
  async function query(sql, params) {
    if (REUSABLE.test(sql)) return execute(await reusable(sql), params);
    const control = TRANSACTION_CONTROL.test(sql);
    if (!control) schemaChangedInTransaction = true;
    try {
      if (params.length > 0) return await execute(await prepare(sql, ''), params);
      // Nothing to serialize, so nothing to describe first: parse and run in one call.
      request.parse(sql, '').bind('', []).describe('P', '').execute().sync();
      return toResult(decodeAnswer(await send(true), undefined, pglite));
    } finally {
      if (!control || (schemaChangedInTransaction && UNDOES_WORK.test(sql))) await forgetAll();
      if (!pglite.isInTransaction()) schemaChangedInTransaction = false;
    }
  }

  return { query };
}
