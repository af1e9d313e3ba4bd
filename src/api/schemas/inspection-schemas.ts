import { z } from 'zod';
import { VELOCITY_CLASSES } from '../../domain/inspection/velocity.js';
import { HEALTH_INDICATORS } from '../../domain/playbook/inspection-settings.js';
import { POSITIVE_INDICATORS } from '../../domain/playbook/validate-inspection.js';

const RISK_INDICATORS = HEALTH_INDICATORS.filter((indicator) => !POSITIVE_INDICATORS.includes(indicator));

import { MEDDPICC_LEVELS } from '../../domain/playbook/playbook.js';
import { contractTermsSchema } from './customer-schemas.js';
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
      fits: z.boolean().describe("Whether the deal's type suits the account's class"),
      customerClass: z.string().describe('A customer class key of the playbook'),
      className: z.string(),
      focus: z.string(),
      allowedTypes: z.array(z.string()).describe('The opportunity types that suit this account today'),
      graceUntil: z
        .string()
        .nullable()
        .describe('A type that renews an ended contract fits until this day (the playbook grace period)'),
      message: z.string(),
      activeContract: contractTermsSchema
        .nullable()
        .describe('The commit contract in force today (what makes the contract class)'),
      uplift: z
        .object({
          fits: z
            .boolean()
            .nullable()
            .describe('Whether the type matches the uplift; null when it cannot be compared'),
          upliftPct: z.number().nullable().describe('TCV uplift over the previous contract, in percent'),
          expectedType: z
            .string()
            .nullable()
            .describe('The type key the uplift calls for (its renewsContract.uplift side)'),
          previousContract: z
            .object({ id: z.string(), endDate: z.string(), tcvMinor: z.number().int(), currency: z.string() })
            .nullable(),
          message: z.string(),
        })
        .nullable()
        .describe(
          "The type by TCV uplift over the account's latest-ending commit contract (types told apart by uplift); null for other types",
        ),
    }),
    fixFirst: z
      .object({
        cause: z.enum([...RISK_INDICATORS, 'stalled']),
        action: z.string().describe('What to do, in words'),
        why: z.string().describe('The evidence behind it'),
      })
      .nullable()
      .describe("The one thing to fix first: a red deal's heaviest risk, or the stall of an At Risk deal"),
  })
  .meta({ id: 'Inspection' });

/** A deal's inspection as stored with it (decision 024): what lists show, without the customer fit. */
export const storedInspectionSchema = inspectionSchema
  .omit({ customer: true })
  .extend({
    computedAt: timestamp.describe('When this verdict was computed (lists show it "as of")'),
    playbookVersion: z.number().int().describe('The playbook version it was computed under'),
  })
  .meta({ id: 'StoredInspection' });
