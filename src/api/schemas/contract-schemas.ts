import { z } from 'zod';
import { CONTRACT_KINDS } from '../../domain/contract/contract.js';
import { timestamp } from './record-schemas.js';

export const contractSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    kind: z.enum(CONTRACT_KINDS),
    startDate: z.string().describe('First day in force (YYYY-MM-DD)'),
    endDate: z.string().describe('Last day in force (YYYY-MM-DD)'),
    tcvMinor: z.number().int().describe('Total contract value in minor units (cents)'),
    currency: z.string(),
    opportunityId: z.string().nullable().describe('The won deal the contract came from'),
    createdBy: z.string(),
    createdAt: timestamp,
    version: z.number().int(),
    endedOn: z
      .string()
      .nullable()
      .describe('Ended before term by Finance: its last day in force; null: runs to term'),
    endedReason: z.string().nullable().describe('Why Finance ended it before term'),
  })
  .meta({ id: 'Contract' });

export const contractListSchema = z
  .object({
    items: z.array(contractSchema.extend({ inForce: z.boolean().describe('In force today') })),
  })
  .meta({ id: 'ContractList' });

export const contractRecordedSchema = z
  .object({
    contract: contractSchema,
    accountVersion: z.number().int().describe("The account's new version (its class may have changed)"),
  })
  .meta({ id: 'ContractRecorded' });

export const contractChangedSchema = z
  .object({
    contract: contractSchema,
    accountVersion: z.number().int().describe("The account's new version (its class may have changed)"),
  })
  .meta({ id: 'ContractChanged' });
