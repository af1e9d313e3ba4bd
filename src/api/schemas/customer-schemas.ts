import { z } from 'zod';
import { CUSTOMER_CLASSES } from '../../domain/account/customer-class.js';

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
    customerClass: z.enum(CUSTOMER_CLASSES),
    name: z.string(),
    focus: z.string().describe("The playbook's focus guidance for the class"),
    activeContract: contractTermsSchema
      .nullable()
      .describe('The commit contract in force today (what makes a Commit Customer)'),
  })
  .meta({ id: 'CustomerStanding' });
