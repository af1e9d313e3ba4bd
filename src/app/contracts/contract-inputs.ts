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
