type Json = unknown;

const isObject = (node: Json): node is Record<string, Json> =>
  node !== null && typeof node === 'object' && !Array.isArray(node);

function enumKeysOf(schema: Record<string, Json>): string[] | null {
  const names = schema.propertyNames;
  if (schema.type !== 'object' || schema.properties !== undefined || !isObject(names)) return null;
  const keys = names.enum;
  return Array.isArray(keys) && keys.every((key) => typeof key === 'string') ? keys : null;
}

/**
 * zod writes a record keyed by an enum (`z.record(z.enum(KEYS), value)`) as `propertyNames` +
 * `additionalProperties` + `required: KEYS`. Spelled out as `properties`, linters see that every required
 * key is defined and generated clients get each key by name; the record refuses other keys either way.
 */
export function spellOutEnumRecords<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item) => spellOutEnumRecords(item)) as T;
  if (!isObject(node)) return node;
  const keys = enumKeysOf(node);
  const value = node.additionalProperties;
  if (!keys || !isObject(value)) return spellOutEach(node) as T;
  const { propertyNames: _names, additionalProperties: _value, ...rest } = node;
  const each = spellOutEnumRecords(value);
  return {
    ...spellOutEach(rest),
    properties: Object.fromEntries(keys.map((key) => [key, each])),
    additionalProperties: false,
  } as T;
}

const spellOutEach = (node: Record<string, Json>) =>
  Object.fromEntries(Object.entries(node).map(([key, child]) => [key, spellOutEnumRecords(child)]));
