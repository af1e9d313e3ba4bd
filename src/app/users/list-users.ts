import { listUserRecords, type UserRecord } from '../../db/repositories/user-records-repo.js';
import { mayAssignNewTo } from '../../domain/access/permissions.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';
import type { UserListQuery } from './user-inputs.js';

/** An org has hundreds of people, not millions: the owner picker's filter runs over all of them. */
const ORG_SIZE_LIMIT = 10_000;

/**
 * The people of the org, by name: every signed-in user may list them (owner pickers need them). With
 * `assignableAsOwner`, only the active users the caller may make the owner of what they create.
 */
export async function listUsers(
  context: AppContext,
  actor: Actor,
  query: UserListQuery,
): Promise<Result<Page<UserRecord>, AppError>> {
  const cursor = decodeCursor(query.cursor, ['text', 'text']);
  if (!cursor.ok) return err(cursor.error);
  const after = cursor.value
    ? ([String(cursor.value[0]), String(cursor.value[1])] as [string, string])
    : undefined;
  const filter = {
    role: query.role,
    region: query.region,
    active: query.assignableAsOwner ? true : query.active,
  };
  if (!query.assignableAsOwner) {
    const rows = await listUserRecords(context.db, filter, { limit: query.limit + 1, after });
    return ok(toPage(rows, query.limit, (row) => [row.name, row.id]));
  }
  const everyone = await listUserRecords(context.db, filter, { limit: ORG_SIZE_LIMIT, after });
  const assignable = everyone.filter((user) =>
    mayAssignNewTo(actor.principal, {
      ownerId: user.id,
      ownerRegion: user.region,
      ownerManagerId: user.managerId,
    }),
  );
  return ok(toPage(assignable.slice(0, query.limit + 1), query.limit, (row) => [row.name, row.id]));
}
