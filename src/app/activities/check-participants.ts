import type { Kysely } from 'kysely';
import { listContacts } from '../../db/repositories/accounts-repo.js';
import { listUsers } from '../../db/repositories/users-repo.js';
import type { Database } from '../../db/schema.js';
import type { FieldIssue } from '../app-error.js';

/** A logged activity may lie a little in the clock's future (a slow clock), never more. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** Who took part must be our active users and the account's own contacts; it must have taken place. */
export async function checkActivityFacts(
  db: Kysely<Database>,
  accountId: string,
  fields: {
    userIds?: string[] | undefined;
    contactIds?: string[] | undefined;
    occurredAt?: Date | undefined;
  },
  now: Date,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (fields.occurredAt && fields.occurredAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    issues.push({
      path: 'occurredAt',
      message: 'an activity is logged once it has taken place; not in the future',
    });
  }
  if (fields.userIds && fields.userIds.length > 0) {
    const active = new Set((await listUsers(db)).filter((user) => user.active).map((user) => user.id));
    fields.userIds.forEach((id, index) => {
      if (!active.has(id)) issues.push({ path: `userIds.${index}`, message: 'no such active user' });
    });
  }
  if (fields.contactIds && fields.contactIds.length > 0) {
    const ofAccount = new Set((await listContacts(db, accountId)).map((contact) => contact.id));
    fields.contactIds.forEach((id, index) => {
      if (!ofAccount.has(id))
        issues.push({ path: `contactIds.${index}`, message: 'not a contact of this account' });
    });
  }
  return issues;
}
