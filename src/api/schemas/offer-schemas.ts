import { z } from 'zod';
import type { PendingApprovals } from '../../app/closing/list-pending-approvals.js';
import type { OfferView } from '../../app/closing/offer-view.js';
import { ROLES } from '../../domain/access/roles.js';
import { AWS_OFFER_STATUSES, OFFER_STATUSES } from '../../domain/closing/offer.js';
import type { OfferPermissions } from '../../domain/closing/offer-permissions.js';
import { APPROVER_SCOPES, PAYMENT_SCHEDULES } from '../../domain/playbook/closing-settings.js';
import { permissionSchema } from './permission-schemas.js';
import { timestamp } from './record-schemas.js';

/** The response schemas of offers and approvals (decision 013). Money in integer minor units. */

export const pricingOptionSchema = z
  .object({
    name: z.string(),
    termMonths: z.number().int(),
    pricePerYearMinor: z.number().int(),
    listPricePerYearMinor: z.number().int(),
    paymentSchedule: z.enum(PAYMENT_SCHEDULES),
    tcvMinor: z.number().int().describe('Derived: price per year × term in years, rounded half up'),
    discountBasisPoints: z
      .number()
      .int()
      .describe('Derived: discount against list in basis points (1500 = 15%); negative above list'),
  })
  .meta({ id: 'PricingOption' });

export const resolvedStepSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    scope: z.enum(APPROVER_SCOPES),
    region: z.string().nullable().describe("deal_region steps: the deal's region (null: the owner has none)"),
    appliesBecause: z.string().describe('"every offer", or the threshold an option is above'),
  })
  .meta({ id: 'ApprovalStep', description: 'A step of the chain, as resolved for the version' });

const approvalDecisionSchema = z
  .object({
    stepKey: z.string(),
    stepIndex: z.number().int(),
    decision: z.enum(['approved', 'rejected']),
    decidedBy: z.string(),
    decidedRole: z.enum(ROLES),
    decidedAt: timestamp,
    comment: z.string().nullable(),
  })
  .meta({ id: 'ApprovalDecision' });

const chosenOptionSchema = z
  .object({
    optionName: z.string(),
    confirmedByContactId: z.string().describe("The customer's contact who confirmed the choice"),
    confirmedAt: timestamp,
    recordedBy: z.string(),
    recordedAt: timestamp,
  })
  .meta({ id: 'ChosenOption' });

const pendingStepSchema = resolvedStepSchema
  .extend({
    index: z.number().int().describe('0-based position in the chain'),
    waiting: z.boolean().describe('The step a decision is waited for now'),
    approvers: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe('Who may act on it: holders of the role (of the region), not the author or the deal owner'),
  })
  .meta({ id: 'PendingApprovalStep' });

const envelopeEvidenceSchema = z
  .object({
    quoteId: z.string(),
    quoteNumber: z.string(),
    envelopeId: z.string().describe('The DocuSign envelope the quote was sent in'),
    signerContactId: z.string(),
    sentBy: z.string(),
    sentAt: z.string(),
    envelopeStatus: z.enum(['sent', 'delivered', 'completed', 'declined', 'voided']),
    completedAt: z.string().nullable().describe('When the envelope was completed: the signed-quote evidence'),
    endedReason: z.string().nullable().describe('Why the last envelope ended unsigned (declined, voided)'),
  })
  .meta({ id: 'EnvelopeEvidence' });

const awsOfferEvidenceSchema = z
  .object({
    buyerAwsAccountId: z.string(),
    adminContactId: z.string(),
    createChangeSetId: z.string(),
    marketplaceOfferId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    releaseChangeSetId: z.string().nullable(),
    releasedAt: z.string().nullable(),
    agreementId: z
      .string()
      .nullable()
      .describe('The agreement of the acceptance: the offer-acceptance evidence'),
    agreementStart: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    agreementEndedAt: z.string().nullable(),
  })
  .meta({ id: 'AwsOfferEvidence' });

const closingEvidenceSchema = z
  .object({ envelope: envelopeEvidenceSchema.nullable(), awsOffer: awsOfferEvidenceSchema.nullable() })
  .meta({ id: 'ClosingEvidence' });

