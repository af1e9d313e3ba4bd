import type { KnownValues } from './json-schema-values.js';

/** Field names that name a pool under another name (`ownerId` holds a user's id, `to` a stage key). */
const ALIASES: Record<string, string[]> = {
  owner: ['users'],
  manager: ['users'],
  actor: ['users'],
  user: ['users'],
  entity: ['accounts', 'opportunities', 'users', 'contacts', 'activities'],
  type: ['opportunityTypes'],
  to: ['stages'],
  source: ['leadSources'],
  lossReason: ['lossReasons'],
  criterion: ['entrance', 'exit', 'criteria'],
};

/** Values no response lists but valid requests need. */
const CONSTANTS: Record<string, unknown[]> = {
  currency: ['USD', 'EUR', 'GBP', 'JPY'],
  country: ['US', 'DE', 'GB', 'JP'],
  subdivision: ['US-CA', 'US-WA', 'DE-BE', 'GB-ENG'],
  'if-match': ['*', '*', '"v1"'],
};

/** The last fixed segment of a path: the collection its records belong to (`/accounts/{id}/contracts` → contracts). */
export function collectionOf(pathTemplate: string): string {
  return (
    pathTemplate
      .split('/')
      .filter((segment) => segment && !segment.startsWith('{'))
      .at(-1) ?? ''
  );
}

/** The name a path parameter's values are pooled under: `{id}` after `accounts` is an account's id. */
export function poolNameOf(pathTemplate: string, parameter: string): string {
  if (parameter !== 'id') return parameter;
  const segments = pathTemplate.split('/');
  return segments[segments.indexOf('{id}') - 1] ?? parameter;
}

const MAX_POOL = 40;
const plural = (word: string) =>
  word.endsWith('ion')
    ? `${word.slice(0, -2)}a`
    : word.endsWith('y')
      ? `${word.slice(0, -1)}ies`
      : `${word}s`;

/**
 * Values harvested from the server's own answers, by field name: ids by the collection they came from
 * (`accounts`, `contacts`, `sessions`), playbook keys by theirs (`stages`, `milestones`), scalars by
 * property name (`email`, `stage`). New fields with conventional names find real values with no edit here.
 */
export class KnownValuePools {
  private readonly pools = new Map<string, Set<unknown>>(
    Object.entries(CONSTANTS).map(([k, v]) => [k, new Set(v)]),
  );
  private readonly protectedValues = new Set<unknown>();

  add(pool: string, value: unknown): void {
    if (this.protectedValues.has(value)) return;
    const values = this.pools.get(pool) ?? new Set();
    if (values.size < MAX_POOL) values.add(value);
    this.pools.set(pool, values);
  }

  /** Values the fuzz must never aim at (its own callers' ids, tokens): they are dropped from every pool. */
  protect(...values: unknown[]): void {
    for (const value of values) {
      this.protectedValues.add(value);
      for (const pool of this.pools.values()) pool.delete(value);
    }
  }

  /** Walks an answer: arrays of records under a name feed that name's pool; scalars feed their property's. */
  harvest(value: unknown, name: string): void {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object') {
          const record = item as Record<string, unknown>;
          if (typeof record.id === 'string') this.add(name, record.id);
          if (typeof record.key === 'string') this.add(name, record.key);
        }
        this.harvest(item, name);
      }
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && key !== 'id' && item.length <= 200) this.add(key, item);
      else this.harvest(item, key === 'items' ? name : key);
    }
  }

  /** A 2xx answer during the run: the records it names join the pools (a created benchmark can be edited next). */
  harvestAnswer(response: { headers: Record<string, unknown>; body: string }, collection: string): void {
    if (!/json/.test(String(response.headers['content-type'])) || response.body === '') return;
    const body: unknown = JSON.parse(response.body);
    const record = body as { id?: unknown };
    if (typeof record?.id === 'string') this.add(collection, record.id);
    this.harvest(body, collection);
  }

  values(pool: string): unknown[] {
    return [...(this.pools.get(pool) ?? [])];
  }

  /** Every id any answer carried: the "id of another kind of record" for a bad-id case. */
  allIds(): string[] {
    return [...this.pools.values()].flatMap((pool) =>
      [...pool].filter(
        (value): value is string => typeof value === 'string' && /^[a-z]+_[0-9a-f]{20}$/.test(value),
      ),
    );
  }

  /** The lookup the case generator uses: a field's own pool, then its plural, then its aliases. */
  lookup(): KnownValues {
    return (name) => {
      const base = name.replace(/Ids?$/, '');
      const names = [name, plural(base), ...(ALIASES[base] ?? [])];
      return [...new Set(names.flatMap((pool) => this.values(pool)))];
    };
  }
}
