import { z } from 'zod';
import { ENTITY_TYPES } from '../../db/repositories/events-repo.js';
import { CLOSING_ROLES, SEGMENTS } from '../../domain/account/account.js';
import { FORECAST_CATEGORIES, MEDDPICC_LEVELS } from '../../domain/playbook/playbook.js';
import { customerStandingSchema } from './customer-schemas.js';
import { missingRequirementSchema } from './missing-requirement-schema.js';
import { accountPermissionsSchema, opportunityPermissionsSchema } from './permission-schemas.js';
import { routingSchema } from './routing-schema.js';

/** A UTC instant: a Date inside, an ISO 8601 string on the wire. */
export const timestamp = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

export const opportunitySchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    type: z.string(),
    pipeline: z.string().describe('Derived from the type'),
    stage: z.string(),
    probability: z.number().int().describe('Derived from the stage (percent)'),
    forecastCategory: z.enum(FORECAST_CATEGORIES).describe('Derived from the stage'),
    amountMinor: z.number().int().describe('Amount in minor units (cents)'),
    currency: z.string(),
    closeDate: z.string(),
    ownerId: z.string(),
    source: z.string().describe('A lead source key of the playbook'),
    nextStep: z.string().nullable(),
    description: z.string().nullable(),
    lossReason: z.string().nullable(),
    winningCompetitor: z.string().nullable(),
    stageEnteredAt: timestamp,
    stallSnooze: z
      .object({ until: z.string(), reason: z.string() })
      .nullable()
      .describe('A stall snoozed until a resume date: velocity does not call it At Risk meanwhile'),
    closedAt: timestamp.nullable(),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Opportunity' });

export const meddpiccEntrySchema = z
  .object({
    element: z.string(),
    level: z.enum(MEDDPICC_LEVELS),
    summary: z.string().nullable(),
    contactId: z.string().nullable(),
    updatedBy: z.string().nullable(),
    updatedAt: timestamp.nullable(),
  })
  .meta({ id: 'MeddpiccEntry' });

export const attestationSchema = z
  .object({
    criterion: z.string(),
    attestedBy: z.string(),
    attestedAt: timestamp,
    note: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
  })
  .meta({ id: 'Attestation' });

export const requirementCheckSchema = missingRequirementSchema
  .extend({ met: z.boolean() })
  .meta({ id: 'RequirementCheck' });

export const nextStageSchema = z
  .object({
    stage: z.string(),
    name: z.string(),
    ready: z.boolean(),
    checks: z.array(requirementCheckSchema),
    missing: z.array(missingRequirementSchema),
  })
  .meta({ id: 'NextStagePreview' });

export const milestoneSchema = z
  .object({
    milestone: z.string(),
    achievedAt: timestamp,
    recordedBy: z.string(),
    evidenceUrl: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'Milestone' });

export const opportunityViewSchema = z
  .object({
    opportunity: opportunitySchema,
    meddpicc: z.array(meddpiccEntrySchema),
    attestations: z.array(attestationSchema),
    milestones: z.array(milestoneSchema).describe('Win milestones recorded, in the order achieved'),
    renews: z
      .object({
        id: z.string(),
        startDate: z.string(),
        endDate: z.string(),
        tcvMinor: z.number().int(),
        currency: z.string(),
      })
      .nullable()
      .describe('The contract this deal renews (opened by the renewals run); null when none'),
    nextStage: nextStageSchema
      .nullable()
      .describe('What the deal still needs to move one stage forward; null once closed'),
    reachable: z
      .object({ stage: z.string(), name: z.string() })
      .nullable()
      .describe('The furthest stage the deal could move to now, through the gate; null when none'),
    permissions: opportunityPermissionsSchema,
  })
  .meta({ id: 'OpportunityView' });

export const gateSnapshotSchema = z
  .object({
    evaluatedAt: z.string(),
    actorId: z.string(),
    pipeline: z.string(),
    from: z.string(),
    to: z.string(),
    kind: z
      .enum(['advance', 'regress', 'close_won', 'close_lost', 'reopen', 'create', 'type_change', 'imported'])
      .describe(
        'create / type_change: the type-vs-customer check when a deal was created or retyped; imported: what an imported deal lacked for its stage',
      ),
    checks: z.array(requirementCheckSchema),
    meddpicc: z.record(z.string(), z.enum(MEDDPICC_LEVELS)),
    override: z.object({ by: z.string(), justification: z.string() }).nullable(),
    reason: z.string().nullable(),
    lossReason: z.string().nullable(),
    winningCompetitor: z.string().nullable(),
  })
  .meta({ id: 'GateSnapshot' });

export const stageChangedSchema = z
  .object({
    opportunity: opportunitySchema,
    gate: gateSnapshotSchema,
    contractId: z
      .string()
      .nullable()
      .describe(
        'The commit contract recorded from the chosen offer when the deal was won on its closing evidence',
      ),
  })
  .meta({ id: 'StageChanged' });

export const historyEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: timestamp,
    actorId: z.string(),
    requestId: z.string().nullable(),
    entityType: z.enum(ENTITY_TYPES),
    entityId: z.string(),
    opportunityId: z.string().nullable(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    gate: gateSnapshotSchema.nullable(),
  })
  .meta({ id: 'HistoryEvent' });

export const accountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    domain: z.string().nullable(),
    segment: z.enum(SEGMENTS),
    industry: z.string().nullable(),
    country: z.string().describe('ISO 3166-1 alpha-2'),
    subdivision: z.string().nullable().describe('ISO 3166-2 (state/province)'),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
    county: z.string().nullable().describe('The county territory metro rules may match'),
    ownerId: z.string().nullable(),
    csmId: z.string().nullable().describe("The account's CSM: owns its renewal deals (else the owner does)"),
    ownerPinned: z
      .boolean()
      .describe(
        'Created with an explicit owner other than the AE the territory model routed it to: activating a model keeps its owner',
      ),
    selfServeUsage: z.boolean(),
    awsAccountId: z.string().nullable().describe("The buyer's AWS account (12 digits)"),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Account' });

export const contactSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    title: z.string().nullable(),
    phone: z.string().nullable(),
    closingRoles: z
      .array(z.enum(CLOSING_ROLES))
      .describe('docusign_signer: signs the quote; aws_admin: accepts the AWS private offer'),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Contact' });

export const accountViewSchema = z
  .object({
    account: accountSchema,
    customer: customerStandingSchema.describe("The account's class today, from its contracts"),
    contacts: z.array(contactSchema),
    opportunities: z.array(opportunitySchema),
    dealTypes: z
      .array(z.object({ key: z.string(), name: z.string(), fits: z.boolean(), message: z.string() }))
      .describe("Every deal type, whether it suits this account's customer class today, and why"),
    permissions: accountPermissionsSchema,
    territory: routingSchema
      .nullable()
      .describe('How the active territory model routes the account, and why; null when no model is active'),
  })
  .meta({ id: 'AccountView' });

export const idParams = z.object({ id: z.string().min(1).max(64) });
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .describe(
      'Retry-safe creates: a retry with the same key and body returns the first answer (marked Idempotent-Replayed)',
    ),
});
