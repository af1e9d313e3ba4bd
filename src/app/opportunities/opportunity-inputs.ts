import { z } from 'zod';
import { FORECAST_CATEGORIES, MEDDPICC_LEVELS } from '../../domain/playbook/playbook.js';
import {
  amountMinor,
  currency,
  httpUrl,
  id,
  isoDate,
  name,
  optionalText,
  pageQuery,
} from '../shared/fields.js';

const typeOverride = z
  .object({ justification: z.string().max(2000) })
  .strict()
  .nullable()
  .optional()
  .describe(
    'Force a type that does not suit the customer class (Regional VP or admin), with a written justification',
  );

/** Stage, pipeline, probability and forecast category are not here: they are derived, never typed in. */
export const createOpportunityInput = z
  .object({
    accountId: id,
    name,
    type: z.string().min(1).describe('An opportunity type key of the playbook'),
    amountMinor,
    currency,
    closeDate: isoDate,
    ownerId: id,
    source: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, 'a lead source key of the playbook')
      .describe('Where the deal came from: a lead source key of the playbook'),
    nextStep: optionalText(500),
    description: optionalText(5000),
    override: typeOverride,
  })
  .strict();
export type CreateOpportunityInput = z.infer<typeof createOpportunityInput>;

export const updateOpportunityInput = z
  .object({
    name: name.optional(),
    type: z.string().min(1).optional().describe('Only to a type of the same pipeline'),
    amountMinor: amountMinor.optional(),
    currency: currency.optional(),
    closeDate: isoDate.optional(),
    ownerId: id.optional(),
    nextStep: optionalText(500),
    description: optionalText(5000),
    override: typeOverride.describe('With a type change: force a type that does not suit the customer class'),
  })
  .strict();
export type UpdateOpportunityInput = z.infer<typeof updateOpportunityInput>;

export const stageChangeInput = z
  .object({
    to: z.string().min(1).describe('Target stage key'),
    reason: optionalText(2000).describe('Required when moving backward or reopening'),
    lossReason: optionalText(100).describe('Required for Closed Lost: a loss reason key of the playbook'),
    winningCompetitor: optionalText(200).describe('Required when the loss reason names a competitor'),
    override: z
      .object({ justification: z.string().max(2000) })
      .strict()
      .nullable()
      .optional()
      .describe('Force a blocked forward move (Regional VP or admin), with a written justification'),
  })
  .strict();
export type StageChangeInput = z.infer<typeof stageChangeInput>;

export const meddpiccInput = z
  .object({
    level: z.enum(MEDDPICC_LEVELS),
    summary: optionalText(5000),
    contactId: id.nullable().optional().describe('The person this element names (Economic Buyer, Champion)'),
  })
  .strict();
export type MeddpiccInput = z.infer<typeof meddpiccInput>;

export const attestationInput = z
  .object({
    note: optionalText(2000),
    evidenceUrl: httpUrl.nullable().optional(),
  })
  .strict();
export type AttestationInput = z.infer<typeof attestationInput>;

export const opportunityListQuery = z
  .object({
    ownerId: id.optional(),
    accountId: id.optional(),
    type: z.string().optional(),
    stage: z.string().optional(),
    pipeline: z.string().optional(),
    forecastCategory: z
      .enum(FORECAST_CATEGORIES)
      .optional()
      .describe('e.g. commit: the deals Finance closes'),
    closeDateFrom: isoDate.optional(),
    closeDateTo: isoDate.optional(),
    ...pageQuery,
  })
  .strict();
export type OpportunityListQuery = z.infer<typeof opportunityListQuery>;
