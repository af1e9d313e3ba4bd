import { z } from 'zod';
import { VELOCITY_CLASSES } from '../../domain/inspection/velocity.js';
import { HEALTH_INDICATORS } from '../../domain/playbook/inspection-settings.js';
import { MEDDPICC_LEVELS } from '../../domain/playbook/playbook.js';
import { timestamp } from './record-schemas.js';

const level = z.enum(MEDDPICC_LEVELS);
const readiness = z
  .object({
    stage: z.string(),
    ready: z.boolean(),
    required: z.array(z.object({ element: z.string(), level })),
  })
  .nullable();

export const inspectionSchema = z
  .object({
    opportunityId: z.string(),
    health: z.object({
      score: z
        .number()
        .int()
        .describe('0–100: the playbook base plus the weight of each indicator that holds'),
      band: z.enum(['green', 'yellow', 'red']),
      base: z.number().int(),
      reasons: z.array(
        z.object({
          indicator: z.enum(HEALTH_INDICATORS),
          kind: z.enum(['positive', 'risk']),
          points: z.number().int(),
          evidence: z.array(z.string()),
        }),
      ),
    }),
    velocity: z.object({
      class: z.enum(VELOCITY_CLASSES),
      stage: z.string(),
      daysInStage: z.number().int().describe('Business days in the current stage'),
      expectedDays: z.number().nullable(),
      reasons: z.array(z.string()),
      snoozed: z.object({ until: timestamp, reason: z.string() }).nullable(),
    }),
    expected: z.object({
      source: z
        .enum(['playbook', 'history'])
        .describe('Expected stage durations: the playbook until enough deals closed'),
      closedDeals: z.number().int(),
    }),
    meddpicc: z.object({
      score: z.number().int(),
      elements: z.array(
        z.object({
          element: z.string(),
          name: z.string(),
          level,
          points: z.number().int(),
          evidence: z.object({ summary: z.string().nullable(), contactId: z.string().nullable() }),
        }),
      ),
      readiness: z.object({ current: readiness, next: readiness }),
      gaps: z.array(
        z.object({
          element: z.string(),
          name: z.string(),
          required: level,
          actual: level,
          stage: z.string(),
          severity: z.enum(['high', 'medium', 'low']),
          message: z.string(),
        }),
      ),
    }),
    customer: z.object({
      fits: z.boolean(),
      customerClass: z.enum(['new_prospect', 'plg', 'commit_customer']),
      focus: z.string(),
      message: z.string(),
    }),
  })
  .meta({ id: 'Inspection' });
