import fc from 'fast-check';
import { mutationFor } from './case-mutations.js';
import { CALLER_WEIGHTS, type CallerName } from './fuzz-callers.js';
import { type JsonSchema, type KnownValues, validValue } from './json-schema-values.js';
import { type KnownValuePools, poolNameOf } from './known-values.js';
import type { Operation } from './operations.js';

/** What a case does to a valid request (or nothing, for `valid`). */
export const CASE_WEIGHTS = {
  valid: 25,
  boundary: 12,
  'wrong-type': 10,
  'missing-required': 6,
  'extra-property': 5,
  'odd-text': 12,
  'bad-id': 8,
  'hand-made-cursor': 4,
  'deep-nesting': 4,
  'odd-body': 8,
  'odd-query': 6,
} as const;
export type CaseKind = keyof typeof CASE_WEIGHTS;

/** The request parts as values, before they are written as a URL, headers and a body. */
export interface RequestParts {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body?: unknown;
}

export interface FuzzCase {
  kind: CaseKind;
  caller: CallerName;
  callerPick: number;
  parts: RequestParts;
  /** Path values sent as written (already percent-encoded, or broken on purpose). */
  rawParams: Record<string, string>;
  /** Appended to the query string as written. */
  rawQuery: string;
  /** A body sent as written instead of `parts.body` as JSON. */
  rawBody?: { payload: string; contentType?: string };
  /** The field a mutation aimed at, named as the API names it in errors: `body.amountMinor`. */
  target?: string;
}

const weighted = <T extends string>(weights: Record<T, number>): fc.Arbitrary<T> =>
  fc.oneof(
    ...(Object.entries(weights) as Array<[T, number]>).map(([value, weight]) => ({
      arbitrary: fc.constant(value),
      weight,
    })),
  );

/** A header's text is a token of visible ASCII unless its schema says more (other text is no header value). */
function asHeaderSchema(part: JsonSchema): JsonSchema {
  const properties = Object.entries(part.properties ?? {}).map(([name, schema]) => [
    name,
    schema.type === 'string' && !schema.pattern && !schema.enum
      ? { ...schema, pattern: '^[!-~]{1,64}$' }
      : schema,
  ]);
  return { ...part, properties: Object.fromEntries(properties) };
}

function validParts(operation: Operation, known: KnownValues): fc.Arbitrary<RequestParts> {
  const paramsKnown: KnownValues = (name) => known(poolNameOf(operation.pathTemplate, name));
  return fc.record({
    params: validValue(operation.parts.params, paramsKnown) as fc.Arbitrary<Record<string, unknown>>,
    query: validValue(operation.parts.query, known) as fc.Arbitrary<Record<string, unknown>>,
    headers: validValue(asHeaderSchema(operation.parts.headers), known) as fc.Arbitrary<
      Record<string, unknown>
    >,
    body: operation.parts.body
      ? validValue(operation.parts.body as JsonSchema, known)
      : fc.constant(undefined),
  });
}

/** Cases for one operation: a valid request per its schemas, then (but for `valid`) one thing done to it. */
export function caseArbitrary(operation: Operation, pools: KnownValuePools): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      kind: weighted(CASE_WEIGHTS),
      caller: weighted(CALLER_WEIGHTS),
      callerPick: fc.nat(),
      parts: validParts(operation, pools.lookup()),
    })
    .chain(({ kind, caller, callerPick, parts }) =>
      mutationFor(kind, operation, pools).map((mutate) => ({
        kind,
        caller,
        callerPick,
        ...mutate({ parts, rawParams: {}, rawQuery: '' }),
      })),
    );
}
