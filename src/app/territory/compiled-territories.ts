import type { Kysely } from 'kysely';
import {
  findActiveTerritoryModelRef,
  findTerritoryModel,
  type TerritoryModelVersion,
} from '../../db/repositories/territory-models-repo.js';
import type { Database } from '../../db/schema.js';
import { type CompiledTerritories, compileTerritories } from '../../domain/territory/compile-territories.js';

/**
 * Compiled models by id and row version (a version's model never changes without its row version): routing a
 * new account, or reading an account's territory, compiles the active model once per process, not per request.
 */
const cache = new Map<string, CompiledTerritories>();
const CACHE_LIMIT = 16;
const cacheKey = (id: string, rowVersion: number) => `${id}@${rowVersion}`;

export function compiledModel(version: Pick<TerritoryModelVersion, 'id' | 'rowVersion' | 'model'>) {
  const key = cacheKey(version.id, version.rowVersion);
  const cached = cache.get(key);
  if (cached) return cached;
  const compiled = compileTerritories(version.model);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

export interface ActiveTerritories {
  id: string;
  compiled: CompiledTerritories;
}

/** The active model, compiled; null when no version is active. */
export async function activeTerritories(db: Kysely<Database>): Promise<ActiveTerritories | null> {
  const ref = await findActiveTerritoryModelRef(db);
  if (!ref) return null;
  const cached = cache.get(cacheKey(ref.id, ref.rowVersion));
  if (cached) return { id: ref.id, compiled: cached };
  const version = await findTerritoryModel(db, ref.id);
  if (!version) return null;
  return { id: version.id, compiled: compiledModel(version) };
}
