import { z } from 'zod';
import { ACTIVITY_KINDS } from '../../domain/activity/activity.js';
import { httpUrl, id, instant, pageQuery } from '../shared/fields.js';

const summary = z.string().trim().min(1, 'say what was discussed').max(5000);
const people = z.array(id).max(50);

/** A call, meeting, email or note that has taken place: when, who took part, what was said. */
export const logActivityInput = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    occurredAt: instant.optional().describe('When it took place; now when omitted. Not in the future.'),
    userIds: people.optional().describe('Who from our side took part; the caller when omitted'),
    contactIds: people.default([]).describe("Which of the account's contacts took part"),
    summary,
    link: httpUrl.nullable().optional().describe('e.g. the recording or the email thread'),
  })
  .strict();
export type LogActivityInput = z.infer<typeof logActivityInput>;

export const updateActivityInput = z
  .object({
    kind: z.enum(ACTIVITY_KINDS).optional(),
    occurredAt: instant.optional(),
    userIds: people.optional(),
    contactIds: people.optional(),
    summary: summary.optional(),
    link: httpUrl.nullable().optional(),
  })
  .strict();
export type UpdateActivityInput = z.infer<typeof updateActivityInput>;

export const activityListQuery = z.object({ ...pageQuery }).strict();
export type ActivityListQuery = z.infer<typeof activityListQuery>;
