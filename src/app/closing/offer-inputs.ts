import { z } from 'zod';
import { MAX_OPTIONS, MAX_TERM_MONTHS } from '../../domain/closing/price-options.js';
import { PAYMENT_SCHEDULES } from '../../domain/playbook/closing-settings.js';
import { amountMinor, currency, id, isoDate, name, optionalText } from '../shared/fields.js';

/** The input schemas of the closing use cases, shared by the API and the CLI (the next slice's routes). */

const pricingOptionInput = z
  .object({
    name,
    termMonths: z.number().int().min(1).max(MAX_TERM_MONTHS).describe('Length of the commitment in months'),
    pricePerYearMinor: amountMinor.describe('Price per year, in minor units of the offer currency'),
    listPricePerYearMinor: amountMinor.describe('List price per year: the discount is measured against it'),
    paymentSchedule: z.enum(PAYMENT_SCHEDULES).describe("One of the playbook's closing.paymentSchedules"),
  })
  .strict();

/** A draft or an edit: every edit is a new version with these terms. */
export const offerTermsInput = z
  .object({
    currency,
    validUntil: isoDate.describe('The last day the offer holds'),
    notes: optionalText(4000).transform((value) => value ?? null),
    options: z.array(pricingOptionInput).min(1).max(MAX_OPTIONS),
  })
  .strict();
export type OfferTermsInput = z.infer<typeof offerTermsInput>;

const versionNumber = z.number().int().positive().describe('The offer version the caller read');

export const approvalDecisionInput = z
  .object({
    versionNumber,
    step: z.string().min(1).max(100).optional().describe('The step meant; absent: the one waiting'),
    decision: z.enum(['approve', 'reject']),
    comment: optionalText(2000).describe('Required to reject: what must change'),
  })
  .strict();
export type ApprovalDecisionInput = z.infer<typeof approvalDecisionInput>;

export const presentOfferInput = z.object({ versionNumber }).strict();
export type PresentOfferInput = z.infer<typeof presentOfferInput>;

export const chooseOptionInput = z
  .object({
    versionNumber,
    optionName: name,
    contactId: id.describe("The customer's contact who confirmed the choice"),
    confirmedAt: z.iso.datetime({ offset: true }).describe('When the customer confirmed'),
  })
  .strict();
export type ChooseOptionInput = z.infer<typeof chooseOptionInput>;

export const generateQuoteInput = z.object({ versionNumber }).strict();
export type GenerateQuoteInput = z.infer<typeof generateQuoteInput>;

export const listQuotesQuery = z
  .object({ offerId: id.optional().describe("Only this offer's quotes") })
  .strict();
export type ListQuotesQuery = z.infer<typeof listQuotesQuery>;

export const sendForSignatureInput = z
  .object({ quoteId: id.describe('The quote to send: the latest quote of the current, quoted version') })
  .strict();
export type SendForSignatureInput = z.infer<typeof sendForSignatureInput>;
