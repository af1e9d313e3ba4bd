import { z } from 'zod';
import { AWS_ACCOUNT_ID, CLOSING_ROLES, SEGMENTS } from '../../domain/account/account.js';
import {
  countryCodeProblem,
  subdivisionCodeProblem,
  subdivisionProblem,
} from '../../domain/geography/iso-3166.js';
import type { FieldIssue } from '../app-error.js';
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
  county: optionalText(100).describe('The county (e.g. Harris): territory metro rules may match it'),
  ownerId: id.nullable().optional(),
  csmId: id
    .nullable()
    .optional()
    .describe(
      "The account's Customer Success Manager (role csm), who owns its renewal deals; set by who may reassign",
    ),
  selfServeUsage: z.boolean().optional().describe('The account uses the self-serve product (PLG)'),
  awsAccountId: z
    .string()
    .regex(AWS_ACCOUNT_ID, 'must be an AWS account id: 12 digits')
    .nullable()
    .optional()
    .describe("The buyer's AWS account (12 digits), the target of the AWS Marketplace private offer"),
};

/**
 * What is wrong with an account's geography as a whole, field by field: the country an assigned ISO 3166-1
 * code, the subdivision an ISO 3166-2 code of that same country. Empty when it is right.
 */
export function geographyIssues(country: string, subdivision: string | null): FieldIssue[] {
  const countryProblem = countryCodeProblem(country);
  const issues: FieldIssue[] = countryProblem ? [{ path: 'country', message: countryProblem }] : [];
  const subdivisionIssue = subdivision && subdivisionProblem(subdivision, country);
  if (subdivisionIssue) issues.push({ path: 'subdivision', message: subdivisionIssue });
  return issues;
}

/** A known subdivision given with a known country must be one of that country's (each field checks itself). */
function subdivisionOfCountry(
  value: { country?: string; subdivision?: string | null },
  ctx: z.RefinementCtx,
) {
  const { country: code, subdivision: sub } = value;
  if (!code || !sub || countryCodeProblem(code) || subdivisionCodeProblem(sub)) return;
  const problem = subdivisionProblem(sub, code);
  if (problem) ctx.addIssue({ code: 'custom', path: ['subdivision'], message: problem });
}

export const createAccountInput = z.object(accountFields).strict().superRefine(subdivisionOfCountry);
export type CreateAccountInput = z.infer<typeof createAccountInput>;

export const updateAccountInput = z
  .object(accountFields)
  .partial()
  .strict()
  .superRefine(subdivisionOfCountry);
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
  closingRoles: z
    .array(z.enum(CLOSING_ROLES))
    .max(CLOSING_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, 'must not repeat a role')
    .optional()
    .describe(
      'docusign_signer: signs the quote; aws_admin: accepts the AWS private offer. One of each per account, ' +
        'never the same contact',
    ),
};
export const createContactInput = z.object(contactFields).strict();
export type CreateContactInput = z.infer<typeof createContactInput>;
export const updateContactInput = z.object(contactFields).partial().strict();
export type UpdateContactInput = z.infer<typeof updateContactInput>;
