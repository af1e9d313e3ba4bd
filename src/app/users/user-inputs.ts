import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/passwords.js';
import { id, name, pageQuery } from '../shared/fields.js';

export const email = z.email({ message: 'an email address' }).max(254);
export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);
const region = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_]+$/, 'a region key such as emea');
const regionField = region
  .nullable()
  .optional()
  .describe(
    'The region authorization reads. While a territory model is active, an AE’s region is their territory’s and ' +
      'an RVP’s the one they lead (activation sets them; another value is refused with 422 at this field), and ' +
      'any other role’s region must be a region of the model',
  );

export const createUserInput = z
  .object({
    email,
    name,
    role: z.enum(ROLES),
    region: regionField,
    managerId: id.nullable().optional(),
    password: password.optional().describe('Leave out: the user cannot sign in until a password is set'),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserInput>;

/** Role, region, manager and active are permissions: changing them is audited as such. */
export const updateUserInput = z
  .object({
    email: email.optional(),
    name: name.optional(),
    role: z.enum(ROLES).optional(),
    region: regionField,
    managerId: id.nullable().optional(),
    active: z.boolean().optional().describe('false ends the user’s sessions and revokes their API tokens'),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'send at least one field');
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const userListQuery = z
  .object({
    ...pageQuery,
    role: z.enum(ROLES).optional(),
    region: z.string().max(64).optional(),
    active: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    assignableAsOwner: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .describe('Only the active users the caller may make the owner of a deal or account they create'),
  })
  .strict();
export type UserListQuery = z.infer<typeof userListQuery>;
