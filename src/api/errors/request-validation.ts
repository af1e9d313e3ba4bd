import type { FastifySchemaValidationError } from 'fastify';
import type { FieldIssue } from '../../app/app-error.js';

/** Where Fastify validated (its names) → the name a client knows the field by. */
const PART_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** `/items/0/amountMinor` in the body → `body.items[0].amountMinor`. */
export function toFieldPath(part: string, instancePath: string): string {
  const segments = instancePath.split('/').filter((segment) => segment !== '');
  return segments.reduce<string>(
    (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : `${path}.${segment}`),
    PART_NAMES[part] ?? part,
  );
}

/** Zod issues as Fastify carries them → field issues, one per offending field. */
export function toFieldIssues(part: string, validation: FastifySchemaValidationError[]): FieldIssue[] {
  return validation.flatMap((issue) => {
    const path = toFieldPath(part, issue.instancePath);
    const keys = issue.keyword === 'unrecognized_keys' ? issue.params.keys : undefined;
    if (Array.isArray(keys) && keys.length > 0) {
      return keys.map((key) => ({
        path: `${path}.${String(key)}`,
        message: 'is not a field you may send here',
      }));
    }
    return [{ path, message: issue.message ?? 'is not valid' }];
  });
}
