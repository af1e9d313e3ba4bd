import { z } from 'zod';
import { SEGMENTS } from '../../domain/account/account.js';
import { currency } from '../shared/fields.js';

const key = z.string().trim().min(1).max(100);
const sourceValue = z.string().min(1).max(200);

/** The mapping FILE (YAML): see imports/salesforce-mapping.example.yaml. */
export const importMappingSchema = z.strictObject({
  source: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a short lower-case name, e.g. salesforce')
    .default('salesforce'),
  stages: z.record(key, z.record(sourceValue, key)),
  types: z.record(sourceValue, key).default({}),
  defaultType: key.nullable().default(null),
  owners: z.record(sourceValue, z.email()).default({}),
  currencies: z.strictObject({ default: currency }),
  leadSources: z
    .strictObject({ values: z.record(sourceValue, key).default({}), default: key })
    .default({ values: {}, default: 'inbound' }),
  accounts: z.strictObject({ segment: z.enum(SEGMENTS) }).default({ segment: 'mid_market' }),
});
