import type { JsonSchema } from './json-schema-values.js';

export type Location = 'params' | 'query' | 'headers' | 'body';

/** One request field an operation reads: where it goes, its path inside that part, its schema. */
export interface FieldSlot {
  location: Location;
  path: Array<string | number>;
  schema: JsonSchema;
  required: boolean;
}

/** One OpenAPI operation, as the fuzz needs it. */
export interface Operation {
  /** `GET /api/v1/accounts/{id}`: the key of the report. */
  label: string;
  method: string;
  pathTemplate: string;
  /** Anonymous callers may call it (`security: []`). */
  public: boolean;
  parts: Record<Exclude<Location, 'body'>, JsonSchema> & { body?: JsonSchema };
  slots: FieldSlot[];
}

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const PARAMETER_PARTS = { path: 'params', query: 'query', header: 'headers' } as const;

function partOf(parameters: OpenApiParameter[], where: keyof typeof PARAMETER_PARTS): JsonSchema {
  const mine = parameters.filter((parameter) => parameter.in === where);
  return {
    type: 'object',
    properties: Object.fromEntries(mine.map((parameter) => [parameter.name, parameter.schema ?? {}])),
    required: mine
      .filter((parameter) => parameter.required || where === 'path')
      .map((parameter) => parameter.name),
  };
}

/** Every field of a part, nested ones too (array items at index 0), each with its schema. */
function slotsOf(
  location: Location,
  schema: JsonSchema,
  path: Array<string | number> = [],
  required = true,
): FieldSlot[] {
  const here: FieldSlot[] = path.length > 0 ? [{ location, path, schema, required }] : [];
  const object = (schema.anyOf ?? [schema]).find((branch) => branch.properties);
  const array = (schema.anyOf ?? [schema]).find((branch) => branch.items);
  if (object?.properties) {
    const requiredKeys = new Set(object.required ?? []);
    return [
      ...here,
      ...Object.entries(object.properties).flatMap(([key, property]) =>
        slotsOf(location, property, [...path, key], requiredKeys.has(key)),
      ),
    ];
  }
  if (array?.items && path.length < 6)
    return [...here, ...slotsOf(location, array.items, [...path, 0], false)];
  return here;
}

/** Every operation of the document: what the server says it serves is what gets fuzzed. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([pathTemplate, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const body = operation.requestBody?.content?.['application/json']?.schema;
      const parts = {
        params: partOf(parameters, 'path'),
        query: partOf(parameters, 'query'),
        headers: partOf(parameters, 'header'),
        ...(body && { body }),
      };
      const slots = (Object.entries(parts) as Array<[Location, JsonSchema]>).flatMap(([location, schema]) =>
        slotsOf(location, schema),
      );
      return {
        label: `${method.toUpperCase()} ${pathTemplate}`,
        method: method.toUpperCase(),
        pathTemplate,
        public: Array.isArray(operation.security) && operation.security.length === 0,
        parts,
        slots,
      };
    }),
  );
}
