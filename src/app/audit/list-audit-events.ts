import { z } from 'zod';
import { type AuditEvent, listAuditEvents } from '../../db/repositories/audit-repo.js';
import { ENTITY_TYPES } from '../../db/repositories/events-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';
import { id, instant, pageQuery } from '../shared/fields.js';
import { refuseUnlessAdmin } from '../users/require-admin.js';

export const auditQuery = z
  .object({
    ...pageQuery,
    actorId: z.string().max(128).optional().describe('A user id, `anonymous` or `system:<name>`'),
    action: z.string().max(100).optional().describe('e.g. auth.login_failed, user.permissions_changed'),
    entityType: z.enum(ENTITY_TYPES).optional(),
    entityId: id.optional(),
    from: instant.optional().describe('Events at or after this UTC instant'),
    to: instant.optional().describe('Events before this UTC instant'),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuery>;

/** The append-only audit log, newest first, filtered; admins only. */
export async function listAuditLog(
  context: AppContext,
  actor: Actor,
  query: AuditQuery,
): Promise<Result<Page<AuditEvent>, AppError>> {
  const refusal = refuseUnlessAdmin(actor, 'read');
  if (refusal) return err(refusal);
  const cursor = decodeCursor(query.cursor, ['serial']);
  if (!cursor.ok) return err(cursor.error);
  const { limit, cursor: _c, ...filter } = query;
  const rows = await listAuditEvents(context.db, filter, {
    limit: limit + 1,
    beforeId: cursor.value ? Number(cursor.value[0]) : undefined,
  });
  return ok(toPage(rows, limit, (row) => [row.id]));
}
