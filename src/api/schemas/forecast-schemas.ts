import { z } from 'zod';
import { COUNTED_CATEGORIES } from '../../domain/forecast/figures.js';
import { PERIOD_KINDS } from '../../domain/forecast/periods.js';
import { timestamp } from './record-schemas.js';

const decimalMinor = z
  .string()
  .regex(/^-?\d+$/)
  .describe('Company-currency minor units as a decimal string: exact however large the sum');

const byCategory = z
  .object(
    Object.fromEntries(COUNTED_CATEGORIES.map((category) => [category, decimalMinor])) as Record<
      (typeof COUNTED_CATEGORIES)[number],
      typeof decimalMinor
    >,
  )
  .meta({ id: 'ForecastCategorySums' });

export const forecastFiguresSchema = z
  .object({
    individual: byCategory.describe('Each category alone (Omitted left out)'),
    cumulative: byCategory.describe(
      'Closed; Commit = Closed + Commit; Best Case = Commit + Best Case; Pipeline = Best Case + Pipeline',
    ),
    weightedMinor: decimalMinor.describe("Open deals: amount × the stage's probability / 100"),
    quotaMinor: decimalMinor.nullable(),
    attainment: z.number().nullable().describe('Closed / quota (null without a quota)'),
    coverage: z
      .number()
      .nullable()
      .describe('Open pipeline / (quota − closed); null without a quota or once it is met'),
  })
  .meta({ id: 'ForecastFigures' });

export const forecastCallSchema = z
  .object({
    id: z.string(),
    periodKind: z.enum(PERIOD_KINDS),
    periodStart: z.string(),
    ownerId: z.string(),
    kind: z.enum(['submission', 'adjustment']),
    commitMinor: z.number().int(),
    bestCaseMinor: z.number().int(),
    note: z.string().nullable(),
    byUser: z.string(),
    at: timestamp,
    adjustsId: z
      .string()
      .nullable()
      .describe('The submission an adjustment adjusts (the latest at the time)'),
  })
  .meta({ id: 'ForecastCall' });

const periodFigures = z.object({ periodStart: z.string(), figures: forecastFiguresSchema });

const groupPeriodFigures = periodFigures.extend({
  calls: z
    .object({
      commitMinor: z.string(),
      bestCaseMinor: z.string(),
      called: z.number().int().describe('Owners with a standing call'),
      owners: z.number().int().describe('Owners in the sum'),
    })
    .describe(
      "The sum of the owners' standing calls (each owner's latest submission, or their RVP's adjustment when it came later), company-currency minor units",
    ),
});

export const forecastSchema = z
  .object({
    period: z.enum(PERIOD_KINDS),
    fiscalYearStartMonth: z.number().int(),
    companyCurrency: z.string(),
    periods: z.array(
      z.object({ kind: z.enum(PERIOD_KINDS), start: z.string(), end: z.string(), label: z.string() }),
    ),
    company: z.object({ periods: z.array(groupPeriodFigures) }),
    regions: z.array(
      z.object({
        region: z.string().nullable().describe("The owners' region (null: owners without one)"),
        rvps: z.array(z.object({ id: z.string(), name: z.string() })),
        ownerIds: z.array(z.string()),
        periods: z.array(groupPeriodFigures),
      }),
    ),
    owners: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        region: z.string().nullable(),
        mayAdjust: z.boolean().describe("Whether the caller may adjust this owner's calls (their RVP)"),
        periods: z.array(
          periodFigures.extend({
            latestSubmission: forecastCallSchema.nullable(),
            latestAdjustment: forecastCallSchema.nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Forecast' });

export const fxRatesSchema = z
  .object({
    companyCurrency: z.string(),
    rates: z.array(
      z.object({
        currency: z.string(),
        rate: z.string(),
        updatedBy: z.string(),
        updatedAt: timestamp,
        version: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'FxRates' });

export const quotasSchema = z
  .object({
    companyCurrency: z.string(),
    items: z.array(
      z.object({
        ownerId: z.string(),
        periodKind: z.enum(PERIOD_KINDS),
        periodStart: z.string(),
        amountMinor: z.number().int(),
        updatedBy: z.string(),
        updatedAt: timestamp,
        version: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Quotas' });
