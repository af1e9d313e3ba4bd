/** Activities as /opportunities/{id}/activities and /accounts/{id}/activities answer them. */
export type ActivityKind = 'call' | 'meeting' | 'email' | 'note';

export interface Activity {
  id: string;
  accountId: string;
  /** The deal it was logged on; null for the account itself. */
  opportunityId: string | null;
  kind: ActivityKind;
  occurredAt: string;
  userIds: string[];
  contactIds: string[];
  summary: string;
  link: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Whether the caller may edit or delete it (whoever logged it, admins). */
  mayChange: boolean;
}

export interface LogActivityInput {
  kind: ActivityKind;
  occurredAt?: string;
  userIds?: string[];
  contactIds: string[];
  summary: string;
  link?: string | null;
}
