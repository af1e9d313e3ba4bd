import type { Kysely } from 'kysely';
import { findUserByEmail, findUserRecord } from '../../db/repositories/user-records-repo.js';
import type { Database } from '../../db/schema.js';
import type { AppError, FieldIssue } from '../app-error.js';
import { invalid } from '../app-error.js';

/** Refuses an email another user has (case-insensitively) and a manager who does not exist or is the user. */
export async function checkUserFields(
  db: Kysely<Database>,
  userId: string | null,
  fields: { email?: string | undefined; managerId?: string | null | undefined },
): Promise<AppError | null> {
  if (fields.email !== undefined) {
    const taken = await findUserByEmail(db, fields.email);
    if (taken && taken.user.id !== userId) {
      return { code: 'conflict', message: `Another user already has the email ${fields.email}.` };
    }
  }
  const issues: FieldIssue[] = [];
  if (fields.managerId) {
    if (fields.managerId === userId)
      issues.push({ path: 'managerId', message: 'a user cannot manage themselves' });
    else if (!(await findUserRecord(db, fields.managerId)))
      issues.push({ path: 'managerId', message: 'no such user' });
  }
  return issues.length > 0 ? invalid(issues) : null;
}
