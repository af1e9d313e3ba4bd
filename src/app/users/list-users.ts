import { listUserRecords, type UserRecord } from '../../db/repositories/user-records-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';
import type { UserListQuery } from './user-inputs.js';

/** The people of the org, by name: every signed-in user may list them (owner pickers need them). */
export async function listUsers(
  context: AppContext,
  _actor: Actor,
  query: UserListQuery,
): Promise<Result<Page<UserRecord>, AppError>> {
  const cursor = decodeCursor(query.cursor, 2);
  if (!cursor.ok) return err(cursor.error);
  const after = cursor.value
    ? ([String(cursor.value[0]), String(cursor.value[1])] as [string, string])
    : undefined;
  const rows = await listUserRecords(
    context.db,
    { role: query.role, region: query.region, active: query.active },
    { limit: query.limit + 1, after },
  );
  return ok(toPage(rows, query.limit, (row) => [row.name, row.id]));
}
