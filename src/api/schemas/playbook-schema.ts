import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.js';
import { ACTIVITY_KINDS } from '../../domain/activity/activity.js';
import { APPROVER_SCOPES, PAYMENT_SCHEDULES } from '../../domain/playbook/closing-settings.js';
import {
  BOOKING_CATEGORIES,
  CHECKABLE_FIELDS,
  CLOSING_RULES,
  CUSTOMER_CLASS_RULES,
  FORECAST_CATEGORIES,
  MEDDPICC_LEVELS,
  type Playbook,
  POC_RULES,
  QUALIFICATION_ROLES,
  STAGE_OUTCOMES,
  UPLIFT_SIDES,
} from '../../domain/playbook/playbook.js';
import { playbookInspectionSchema } from './playbook-inspection-schema.js';

/**
 * The domain Playbook as the API answers it. `satisfies` keeps it in step with the domain type; the
 * file format (src/app/playbook/playbook-schema.ts) differs, with defaults and transforms.
 */
const requiredLevel = z.enum(MEDDPICC_LEVELS).exclude(['unknown']);

const criterionSourceSchema = z.union([
  z.object({ kind: z.literal('attested'), evidenceRequired: z.boolean() }),
  z.object({ kind: z.literal('derived'), rule: z.literal('qualification_stage_levels') }),
  z.object({
    kind: z.literal('derived'),
    rule: z.literal('qualification_element'),
    element: z.string(),
    atLeast: requiredLevel,
  }),
  z.object({ kind: z.literal('derived'), rule: z.literal('field_present'), field: z.enum(CHECKABLE_FIELDS) }),
  z.object({ kind: z.literal('derived'), rule: z.enum(POC_RULES) }),
  z.object({ kind: z.literal('derived'), rule: z.literal('milestone_recorded'), milestone: z.string() }),
  z.object({ kind: z.literal('derived'), rule: z.literal('type_matches_uplift') }),
  z.object({ kind: z.literal('derived'), rule: z.enum(CLOSING_RULES) }),
  z.object({
    kind: z.literal('derived'),
    rule: z.literal('activity_logged'),
    kinds: z.array(z.enum(ACTIVITY_KINDS)),
    atLeast: z.number().int(),
  }),
]);

export const criterionSchema = z
  .object({
    key: z.string(),
    text: z.string(),
    source: criterionSourceSchema,
    onlyForSources: z.array(z.string()).optional(),
    help: z.string().optional(),
  })
  .meta({ id: 'Criterion' });

export const stageSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    probability: z.number().int().min(0).max(100),
    forecastCategory: z.enum(FORECAST_CATEGORIES),
    outcome: z.enum(STAGE_OUTCOMES),
    description: z.string(),
    qualification: z
      .record(z.string(), requiredLevel)
      .describe('Qualification element → level it must reach to leave this stage'),
    entrance: z.array(criterionSchema),
    exit: z.array(criterionSchema),
    milestones: z.array(z.string()),
    expectedDays: z.number().int().optional(),
  })
  .meta({ id: 'Stage' });

export const pipelineSchema = z
  .object({ key: z.string(), name: z.string(), stages: z.array(stageSchema) })
  .meta({ id: 'Pipeline' });

const mapTo = z.record(z.string(), z.string()).optional();
const mapOrRetire = z.record(z.string(), z.string().nullable()).optional();
const mappingsResponseSchema = z.object({
  stages: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  types: mapTo,
  criteria: mapOrRetire,
  qualificationElements: mapOrRetire,
  milestones: mapOrRetire,
  leadSources: mapTo,
  lossReasons: mapTo,
});

const closingResponseSchema = z
  .object({
    offersFrom: z
      .record(z.string(), z.string())
      .describe('Per pipeline key, the first stage from which an offer may be drafted'),
    paymentSchedules: z.array(z.enum(PAYMENT_SCHEDULES)),
    approvals: z
      .array(
        z.object({
          key: z.string(),
          name: z.string(),
          role: z.enum(ROLES),
          scope: z.enum(APPROVER_SCOPES).describe("deal_region: only the holder for the deal's region"),
          when: z
            .object({
              discountPercentAbove: z.number().optional(),
              tcvAboveMinor: z.number().int().optional(),
            })
            .optional()
            .describe('Absent: the step applies to every offer; else when any option is above a threshold'),
        }),
      )
      .describe('The internal approval chain, in order'),
  })
  .meta({ id: 'ClosingSettings' });

export const playbookResponseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    company: z.string().describe('The selling company, as screens and messages name it'),
    version: z.number().int(),
    defaultCurrency: z.string(),
    qualification: z.object({
      framework: z.string().describe('The qualification framework, e.g. MEDDPICC or BANT'),
      elements: z.array(
        z.object({
          key: z.string(),
          letter: z.string(),
          name: z.string(),
          definition: z.string(),
          questions: z.array(z.string()),
          namesPerson: z.boolean(),
          role: z
            .enum(QUALIFICATION_ROLES)
            .optional()
            .describe('The part the element plays for health and stakeholder changes'),
        }),
      ),
    }),
    opportunityTypes: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        category: z.string(),
        purpose: z.string(),
        description: z.string(),
        pipeline: z.string(),
        customerClasses: z.array(z.string()),
        revenueImplications: z.string(),
        renewsContract: z
          .object({ graceDays: z.number().int(), uplift: z.enum(UPLIFT_SIDES).optional() })
          .optional()
          .describe(
            'The type renews a contract: it still fits for graceDays after that contract ended; uplift says on which side of the expansion threshold it lies',
          ),
        bookingCategory: z
          .enum(BOOKING_CATEGORIES)
          .optional()
          .describe('What a won deal of this type books as: acquisition, growth or retention'),
      }),
    ),
    customerClasses: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        focus: z.string(),
        when: z.enum(CUSTOMER_CLASS_RULES).describe('What makes an account this class'),
      }),
    ),
    pipelines: z.array(pipelineSchema),
    milestones: z.array(z.object({ key: z.string(), name: z.string(), description: z.string() })),
    lossReasons: z.array(z.object({ key: z.string(), name: z.string(), requiresCompetitor: z.boolean() })),
    leadSources: z.array(z.object({ key: z.string(), name: z.string() })),
    contracts: z.object({ expansionUpliftThreshold: z.number().optional() }).optional(),
    renewals: z
      .object({ leadDays: z.number(), type: z.string(), source: z.string().optional() })
      .optional()
      .describe('Renewal deals opened automatically leadDays before a commit contract ends'),
    inspection: playbookInspectionSchema,
    closing: closingResponseSchema.optional(),
    forecast: z
      .object({ fiscalYearStartMonth: z.number().int().min(1).max(12), companyCurrency: z.string() })
      .optional()
      .describe(
        'The forecast calendar (fiscal year start month) and the company currency; absent: January, USD',
      ),
    mappings: mappingsResponseSchema
      .optional()
      .describe('Keys of an earlier version and the keys their records took (null: retired); decision 010'),
  })
  .meta({ id: 'Playbook' }) satisfies z.ZodType<Playbook>;
