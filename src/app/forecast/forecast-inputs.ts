import { z } from 'zod';
import { RATE_PATTERN } from '../../domain/forecast/currency.js';
import { PERIOD_KINDS } from '../../domain/forecast/periods.js';
import { amountMinor, currency, id, isoDate } from '../shared/fields.js';

export const periodKind = z.enum(PERIOD_KINDS).describe('month, (fiscal) quarter or fiscal year');

/** The most periods one forecast answer spans (e.g. five years of months). */
export const MAX_FORECAST_PERIODS = 60;

export const forecastQuery = z
  .object({
    period: periodKind.default('quarter'),
    from: isoDate.describe('A day in the first period'),
    to: isoDate.describe('A day in the last period'),
  })
  .strict();
export type ForecastQuery = z.infer<typeof forecastQuery>;

export const fxRate = z
  .object({
    currency,
    rate: z
      .string()
      .regex(RATE_PATTERN, 'a positive decimal such as 1.0845 (at most 12 decimals)')
      .refine((rate) => Number(rate) > 0, 'must be greater than 0')
      .describe('Units of the company currency one unit of this currency is worth'),
  })
  .strict();

export const setFxRatesInput = z
  .object({ rates: z.array(fxRate).max(200).describe('The whole table: currencies left out are removed') })
  .strict();
export type SetFxRatesInput = z.infer<typeof setFxRatesInput>;

export const quotaInput = z
  .object({ ownerId: id, periodKind, periodStart: isoDate.describe('First day of the period'), amountMinor })
  .strict();
export const setQuotasInput = z
  .object({ quotas: z.array(quotaInput).min(1).max(1000).describe('Quotas to set; others stay as they are') })
  .strict();
export type SetQuotasInput = z.infer<typeof setQuotasInput>;

export const quotasQuery = z
  .object({ period: periodKind.default('quarter'), from: isoDate, to: isoDate })
  .strict();
export type QuotasQuery = z.infer<typeof quotasQuery>;

const callFields = {
  periodKind,
  periodStart: isoDate.describe('First day of the period'),
  commitMinor: amountMinor.describe('Commit call in company-currency minor units'),
  bestCaseMinor: amountMinor.describe('Best-case call in company-currency minor units'),
};

export const submitForecastInput = z
  .object({ ...callFields, note: z.string().trim().max(2000).optional() })
  .strict();
export type SubmitForecastInput = z.infer<typeof submitForecastInput>;

export const adjustForecastInput = z
  .object({
    ...callFields,
    ownerId: id.describe('The owner whose call is adjusted'),
    note: z.string().trim().min(1, 'an adjustment needs a note').max(2000),
  })
  .strict();
export type AdjustForecastInput = z.infer<typeof adjustForecastInput>;

export const forecastCallsQuery = z
  .object({
    period: periodKind.default('quarter'),
    periodStart: isoDate.describe('First day of the period'),
    ownerId: id.optional(),
  })
  .strict();
export type ForecastCallsQuery = z.infer<typeof forecastCallsQuery>;
