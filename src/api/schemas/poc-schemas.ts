import { z } from 'zod';
import { POC_CRITERION_STATUSES, POC_SESSION_STATUSES, POC_STATUSES } from '../../domain/poc/poc-plan.js';
import { idParams, milestoneSchema, timestamp } from './record-schemas.js';

export const pocSessionSchema = z.object({
  id: z.string(),
  templateKey: z.string(),
  sequence: z.number().int(),
  name: z.string(),
  purpose: z.string(),
  durationMinutes: z.number().int().nullable(),
  agenda: z.array(z.object({ item: z.string(), minutes: z.number().int().optional() })),
  scheduledAt: timestamp.nullable(),
  attendees: z.array(z.object({ name: z.string(), email: z.string().nullable() })),
  status: z.enum(POC_SESSION_STATUSES),
  completedAt: timestamp.nullable(),
  notes: z.string().nullable(),
});

export const pocPlanSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  sessions: z.array(pocSessionSchema),
  criteria: z.array(
    z.object({
      id: z.string(),
      group: z.string().describe("The key of the criterion's group in the playbook's POC method"),
      position: z.number().int(),
      text: z.string(),
      target: z.string().nullable(),
      result: z.string().nullable(),
      status: z.enum(POC_CRITERION_STATUSES),
    }),
  ),
  benchmarks: z.array(
    z.object({
      id: z.string(),
      workload: z.string(),
      baselineLatencyMs: z.number().int(),
      ourLatencyMs: z.number().int(),
      baselineCostMinor: z.number().int(),
      ourCostMinor: z.number().int(),
      currency: z.string(),
    }),
  ),
  tco: z
    .object({
      baselineAnnualMinor: z.number().int(),
      ourAnnualMinor: z.number().int(),
      currency: z.string(),
      note: z.string().nullable(),
    })
    .nullable(),
  signOff: z
    .object({ contactId: z.string(), signedAt: timestamp, evidenceUrl: z.string(), recordedBy: z.string() })
    .nullable(),
  readout: z
    .object({ completedAt: timestamp, recordedBy: z.string(), note: z.string().nullable() })
    .nullable(),
  createdBy: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const pocViewSchema = z.object({
  plan: pocPlanSchema,
  assessment: z.object({
    status: z.enum(POC_STATUSES),
    reasons: z.array(z.string()),
    resultsMeetCriteria: z.boolean(),
    readoutCompleted: z.boolean(),
    planSignedOff: z.boolean(),
    criteria: z.object({ total: z.number(), met: z.number(), notMet: z.number(), pending: z.number() }),
    sessions: z.object({ total: z.number(), completed: z.number(), validationCompleted: z.boolean() }),
  }),
  opportunityVersion: z.number().int().describe("The deal's version after the change (also the ETag)"),
});

export const milestoneRecordedSchema = z.object({
  milestone: milestoneSchema,
  opportunityVersion: z.number().int(),
});

export const sessionParams = idParams.extend({ sessionId: z.string().min(1).max(64) });
export const criterionParams = idParams.extend({ criterionId: z.string().min(1).max(64) });
export const benchmarkParams = idParams.extend({ benchmarkId: z.string().min(1).max(64) });
export const milestoneParams = idParams.extend({ milestone: z.string().min(1).max(64) });
