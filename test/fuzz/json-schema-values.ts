import fc from 'fast-check';

/** The part of JSON Schema (OpenAPI 3.1) the API's documents use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** Values known to make sense for a field of this name (real ids, playbook keys), or none. */
export type KnownValues = (name: string) => readonly unknown[];

const typesOf = (schema: JsonSchema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

/** The alternatives of a schema: its anyOf/oneOf branches, or itself. */
export const branchesOf = (schema: JsonSchema): JsonSchema[] =>
  schema.anyOf ??
  schema.oneOf ??
  (typesOf(schema).length > 1 ? typesOf(schema).map((type) => ({ ...schema, type })) : [schema]);

/** Plain words (no blank-only text, which trimmed fields refuse), sometimes with letters of other scripts. */
function textArbitrary(min: number, max: number): fc.Arbitrary<string> {
  const unit = fc.constantFrom(
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -.éü東京Ωж'.split(''),
  );
  return fc
    .array(unit, { minLength: Math.max(min, 1), maxLength: Math.max(Math.min(max, 40), min, 1) })
    .map((units) => units.join(''))
    .map((text) => (text.trim() === '' ? `x${text.slice(1)}` : text))
    .filter((text) => text.length >= min && text.length <= max);
}

const isoDay = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((day) => day.toISOString().slice(0, 10));
const isoInstant = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((at) => at.toISOString());

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const fits = (text: string) => text.length >= min && text.length <= max;
  switch (schema.format) {
    case 'date':
      return isoDay;
    case 'date-time':
      return isoInstant;
    case 'email':
      return fc.stringMatching(/^[a-z][a-z0-9.]{0,20}@[a-z]{1,10}\.example$/).filter(fits);
    case 'uri':
      return fc.webUrl({ size: 'small' }).filter((url) => fits(url) && url.startsWith('http'));
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { size: 'small' }).filter(fits);
  return textArbitrary(min, max);
}

function integerArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum ?? Number.MIN_SAFE_INTEGER - 1) + 1;
  const max = schema.maximum ?? (schema.exclusiveMaximum ?? Number.MAX_SAFE_INTEGER + 1) - 1;
  const small = fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1_000_000) });
  const any = fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
  return min <= max
    ? fc.oneof({ arbitrary: small, weight: 4 }, { arbitrary: any, weight: 1 })
    : fc.constant(min);
}

function objectArbitrary(schema: JsonSchema, known: KnownValues): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, validValue(property, known, key)]),
  );
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
}

/** Whether a known value fits a string schema (a harvested `from` may be a stage key, not an instant). */
function fitsString(value: unknown, schema: JsonSchema): value is string {
  const strings = branchesOf(schema).filter((branch) => typesOf(branch).includes('string') && !branch.enum);
  return (
    typeof value === 'string' &&
    strings.some(
      (branch) =>
        value.length >= (branch.minLength ?? 0) &&
        value.length <= (branch.maxLength ?? Number.POSITIVE_INFINITY) &&
        (!branch.pattern || new RegExp(branch.pattern).test(value)),
    )
  );
}

/** Values the schema accepts; for a named field, mostly the values known to exist (so handlers run deep). */
export function validValue(schema: JsonSchema, known: KnownValues, name = ''): fc.Arbitrary<unknown> {
  const fromSchema = schemaValue(schema, known, name);
  const hints = known(name).filter((value) => fitsString(value, schema));
  return hints.length === 0
    ? fromSchema
    : fc.oneof({ arbitrary: fc.constantFrom(...hints), weight: 6 }, { arbitrary: fromSchema, weight: 1 });
}

function schemaValue(schema: JsonSchema, known: KnownValues, name: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = branchesOf(schema);
  if (branches.length > 1) return fc.oneof(...branches.map((branch) => schemaValue(branch, known, name)));
  if (schema.allOf) return schemaValue(Object.assign({}, ...schema.allOf), known, name);
  switch (typesOf(schema)[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return integerArbitrary(schema);
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items ?? {}, known, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object':
      return objectArbitrary(schema, known);
    default:
      return fc.constant('x');
  }
}

const TWO_53 = 2 ** 53;

/** Values at and just past every limit of a schema: lengths, numbers, item counts, dates. */
export function boundaryValues(schema: JsonSchema): unknown[] {
  return branchesOf(schema).flatMap((branch): unknown[] => {
    if (branch.enum)
      return branch.enum.flatMap((value) =>
        typeof value === 'string' ? [value.toUpperCase(), ` ${value}`, `${value}\u200b`] : [],
      );
    const type = typesOf(branch)[0];
    if (type === 'string') {
      const lengths = [
        branch.minLength ?? 0,
        (branch.minLength ?? 0) - 1,
        branch.maxLength,
        (branch.maxLength ?? 1e4) + 1,
      ];
      return [
        ...lengths
          .filter((n): n is number => n !== undefined && n >= 0)
          .flatMap((n) => ['a'.repeat(n), '😀'.repeat(Math.ceil(n / 2)), 'é'.repeat(n)]),
        ...(branch.format === 'date'
          ? [
              '0000-01-01',
              '0999-12-31',
              '1000-01-01',
              '9999-12-31',
              '10000-01-01',
              '2026-02-29',
              '2024-02-30',
              '+275760-09-13',
            ]
          : []),
        ...(branch.format === 'date-time'
          ? [
              '0000-01-01T00:00:00Z',
              '9999-12-31T23:59:59.999Z',
              '1000-01-01T00:00:00Z',
              '2026-11-30T14:00:00+14:00',
              '2026-11-30T14:00:00.123456789123Z',
              '2026-11-30T24:00:00Z',
              '2026-11-30T14:00:00',
            ]
          : []),
      ];
    }
    if (type === 'integer' || type === 'number') {
      const limits = [
        branch.minimum,
        branch.maximum,
        branch.exclusiveMinimum,
        branch.exclusiveMaximum,
      ].filter((n): n is number => n !== undefined);
      return [
        ...limits.flatMap((n) => [n, n - 1, n + 1, n + 0.5]),
        0,
        -0,
        -1,
        TWO_53,
        TWO_53 + 2,
        -TWO_53,
        Number.MAX_SAFE_INTEGER,
        1e21,
        1e308,
        -1e308,
        5e-324,
        0.1,
      ];
    }
    if (type === 'array') {
      const item = branch.items?.enum?.[0] ?? 'x';
      const counts = [0, branch.maxItems, (branch.maxItems ?? 1000) + 1].filter(
        (n): n is number => n !== undefined,
      );
      return counts.map((n) => Array.from({ length: n }, () => item));
    }
    return [];
  });
}

/** Values of every JSON type but the schema's. */
export function wrongTypeValues(schema: JsonSchema): unknown[] {
  const types = new Set(branchesOf(schema).flatMap(typesOf));
  const all: Array<[string, unknown[]]> = [
    ['string', ['1', 'true', 'null', '', '[]']],
    ['integer', [1, -1, 0]],
    ['number', [1.5, -0.25]],
    ['boolean', [true, false]],
    ['null', [null]],
    ['array', [[], ['x'], [1, 2]]],
    ['object', [{}, { a: 1 }, { value: 'x' }]],
  ];
  return all
    .filter(([type]) => !types.has(type) && !(type === 'integer' && types.has('number')))
    .flatMap(([, values]) => values);
}
