import { toMinor } from '../../../shared/money-input';

/**
 * The offer form's state and what it sends (pure). Amounts are typed in whole units of the offer's currency
 * and sent in minor units; the TCV and discount shown beside an option are the server's formulas (TCV = price
 * per year × months / 12; discount against list), for a hint while typing — the server computes the stored ones.
 */
export interface OptionDraft {
  name: string;
  termMonths: number | string;
  pricePerYear: number | string;
  listPricePerYear: number | string;
  paymentSchedule: string;
}

export interface OfferDraft {
  currency: string;
  validUntil: string;
  notes: string;
  options: OptionDraft[];
}

/** What the API takes for a draft or an edit (the offer terms). */
export interface OfferTermsBody {
  currency: string;
  validUntil: string;
  notes: string | null;
  options: {
    name: string;
    termMonths: number;
    pricePerYearMinor: number;
    listPricePerYearMinor: number;
    paymentSchedule: string;
  }[];
}

/** What a version says (the API's offer version has these fields), for an edit that starts from it. */
export type VersionTerms = OfferTermsBody;

const whole = (minor: number) => minor / 100;
const number = (value: number | string) => (value === '' ? Number.NaN : Number(value));

export const emptyOption = (paymentSchedule: string, index: number): OptionDraft => ({
  name: index === 0 ? 'Standard' : `Option ${index + 1}`,
  termMonths: 12,
  pricePerYear: '',
  listPricePerYear: '',
  paymentSchedule,
});

/** A new offer: one option, in the deal's currency, valid for 30 days from `today` (YYYY-MM-DD). */
export function newOfferDraft(currency: string, paymentSchedule: string, today: string): OfferDraft {
  const valid = new Date(`${today}T00:00:00Z`);
  valid.setUTCDate(valid.getUTCDate() + 30);
  return {
    currency,
    validUntil: valid.toISOString().slice(0, 10),
    notes: '',
    options: [emptyOption(paymentSchedule, 0)],
  };
}

/** An edit starts from the version's terms. */
export function draftFromVersion(version: VersionTerms): OfferDraft {
  return {
    currency: version.currency,
    validUntil: version.validUntil,
    notes: version.notes ?? '',
    options: version.options.map((option) => ({
      name: option.name,
      termMonths: option.termMonths,
      pricePerYear: whole(option.pricePerYearMinor),
      listPricePerYear: whole(option.listPricePerYearMinor),
      paymentSchedule: option.paymentSchedule,
    })),
  };
}

/**
 * What the form must say before it is sent, at the API's paths (`options[0].pricePerYearMinor`): every
 * amount and term typed, every option named. The server checks the rest (ranges, schedules, the validity
 * date) and its refusals land at the same paths.
 */
export function draftIssues(draft: OfferDraft): Record<string, string> {
  const issues: Record<string, string> = {};
  if (!draft.validUntil) issues.validUntil = 'Enter the last day the offer holds.';
  draft.options.forEach((option, index) => {
    const at = `options[${index}]`;
    if (!option.name.trim()) issues[`${at}.name`] = 'Name the option, e.g. “3 years, upfront”.';
    const months = number(option.termMonths);
    if (!Number.isInteger(months) || months < 1)
      issues[`${at}.termMonths`] = 'Enter the term in whole months.';
    if (toMinor(option.pricePerYear) === null)
      issues[`${at}.pricePerYearMinor`] = 'Enter the price per year.';
    if (toMinor(option.listPricePerYear) === null)
      issues[`${at}.listPricePerYearMinor`] = 'Enter the list price per year.';
  });
  return issues;
}

/** The body to send, once draftIssues finds nothing. */
export function termsBody(draft: OfferDraft): OfferTermsBody {
  return {
    currency: draft.currency,
    validUntil: draft.validUntil,
    notes: draft.notes.trim() || null,
    options: draft.options.map((option) => ({
      name: option.name.trim(),
      termMonths: number(option.termMonths),
      pricePerYearMinor: toMinor(option.pricePerYear) ?? 0,
      listPricePerYearMinor: toMinor(option.listPricePerYear) ?? 0,
      paymentSchedule: option.paymentSchedule,
    })),
  };
}

/** The hint beside an option: its TCV in minor units and its discount in percent, or null while incomplete. */
export function optionHint(option: OptionDraft): { tcvMinor: number; discountPercent: number | null } | null {
  const price = toMinor(option.pricePerYear);
  const months = number(option.termMonths);
  if (price === null || !Number.isInteger(months) || months < 1) return null;
  const tcvMinor = Math.floor((price * months + 6) / 12);
  const list = toMinor(option.listPricePerYear);
  const discountPercent = list ? Math.trunc(((list - price) / list) * 10_000) / 100 : null;
  return { tcvMinor, discountPercent };
}

/**
 * The instant a datetime-local value (minutes) stands for. A confirmation typed in the minute of the
 * presentation is taken as just now (the field has no seconds, and the customer confirmed after it was shown).
 */
export function confirmedInstant(value: string, presentedAt: string | null, now = new Date()): string {
  const instant = new Date(value);
  const presented = presentedAt ? new Date(presentedAt) : null;
  if (presented && instant < presented && presented.getTime() - instant.getTime() < 60_000)
    return (now > presented ? now : presented).toISOString();
  return instant.toISOString();
}
