import { z } from 'zod';
import { SEGMENTS } from '../../domain/account/account.js';
import type { TerritoryModel } from '../../domain/territory/territory-model.js';

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower_snake_case');
const text = z.string().trim().min(1, 'must not be empty');
/** Codes stay as written: validateTerritoryModel names an unknown one with ISO 3166's own words. */
const code = z.string().min(1, 'must not be empty');
const codes = z.array(code).min(1);
const segments = z.array(z.enum(SEGMENTS)).min(1).optional();
/** A number would lose a leading zero (021 → 21), so the file quotes prefixes. */
const postalPrefix = z.string({ error: 'a postal-code prefix in quotes, e.g. "940"' }).min(1);

const rule = z.discriminatedUnion('level', [
  z.object({ level: z.literal('country_set'), sets: z.array(key).min(1), segments }).strict(),
  z.object({ level: z.literal('country'), countries: codes, segments }).strict(),
  z.object({ level: z.literal('subdivision'), subdivisions: codes, segments }).strict(),
  z
    .object({
      level: z.literal('metro'),
      metro: text,
      subdivision: code,
      postalPrefixes: z.array(postalPrefix).min(1).optional(),
      counties: z.array(text).min(1).optional(),
      segments,
    })
    .strict(),
]);

/** The file format of a territory model; references, ISO codes and metros follow in validateTerritoryModel. */
export const territoryModelSchema = z
  .object({
    name: text,
    countrySets: z.array(z.object({ key, name: text, countries: codes }).strict()).default([]),
    regions: z.array(z.object({ key, name: text, rvp: text }).strict()).min(1),
    territories: z
      .array(z.object({ key, name: text, region: key, ae: text, rules: z.array(rule).min(1) }).strict())
      .min(1),
    excluded: z.array(z.object({ countries: codes, reason: text }).strict()).default([]),
  })
  .strict() satisfies z.ZodType<TerritoryModel, unknown>;
