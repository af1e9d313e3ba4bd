import { z } from 'zod';
import { CUSTOMER_CLASS_RULES } from '../../domain/playbook/playbook.js';

/** A contract's terms as the class and inspection cite them (the full record: ContractSchema). */
export const contractTermsSchema = z
  .object({
    id: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    tcvMinor: z.number().int().describe('Total contract value in minor units (cents)'),
    currency: z.string(),
  })
  .meta({ id: 'ContractTerms' });

export const customerStandingSchema = z
  .object({
    customerClass: z.string().describe('A customer class key of the playbook'),
    rule: z.enum(CUSTOMER_CLASS_RULES).describe('What makes the account this class'),
    name: z.string(),
    focus: z.string().describe("The playbook's focus guidance for the class"),
    activeContract: contractTermsSchema
      .nullable()
      .describe('The commit contract in force today (what makes the contract class)'),
  })
  .meta({ id: 'CustomerStanding' });
