import type { ClosingSettings } from '../playbook/closing-settings.js';
import { ok, type Result } from '../result.js';
import type { OfferTerms, PricingOption, PricingOptionTerms } from './offer.js';
import { type OfferRefusal, refuse, type TermsIssue } from './offer-refusal.js';

/** The money range of one amount (the same bound as every amount field: decision 011). */
const MAX_MINOR = 999_999_999_999_999n;
export const MAX_OPTIONS = 10;
export const MAX_TERM_MONTHS = 120;

/** TCV of an option: price per year × months / 12, rounded half up to a minor unit, exact (BigInt). */
export function tcvOf(option: Pick<PricingOptionTerms, 'pricePerYearMinor' | 'termMonths'>): bigint {
  return (BigInt(option.pricePerYearMinor) * BigInt(option.termMonths) + 6n) / 12n;
}

/** Discount against list in basis points, truncated toward zero; 0 when the list price is 0. */
export function discountBasisPointsOf(option: PricingOptionTerms): number {
  const list = BigInt(option.listPricePerYearMinor);
  if (list === 0n) return 0;
  return Number(((list - BigInt(option.pricePerYearMinor)) * 10_000n) / list);
}

/** Whether the option's discount against list is strictly above `percent` (exact, to a hundredth of a percent). */
export function discountAbove(option: PricingOptionTerms, percent: number): boolean {
  const list = BigInt(option.listPricePerYearMinor);
  if (list === 0n) return false;
  return (list - BigInt(option.pricePerYearMinor)) * 10_000n > BigInt(Math.round(percent * 100)) * list;
}

/** The option's discount as people read it, to four decimals: "16.6667%". */
export function discountWords(option: PricingOptionTerms): string {
  const list = option.listPricePerYearMinor;
  const share = list === 0 ? 0 : ((list - option.pricePerYearMinor) / list) * 100;
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(share)}%`;
}

function optionIssues(option: PricingOptionTerms, at: string, settings: ClosingSettings): TermsIssue[] {
  const issues: TermsIssue[] = [];
  if (!Number.isInteger(option.termMonths) || option.termMonths < 1 || option.termMonths > MAX_TERM_MONTHS)
    issues.push({
      path: `${at}.termMonths`,
      message: `a whole number of months from 1 to ${MAX_TERM_MONTHS}`,
    });
  for (const field of ['pricePerYearMinor', 'listPricePerYearMinor'] as const) {
    const value = option[field];
    if (!Number.isSafeInteger(value) || value < 0 || BigInt(value) > MAX_MINOR)
      issues.push({
        path: `${at}.${field}`,
        message: 'an integer amount in minor units within the money range',
      });
  }
  if (option.listPricePerYearMinor === 0 && option.pricePerYearMinor > 0)
    issues.push({
      path: `${at}.listPricePerYearMinor`,
      message: 'the list price the discount is measured against',
    });
  if (!settings.paymentSchedules.includes(option.paymentSchedule)) {
    const allowed = settings.paymentSchedules.join(', ');
    const message = `"${option.paymentSchedule}" is not a payment schedule of the playbook (${allowed})`;
    issues.push({ path: `${at}.paymentSchedule`, message });
  }
  if (issues.length === 0 && tcvOf(option) > MAX_MINOR)
    issues.push({
      path: `${at}.termMonths`,
      message: 'the TCV (price per year × term) is beyond the money range',
    });
  return issues;
}

/**
 * Checks an offer's terms against the playbook and the day (`today`, YYYY-MM-DD) and prices each option; every
 * problem is named at its field.
 */
export function priceOffer(
  terms: OfferTerms,
  settings: ClosingSettings,
  today: string,
): Result<PricingOption[], OfferRefusal> {
  const issues: TermsIssue[] = [];
  if (terms.options.length === 0) issues.push({ path: 'options', message: 'at least one pricing option' });
  if (terms.options.length > MAX_OPTIONS)
    issues.push({ path: 'options', message: `at most ${MAX_OPTIONS} pricing options` });
  const names = new Set<string>();
  terms.options.forEach((option, index) => {
    const name = option.name.trim().toLowerCase();
    if (name === '') issues.push({ path: `options.${index}.name`, message: 'must not be empty' });
    else if (names.has(name))
      issues.push({ path: `options.${index}.name`, message: `another option is named "${option.name}"` });
    names.add(name);
    issues.push(...optionIssues(option, `options.${index}`, settings));
  });
  if (terms.validUntil < today)
    issues.push({ path: 'validUntil', message: `the offer would already have expired (today is ${today})` });
  if (issues.length > 0) {
    const message = `The offer is not complete: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}.`;
    return refuse('invalid_terms', message, issues);
  }
  return ok(
    terms.options.map((option) => ({
      ...option,
      name: option.name.trim(),
      tcvMinor: Number(tcvOf(option)),
      discountBasisPoints: discountBasisPointsOf(option),
    })),
  );
}
