import { z } from 'zod';
import { id, name, pageQuery } from '../shared/fields.js';

export const TOKEN_SCOPES = ['read', 'write'] as const;

export const createTokenInput = z
  .object({
    userId: id.describe('The user the token acts as (with that user’s role and rights)'),
    name: name.describe('What the token is for, e.g. "warehouse sync"'),
    scope: z
      .enum(TOKEN_SCOPES)
      .default('write')
      .describe('read: safe methods only (GET); write: whatever the user may do'),
    expiresAt: z.iso.datetime().optional().describe('When the token stops working; never if left out'),
  })
  .strict();
export type CreateTokenInput = z.input<typeof createTokenInput>;

export const tokenListQuery = z.object({ ...pageQuery, userId: id.optional() }).strict();
export type TokenListQuery = z.infer<typeof tokenListQuery>;
