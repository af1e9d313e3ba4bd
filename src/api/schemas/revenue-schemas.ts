import { z } from 'zod';
import { PERIOD_KINDS } from '../../domain/forecast/periods.js';
import { BOOKING_BUCKETS } from '../../domain/revenue/bookings.js';

const decimalMinor = z
  .string()
  .regex(/^-?\d+$/)
  .describe('Company-currency minor units as a decimal string');
const count = z.number().int();
const ratio = z.number().nullable();
const bookingBucket = z.enum(BOOKING_BUCKETS);

const retentionSchema = z
  .object({
    from: z.string().describe('The day the cohort is taken (first day)'),
    to: z.string().describe('The day the cohort is measured again (last day)'),
    startingMinor: decimalMinor.describe(
      'Annual recurring value on `from` of the accounts with a commit contract in force then (the cohort); a contract is worth TCV × 365 / its term in days',
    ),
    churnMinor: decimalMinor.describe('Starting value of cohort accounts with nothing in force on `to`'),
    contractionMinor: decimalMinor.describe('How much less cohort accounts worth less on `to` are worth'),
    expansionMinor: decimalMinor.describe('How much more cohort accounts worth more on `to` are worth'),
    retainedMinor: decimalMinor.describe(
      'Σ min(value on `to`, value on `from`) = starting − churn − contraction',
    ),
    endingMinor: decimalMinor.describe("The cohort's value on `to` = retained + expansion"),
    newMinor: decimalMinor.describe('Value on `to` of accounts not in the cohort: left out of both ratios'),
    cohortAccounts: count,
    churnedAccounts: count,
    contractedAccounts: count,
    expandedAccounts: count,
    newAccounts: count,
    grr: ratio.describe(
      'Gross revenue retention, retained / starting (0.752 = 75.2%); null without a cohort',
    ),
    nrr: ratio.describe('Net revenue retention, ending / starting; null without a cohort'),
  })
  .meta({ id: 'RevenueRetention' });

const bookingsSchema = z
  .object({
    totalMinor: decimalMinor,
    deals: count.describe('Won deals'),
    byCategory: z
      .object(
        Object.fromEntries(BOOKING_BUCKETS.map((bucket) => [bucket, decimalMinor])) as Record<
          (typeof BOOKING_BUCKETS)[number],
          typeof decimalMinor
        >,
      )
      .describe("By the type's bookingCategory in the playbook; uncategorised without one"),
    byType: z.array(
      z.object({
        type: z.string(),
        name: z.string(),
        category: bookingBucket,
        amountMinor: decimalMinor,
        deals: count,
      }),
    ),
  })
  .meta({ id: 'RevenueBookings' });

export const revenueSchema = z
  .object({
    period: z.enum(PERIOD_KINDS),
    fiscalYearStartMonth: z.number().int(),
    companyCurrency: z.string(),
    keepsContracts: z.boolean().describe('Whether the playbook keeps contracts (retention needs them)'),
    scope: z
      .object({
        allWonDeals: z.boolean().describe('Bookings count every won deal (else only those you may read)'),
        allAccounts: z
          .boolean()
          .describe("Retention counts every account's contracts (else those you may read)"),
      })
      .describe('What the figures cover for the caller'),
    periods: z.array(
      z.object({
        kind: z.enum(PERIOD_KINDS),
        start: z.string(),
        end: z.string(),
        label: z.string(),
        bookings: bookingsSchema.describe('Deals won in the period (by the day they were won)'),
        retention: retentionSchema.describe("From the period's first day to its last"),
      }),
    ),
    range: retentionSchema.describe("From the first period's first day to the last period's last day"),
  })
  .meta({ id: 'Revenue' });
