/** What happened with a customer: a call, a meeting, an email or a note. Criteria about conversations are derived from these. */
export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A logged activity on an account, and on one of its deals when `opportunityId` is set. */
export interface Activity {
  id: string;
  accountId: string;
  opportunityId: string | null;
  kind: ActivityKind;
  /** When it took place (UTC); a future time is a plan, not yet a fact. */
  occurredAt: Date;
  /** Who from our side took part (user ids). */
  userIds: string[];
  /** Which of the account's contacts took part. */
  contactIds: string[];
  summary: string;
  link: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** What the gate and health read of a deal's activities: those that have taken place, oldest first. */
export type ActivityFact = Pick<Activity, 'id' | 'kind' | 'occurredAt' | 'summary'>;
