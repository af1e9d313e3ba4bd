import { z } from 'zod';
import { CONTRACT_KINDS } from '../../domain/contract/contract.js';
import { amountMinor, currency, id, isoDate } from '../shared/fields.js';

export const recordContractInput = z
  .object({
    kind: z.enum(CONTRACT_KINDS).optional().describe('Only commit contracts are modelled (the default)'),
    startDate: isoDate.describe('First day in force'),
    endDate: isoDate.describe('Last day in force; on or after startDate'),
    tcvMinor: amountMinor.describe('Total contract value in minor units (cents)'),
    currency,
    opportunityId: id.nullable().optional().describe('The won deal on this account the contract came from'),
  })
  .strict()
  .refine((input) => input.endDate >= input.startDate, {
    path: ['endDate'],
    message: 'must be on or after startDate',
  });
export type RecordContractInput = z.infer<typeof recordContractInput>;

export const correctContractInput = z
  .object({
    startDate: isoDate.optional().describe('First day in force'),
    endDate: isoDate.optional().describe('Last day in force; on or after startDate'),
    tcvMinor: amountMinor.optional().describe('Total contract value in minor units (cents)'),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, {
    path: ['startDate'],
    message: 'name a term to correct',
  });
export type CorrectContractInput = z.infer<typeof correctContractInput>;

export const endContractInput = z
  .object({
    endedOn: isoDate.describe('The last day the contract is in force, within its term'),
    reason: z.string().trim().min(1, 'must not be empty').max(500).describe('Why it ends before term'),
  })
  .strict();
export type EndContractInput = z.infer<typeof endContractInput>;
