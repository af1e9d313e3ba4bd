import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
} from 'kysely';
import type { PgliteDriver } from './pglite-driver.js';

/** PostgreSQL's SQL dialect, run by PGlite through `driver`. */
export function createPgliteDialect(driver: PgliteDriver): Dialect {
  return {
    createAdapter: (): DialectAdapter => new PostgresAdapter(),
    createDriver: (): Driver => driver,
    createQueryCompiler: (): QueryCompiler => new PostgresQueryCompiler(),
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface types the introspector's db as Kysely<any>.
    createIntrospector: (db: Kysely<any>): DatabaseIntrospector => new PostgresIntrospector(db),
  };
}
