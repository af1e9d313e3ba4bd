import { z } from 'zod';
import { POC_CRITERION_STATUSES, POC_SESSION_STATUSES } from '../../domain/poc/poc-plan.js';
import { amountMinor, currency, httpUrl, id, instant, optionalText } from '../shared/fields.js';

/** Inputs of the POC use cases, shared by the API and the CLI. Unknown fields are refused (strict). */
const millis = z.number().int('whole milliseconds').min(0).max(86_400_000);

export const pocSessionChangeInput = z
  .object({
    scheduledAt: instant.nullable().optional(),
    attendees: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(200),
            email: z.email().max(320).nullable().optional(),
          })
          .strict(),
      )
      .max(50)
      .optional(),
    status: z.enum(POC_SESSION_STATUSES).optional(),
    notes: optionalText(10_000),
  })
  .strict();
export type PocSessionChangeInput = z.infer<typeof pocSessionChangeInput>;

export const pocSessionAddInput = z
  .object({
    templateKey: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("A session template key of the playbook's POC method; absent: its first repeatable session"),
  })
  .strict();
export type PocSessionAddInput = z.infer<typeof pocSessionAddInput>;

export const pocCriterionChangeInput = z
  .object({
    target: optionalText(2000),
    result: optionalText(2000),
    status: z.enum(POC_CRITERION_STATUSES).optional(),
  })
  .strict();
export type PocCriterionChangeInput = z.infer<typeof pocCriterionChangeInput>;

export const pocBenchmarkInput = z
  .object({
    workload: z.string().trim().min(1).max(500),
    baselineLatencyMs: millis,
    ourLatencyMs: millis,
    baselineCostMinor: amountMinor,
    ourCostMinor: amountMinor,
    currency,
  })
  .strict();
export type PocBenchmarkInput = z.infer<typeof pocBenchmarkInput>;

export const pocTcoInput = z
  .object({
    baselineAnnualMinor: amountMinor,
    ourAnnualMinor: amountMinor,
    currency,
    note: optionalText(2000),
  })
  .strict();
export type PocTcoInput = z.infer<typeof pocTcoInput>;

export const pocSignOffInput = z
  .object({ contactId: id, evidenceUrl: httpUrl, signedAt: instant.optional() })
  .strict();
export type PocSignOffInput = z.infer<typeof pocSignOffInput>;

export const pocReadoutInput = z
  .object({ completedAt: instant.optional(), note: optionalText(2000) })
  .strict();
export type PocReadoutInput = z.infer<typeof pocReadoutInput>;

export const milestoneInput = z
  .object({
    achievedAt: instant.optional(),
    evidenceUrl: httpUrl.nullable().optional(),
    note: optionalText(2000),
  })
  .strict();
export type MilestoneInput = z.infer<typeof milestoneInput>;
