import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';

/**
 * The authorization rules (see domain/access) as a WHERE condition on `table`: a row is visible when any
 * listed condition holds. Evaluated in SQL so a list never includes a row the caller may not read.
 * `deal_inspections` carries copies of its deal's owner, creator and forecast category, so it filters as deals do.
 */
export function visibleTo(
  table: 'opportunities' | 'accounts' | 'deal_inspections',
  visibility: Visibility,
): RawBuilder<SqlBool> {
  if (visibility.all) return sql<SqlBool>`true`;
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const ownedByUsersWhere = (userColumn: 'manager_id' | 'region', values: string[]) =>
    sql<SqlBool>`${column('owner_id')} in (select u.id from users u where ${sql.ref(`u.${userColumn}`)} in (${sql.join(values)}))`;
  const conditions: RawBuilder<SqlBool>[] = [];
  if (visibility.ownerOrCreator) {
    conditions.push(sql<SqlBool>`${column('owner_id')} = ${visibility.ownerOrCreator}`);
    if (table !== 'accounts')
      conditions.push(sql<SqlBool>`${column('created_by')} = ${visibility.ownerOrCreator}`);
  }
  if (visibility.ownerManagers.length > 0)
    conditions.push(ownedByUsersWhere('manager_id', visibility.ownerManagers));
  if (visibility.ownerRegion) conditions.push(ownedByUsersWhere('region', [visibility.ownerRegion]));
  if (table !== 'accounts' && visibility.forecastCategories.length > 0) {
    conditions.push(
      sql<SqlBool>`${column('forecast_category')} in (${sql.join(visibility.forecastCategories)})`,
    );
  }
  return conditions.length > 0 ? sql<SqlBool>`(${sql.join(conditions, sql` or `)})` : sql<SqlBool>`false`;
}
