import { z } from 'zod';
import { territoryModelSchema } from '../../app/territory/territory-schema.js';
import { SEGMENTS } from '../../domain/account/account.js';
import { coverageReportSchema } from './coverage-schema.js';
import { timestamp } from './record-schemas.js';

const person = z.object({ id: z.string(), name: z.string() });

export const territoryModelSummarySchema = z
  .object({
    id: z.string(),
    version: z.number().int().describe('1, 2, 3… in the order versions were created'),
    name: z.string(),
    status: z.enum(['draft', 'active', 'archived']).describe('At most one version is active'),
    rowVersion: z.number().int().describe('Send it back with an edit or an activation (409 when stale)'),
    createdAt: timestamp,
    createdBy: person.nullable().describe('null: the system (CLI, seed)'),
    activatedAt: timestamp.nullable(),
    activatedBy: person.nullable(),
    archivedAt: timestamp.nullable(),
  })
  .meta({ id: 'TerritoryModelSummary' });

export const territoryModelDetailSchema = territoryModelSummarySchema
  .extend({
    model: territoryModelSchema.describe(
      'The model: regions, territories and their rules, country sets, exclusions',
    ),
    coverage: coverageReportSchema,
    people: z
      .array(
        z.object({
          email: z.string(),
          role: z.enum(['ae', 'rvp']),
          territories: z.array(z.string()).describe("An AE's territory keys; an RVP's region keys"),
          userId: z.string().nullable(),
          name: z.string().nullable(),
          problem: z
            .string()
            .nullable()
            .describe(
              'e.g. "no active user with this e-mail", "is a Customer Success Manager, not an Account Executive"',
            ),
        }),
      )
      .describe(
        'The AEs and RVPs the model names, against the users (activation needs every one to resolve)',
      ),
    map: z
      .array(
        z.object({
          geography: z.string().describe('A country code, a subdivision code, or US-CA/metro:Bay Area'),
          name: z.string(),
          level: z.enum(['country', 'subdivision', 'metro']),
          country: z.string().describe('ISO 3166-1 alpha-2'),
          segment: z.enum(SEGMENTS),
          territory: z.string().nullable(),
          territoryName: z.string().nullable(),
          ae: z.object({ email: z.string(), name: z.string().nullable() }).nullable(),
          region: z.string().nullable(),
          because: z.string().describe('The hover text: the rule that fired, or why none'),
        }),
      )
      .describe('One entry per leaf geography × segment: what the map colours'),
  })
  .meta({ id: 'TerritoryModelDetail' });

const maybePerson = person.nullable();

export const reassignmentPreviewSchema = z
  .object({
    coverage: coverageReportSchema,
    canActivate: z.boolean(),
    refusals: z.array(z.string()).describe('Why it may not be activated, in words: gaps, overlaps, people'),
    accounts: z.object({
      total: z.number().int(),
      moving: z.number().int(),
      unchanged: z.number().int(),
      kept: z.number().int().describe('Pinned, or not routable: they keep their owner'),
    }),
    deals: z
      .object({
        moving: z
          .number()
          .int()
          .describe('Open deals owned by an AE on moving accounts: they follow the new AE'),
        keptCsm: z
          .number()
          .int()
          .describe('Open deals on moving accounts owned by a CSM (renewals) or anyone not an AE: kept'),
        closedUnchanged: z
          .number()
          .int()
          .describe('Closed deals on moving accounts: closed deals never move'),
      })
      .describe('Of the deals on moving accounts'),
    perOwner: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        accountsGained: z.number().int(),
        accountsLost: z.number().int(),
        dealsGained: z.number().int(),
        dealsLost: z.number().int(),
      }),
    ),
    accountChanges: z
      .array(
        z.object({
          accountId: z.string(),
          accountName: z.string(),
          from: maybePerson,
          to: person,
          territory: z.string(),
          because: z.string(),
        }),
      )
      .describe('The first 500 (the totals count all)'),
    dealChanges: z
      .array(
        z.object({
          opportunityId: z.string(),
          opportunityName: z.string(),
          accountName: z.string(),
          from: maybePerson,
          to: person,
        }),
      )
      .describe('The first 500'),
    keptAccounts: z
      .array(
        z.object({ accountId: z.string(), accountName: z.string(), owner: maybePerson, reason: z.string() }),
      )
      .describe('The first 500'),
  })
  .meta({ id: 'ReassignmentPreview' });

export const activationSchema = z
  .object({
    model: territoryModelSummarySchema,
    accountsMoved: z.number().int(),
    dealsMoved: z.number().int(),
  })
  .meta({ id: 'TerritoryActivation' });
