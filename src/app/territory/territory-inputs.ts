import { z } from 'zod';
import { SEGMENTS } from '../../domain/account/account.js';
import { country, id, optionalText, subdivision } from '../shared/fields.js';
import { territoryModelSchema } from './territory-schema.js';

const rowVersion = z
  .number()
  .int()
  .min(1)
  .describe('The rowVersion you read: a version changed since is refused (409)');

/** A new draft: a territories file's text (import), or a copy of a stored version. */
export const createTerritoryModelInput = z.union([
  z
    .object({
      source: z
        .string()
        .min(1)
        .max(1_000_000)
        .describe('The text of a territories file (YAML or JSON), imported as a new draft'),
    })
    .strict(),
  z.object({ copyOf: id.describe('The id of a version to copy into a new draft') }).strict(),
]);
export type CreateTerritoryModelInput = z.infer<typeof createTerritoryModelInput>;

export const updateTerritoryDraftInput = z
  .object({ model: territoryModelSchema.describe('The whole model, as the draft will be'), rowVersion })
  .strict();
export type UpdateTerritoryDraftInput = z.infer<typeof updateTerritoryDraftInput>;

export const activateTerritoryModelInput = z.object({ rowVersion }).strict();
export type ActivateTerritoryModelInput = z.infer<typeof activateTerritoryModelInput>;

/** What routing reads of an account (an account need not exist to ask). */
export const accountPlaceInput = z
  .object({
    country,
    subdivision: subdivision.nullable().optional(),
    postalCode: optionalText(20),
    county: optionalText(100),
    segment: z.enum(SEGMENTS),
  })
  .strict();
export type AccountPlaceInput = z.infer<typeof accountPlaceInput>;
