import pg from 'pg';
import { typeParsers } from '../type-parsers.js';

const getTypeParser = ((oid: number, format?: 'text' | 'binary') => {
  const parser = format === 'binary' ? undefined : typeParsers[oid];
  return parser ?? pg.types.getTypeParser(oid, format ?? 'text');
}) as pg.CustomTypesConfig['getTypeParser'];

/**
 * A pool whose clients parse rows like PGlite does (per-pool type parsers, never pg's global ones) and
 * whose sessions run in UTC.
 */
export function createPostgresPool(connectionString: string, options: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    options: '-c TimeZone=UTC',
    types: { getTypeParser },
    ...options,
  });
  pool.on('error', (error) => process.emitWarning(`idle PostgreSQL client failed: ${error.message}`));
  return pool;
}
