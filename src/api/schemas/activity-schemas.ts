import { z } from 'zod';
import { ACTIVITY_KINDS } from '../../domain/activity/activity.js';
import { timestamp } from './record-schemas.js';

export const activitySchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    opportunityId: z.string().nullable().describe('The deal it was logged on; null for the account itself'),
    kind: z.enum(ACTIVITY_KINDS),
    occurredAt: timestamp,
    userIds: z.array(z.string()).describe('Who from our side took part'),
    contactIds: z.array(z.string()).describe("Which of the account's contacts took part"),
    summary: z.string(),
    link: z.string().nullable(),
    createdBy: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Activity' });

export const activityViewSchema = activitySchema
  .extend({
    mayChange: z.boolean().describe('Whether the caller may edit or delete it (who logged it, admins)'),
  })
  .meta({ id: 'ActivityView' });
