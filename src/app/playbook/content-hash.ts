import { createHash } from 'node:crypto';

/** JSON with object keys sorted: the same playbook gives the same text whatever the file's order or format. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The SHA-256 (hex) of a parsed playbook: a reformatted or re-commented file is the same version. */
export function contentHash(playbook: unknown): string {
  return createHash('sha256').update(canonical(playbook)).digest('hex');
}
