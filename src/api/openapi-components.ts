const REF_PREFIX = '#/components/schemas/';

type Json = unknown;

function collectRefs(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
        into.add(value.slice(REF_PREFIX.length));
      } else {
        collectRefs(value, into);
      }
    }
  }
}

/**
 * Keeps only the schema components the paths reach. The zod provider emits every schema with an id
 * twice (`Foo` for responses, `FooInput` for requests) whether a route uses it or not.
 */
export function pruneUnusedComponents<T extends { paths?: unknown; components?: { schemas?: unknown } }>(
  document: T,
): T {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Json>;
  const reached = new Set<string>();
  collectRefs(document.paths, reached);
  const queue = [...reached];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const found = new Set<string>();
    collectRefs(schemas[name], found);
    for (const ref of found) {
      if (!reached.has(ref)) {
        reached.add(ref);
        queue.push(ref);
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)));
  return { ...document, components: { ...document.components, schemas: kept } };
}