const offerVersionSchema = z
  .object({
    number: z.number().int(),
    status: z.enum(OFFER_STATUSES),
    awsOfferStatus: z.enum(AWS_OFFER_STATUSES),
    currency: z.string(),
    validUntil: z.string().describe('The last day the offer holds (YYYY-MM-DD)'),
    notes: z.string().nullable(),
    options: z.array(pricingOptionSchema),
    basedOn: z.number().int().nullable().describe('The version this one was made from'),
    origin: z.enum(['drafted', 'revised', 'rejected']),
    createdBy: z.string().describe('The author (may not approve it)'),
    createdAt: timestamp,
    chain: z.array(resolvedStepSchema).nullable().describe('Resolved at submission; null while a draft'),
    submittedBy: z.string().nullable(),
    submittedAt: timestamp.nullable(),
    decisions: z.array(approvalDecisionSchema),
    presentedBy: z.string().nullable(),
    presentedAt: timestamp.nullable(),
    chosen: chosenOptionSchema.nullable(),
    evidence: closingEvidenceSchema,
    approvedSteps: z.number().int().describe('In approval, step k of n waits: k = approvedSteps + 1'),
    totalSteps: z.number().int(),
    pending: z
      .array(pendingStepSchema)
      .describe('Current version only: the steps still to decide (a draft: those its submission needs)'),
  })
  .meta({ id: 'OfferVersion' });

const offerPermissionsSchema = z
  .object({
    revise: permissionSchema.describe('Make a new version (not while in approval or in closing)'),
    submit: permissionSchema.describe('Submit the current draft for approval'),
    decide: permissionSchema.describe('Approve or reject the step waiting'),
    present: permissionSchema.describe('Record that the approved version was presented'),
    choose: permissionSchema.describe("Record the customer's chosen option"),
    quote: permissionSchema.describe('Generate the quote of the chosen option (Finance)'),
    sign: permissionSchema.describe(
      "Send the current version's latest quote for signature to the account's DocuSign signer (Finance; " +
        'refused with the variables to set where DocuSign is not configured)',
    ),
    createAwsOffer: permissionSchema.describe(
      "Create the AWS Marketplace private offer of the chosen option for the buyer's AWS account (Finance)",
    ),
    releaseAwsOffer: permissionSchema.describe('Release the created private offer to the buyer (Finance)'),
  })
  .meta({
    id: 'OfferPermissions',
    description: 'What the caller may do with the offer now, by the rules the server enforces',
  }) satisfies z.ZodType<OfferPermissions>;

const closingPartySchema = z
  .object({ contactId: z.string(), name: z.string(), email: z.string().nullable() })
  .meta({ id: 'ClosingParty' });

const offerPartiesSchema = z
  .object({
    accountId: z.string(),
    accountName: z.string(),
    signer: closingPartySchema
      .nullable()
      .describe("The account's DocuSign signer the quote goes to (null: none with an email address)"),
    awsAdmin: closingPartySchema
      .nullable()
      .describe("The account's AWS admin who accepts the private offer (null: none with an email address)"),
    buyerAwsAccountId: z.string().nullable().describe("The buyer's AWS account the private offer targets"),
  })
  .meta({ id: 'OfferParties', description: "Who is on the closing path of the deal's account" });

export const offerViewSchema = z
  .object({
    id: z.string(),
    opportunityId: z.string(),
    createdBy: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z
      .number()
      .int()
      .describe('Concurrency version (the ETag); send it as If-Match to change the offer'),
    currentVersion: z.number().int().describe('The number of the last version'),
    versions: z.array(offerVersionSchema).describe('Oldest first; the last is the current one'),
    permissions: offerPermissionsSchema,
    parties: offerPartiesSchema,
  })
  .meta({ id: 'Offer' }) satisfies z.ZodType<OfferView, unknown>;

export const offerListSchema = z.object({ items: z.array(offerViewSchema) }).meta({ id: 'OfferList' });

export const pendingApprovalsSchema = z
  .object({
    items: z.array(
      z.object({
        offerId: z.string(),
        offerVersion: z.number().int().describe("The offer's concurrency version: send it as If-Match"),
        versionNumber: z.number().int().describe('The version to name in the decision'),
        step: resolvedStepSchema.extend({ index: z.number().int() }),
        approvedSteps: z.number().int(),
        totalSteps: z.number().int(),
        waitingSince: timestamp.describe('The submission, or the approval of the step before'),
        submittedBy: z.string(),
        currency: z.string(),
        validUntil: z.string(),
        options: z.array(pricingOptionSchema),
        deal: z.object({
          id: z.string(),
          name: z.string(),
          pipeline: z.string(),
          stage: z.string(),
          amountMinor: z.number().int(),
          currency: z.string(),
          ownerId: z.string(),
          ownerName: z.string(),
          accountId: z.string(),
          accountName: z.string(),
        }),
      }),
    ),
    total: z.number().int().describe('How many wait for the caller'),
  })
  .meta({ id: 'PendingApprovals' }) satisfies z.ZodType<PendingApprovals, unknown>;

export const pendingApprovalCountSchema = z
  .object({ total: z.number().int().describe('How many offer versions wait for a decision by the caller') })
  .meta({ id: 'PendingApprovalCount' });
