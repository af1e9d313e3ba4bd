import { z } from 'zod';
import { SEGMENTS } from '../../domain/account/account.js';
import { country, id, name, optionalText, pageQuery, subdivision } from '../shared/fields.js';

const accountFields = {
  name,
  domain: optionalText(253),
  segment: z.enum(SEGMENTS),
  industry: optionalText(100),
  country,
  subdivision: subdivision.nullable().optional(),
  city: optionalText(100),
  postalCode: optionalText(20),
  ownerId: id.nullable().optional(),
  selfServeUsage: z.boolean().optional().describe('The account uses the self-serve product (PLG)'),
};

const subdivisionMatchesCountry = (value: { country?: string; subdivision?: string | null }) =>
  !value.subdivision || !value.country || value.subdivision.startsWith(`${value.country}-`);
const subdivisionIssue = { path: ['subdivision'], message: 'must be a subdivision of the given country' };

export const createAccountInput = z
  .object(accountFields)
  .strict()
  .refine(subdivisionMatchesCountry, subdivisionIssue);
export type CreateAccountInput = z.infer<typeof createAccountInput>;

export const updateAccountInput = z
  .object(accountFields)
  .partial()
  .strict()
  .refine(subdivisionMatchesCountry, subdivisionIssue);
export type UpdateAccountInput = z.infer<typeof updateAccountInput>;

export const accountListQuery = z
  .object({
    search: z.string().trim().max(100).optional(),
    country: z.string().optional(),
    segment: z.enum(SEGMENTS).optional(),
    ownerId: id.optional(),
    ...pageQuery,
  })
  .strict();
export type AccountListQuery = z.infer<typeof accountListQuery>;

const contactFields = {
  name,
  email: z.email().max(320).nullable().optional(),
  title: optionalText(200),
  phone: optionalText(50),
};
export const createContactInput = z.object(contactFields).strict();
export type CreateContactInput = z.infer<typeof createContactInput>;
export const updateContactInput = z.object(contactFields).partial().strict();
export type UpdateContactInput = z.infer<typeof updateContactInput>;
