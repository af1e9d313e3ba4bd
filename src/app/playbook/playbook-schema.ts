import { z } from 'zod';
import { ACTIVITY_KINDS } from '../../domain/activity/activity.js';
import {
  BOOKING_CATEGORIES,
  CHECKABLE_FIELDS,
  CUSTOMER_CLASS_RULES,
  FORECAST_CATEGORIES,
  type Playbook,
  QUALIFICATION_ROLES,
  STAGE_OUTCOMES,
  UPLIFT_SIDES,
} from '../../domain/playbook/playbook.js';
import { currency } from '../shared/fields.js';
import { closingSchema } from './closing-schema.js';
import { inspectionSchema } from './inspection-schema.js';

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower_snake_case');
const text = z.string().trim().min(1, 'must not be empty');
const requiredLevel = z.enum(['identified', 'validated']);

const derivedRule = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('qualification_stage_levels') }).strict(),
  z.object({ rule: z.literal('qualification_element'), element: key, atLeast: requiredLevel }).strict(),
  z.object({ rule: z.literal('field_present'), field: z.enum(CHECKABLE_FIELDS) }).strict(),
  z.object({ rule: z.literal('poc_plan_signed_off') }).strict(),
  z.object({ rule: z.literal('poc_results_meet_criteria') }).strict(),
  z.object({ rule: z.literal('poc_readout_completed') }).strict(),
  z.object({ rule: z.literal('poc_succeeded') }).strict(),
  z.object({ rule: z.literal('milestone_recorded'), milestone: key }).strict(),
  z.object({ rule: z.literal('type_matches_uplift') }).strict(),
  z.object({ rule: z.literal('quote_signed') }).strict(),
  z.object({ rule: z.literal('offer_accepted') }).strict(),
  z
    .object({
      rule: z.literal('activity_logged'),
      kinds: z.array(z.enum(ACTIVITY_KINDS)).min(1),
      atLeast: z.number().int().min(1).max(20).default(1),
    })
    .strict(),
]);

const criterion = z
  .object({
    key,
    text,
    help: text.optional(),
    onlyForSources: z.array(key).min(1).optional(),
    attested: z
      .object({ evidenceRequired: z.boolean().default(false) })
      .strict()
      .optional(),
    derived: derivedRule.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (Boolean(value.attested) === Boolean(value.derived)) {
      ctx.addIssue({ code: 'custom', message: 'a criterion is either `attested` or `derived`, exactly one' });
    }
  })
  .transform(({ attested, derived, ...rest }) => ({
    ...rest,
    source: derived
      ? ({ kind: 'derived', ...derived } as const)
      : ({ kind: 'attested', evidenceRequired: attested?.evidenceRequired ?? false } as const),
  }));

const stage = z
  .object({
    key,
    name: text,
    probability: z.number().int().min(0).max(100),
    forecastCategory: z.enum(FORECAST_CATEGORIES),
    outcome: z.enum(STAGE_OUTCOMES).default('open'),
    description: text,
    qualification: z.record(key, requiredLevel).default({}),
    entrance: z.array(criterion).default([]),
    exit: z.array(criterion).default([]),
    milestones: z.array(key).default([]),
    expectedDays: z.number().int().positive().optional(),
  })
  .strict();

const mapTo = z.record(key, key).optional();
const mapOrRetire = z.record(key, key.nullable()).optional();

/** Old keys → new ones, for the records that use them (src/domain/playbook/playbook-mappings.ts). */
const mappings = z
  .object({
    stages: z.record(key, z.record(key, key)).optional(),
    types: mapTo,
    criteria: mapOrRetire,
    qualificationElements: mapOrRetire,
    milestones: mapOrRetire,
    leadSources: mapTo,
    lossReasons: mapTo,
  })
  .strict();

/** The file format of a playbook; semantic checks (references, uniqueness) follow in the domain. */
export const playbookSchema = z
  .object({
    id: key,
    name: text,
    company: text,
    version: z.number().int().positive(),
    defaultCurrency: currency,
    qualification: z
      .object({
        framework: text,
        elements: z
          .array(
            z
              .object({
                key,
                letter: z.string().regex(/^[A-Z]$/),
                name: text,
                definition: text,
                questions: z.array(text).min(1),
                namesPerson: z.boolean().default(false),
                role: z.enum(QUALIFICATION_ROLES).optional(),
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
    opportunityTypes: z
      .array(
        z
          .object({
            key,
            name: text,
            category: text,
            purpose: text,
            description: text,
            pipeline: key,
            customerClasses: z.array(key).min(1),
            revenueImplications: text,
            renewsContract: z
              .object({
                graceDays: z.number().int().min(0).max(3650),
                uplift: z.enum(UPLIFT_SIDES).optional(),
              })
              .strict()
              .optional(),
            bookingCategory: z.enum(BOOKING_CATEGORIES).optional(),
          })
          .strict(),
      )
      .min(1),
    customerClasses: z
      .array(z.object({ key, name: text, focus: text, when: z.enum(CUSTOMER_CLASS_RULES) }).strict())
      .min(1),
    pipelines: z.array(z.object({ key, name: text, stages: z.array(stage).min(2) }).strict()).min(1),
    milestones: z.array(z.object({ key, name: text, description: text }).strict()).default([]),
    inspection: inspectionSchema,
    lossReasons: z
      .array(z.object({ key, name: text, requiresCompetitor: z.boolean().default(false) }).strict())
      .min(1),
    leadSources: z.array(z.object({ key, name: text }).strict()).min(1),
    contracts: z
      .object({ expansionUpliftThreshold: z.number().min(0).max(100).optional() })
      .strict()
      .optional(),
    renewals: z
      .object({
        leadDays: z.number().int().min(0).max(3660).default(120),
        type: key,
        source: key.optional(),
      })
      .strict()
      .optional(),
    closing: closingSchema.optional(),
    forecast: z
      .object({
        fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
        companyCurrency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD')
          .default('USD'),
      })
      .strict()
      .optional(),
    mappings: mappings.optional(),
  })
  .strict() satisfies z.ZodType<Playbook, unknown>;
