import { z } from 'zod';
import type { MissingRequirement } from '../../domain/gates/requirement-check.js';
import { MEDDPICC_LEVELS } from '../../domain/playbook/playbook.js';

/** An unmet gate requirement, as a `gate_blocked` problem lists it in `missing`. */
export const missingRequirementSchema = z
  .object({
    kind: z.enum(['criterion', 'meddpicc', 'field', 'transition', 'customer_fit']),
    stage: z.string(),
    phase: z.enum(['entrance', 'exit']).optional(),
    key: z.string(),
    label: z.string(),
    message: z.string(),
    source: z.enum(['attested', 'derived']).optional(),
    applicable: z.boolean().optional(),
    attestation: z
      .object({
        by: z.string(),
        at: z.string(),
        note: z.string().nullable(),
        evidenceUrl: z.string().nullable(),
      })
      .optional(),
    required: z.enum(MEDDPICC_LEVELS).optional(),
    actual: z.enum(MEDDPICC_LEVELS).optional(),
    activityId: z.string().optional().describe('The logged activity that meets this criterion'),
    evidence: z
      .object({
        offerId: z.string(),
        offerVersion: z.number().int(),
        quoteNumber: z.string().optional(),
        envelopeId: z.string().optional().describe('The DocuSign envelope of the signed quote'),
        marketplaceOfferId: z.string().optional(),
        agreementId: z.string().optional().describe('The AWS Marketplace agreement of the acceptance'),
      })
      .optional()
      .describe('The offer version and vendor records that meet a closing-evidence criterion'),
  })
  .meta({ id: 'MissingRequirement' }) satisfies z.ZodType<MissingRequirement>;
