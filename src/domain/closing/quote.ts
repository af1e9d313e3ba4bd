import { whoMay } from '../access/permissions.js';
import { type Principal, rightsOf } from '../access/principal.js';
import { ok, type Result } from '../result.js';
import { dayOf, withCurrent } from './draft-offer.js';
import {
  currentVersion,
  type Offer,
  type OfferDeal,
  type OfferVersion,
  type PricingOption,
} from './offer.js';
import { type OfferRefusal, refuse } from './offer-refusal.js';
import { type Installment, paymentPlan } from './payment-plan.js';
import { tcvOf } from './price-options.js';

/**
 * The formal quote (the spec's step 3, VP Finance): the chosen option of an offer version, as a document to
 * sign. Quotes are immutable; making another one (a regenerated quote) gives it a new number.
 */

/** A party of the quote: its name and the lines that say where and who it is. */
export interface QuoteParty {
  name: string;
  details: string[];
}

/** One approval of the version's chain: the step, who approved it, when. */
export interface QuoteApproval {
  step: string;
  approver: string;
  decidedAt: Date;
}

export interface QuoteDocument {
  id: string;
  /** Human-readable and unique: Q-2026-000123 (formatQuoteNumber). */
  number: string;
  offerId: string;
  opportunityId: string;
  versionNumber: number;
  dealName: string;
  issuedAt: Date;
  issuedBy: { id: string; name: string };
  seller: QuoteParty;
  customer: QuoteParty;
  currency: string;
  option: PricingOption;
  payments: Installment[];
  totals: { listTcvMinor: bigint; discountMinor: bigint; tcvMinor: number };
  /** The last day the quote holds: the version's validity (YYYY-MM-DD). */
  validUntil: string;
  notes: string | null;
  approvals: QuoteApproval[];
}

/** Q-<year>-<sequence, at least 6 digits>: the year the quote was issued and its place among that year's quotes. */
export function formatQuoteNumber(year: number, sequence: number): string {
  return `Q-${year}-${String(sequence).padStart(6, '0')}`;
}

/** What a quote can be made from: the offer's current version and the option its customer chose. */
export interface Quotable {
  version: OfferVersion;
  option: PricingOption;
}

/**
 * Whether the issuer may make a quote of version `versionNumber` now: a holder of the `issueQuotes` right (VP
 * Finance), on the current version of an open deal, once the customer chose an option (or again, while quoted:
 * a new quote with a new number), before the version expires.
 */
export function checkQuotable(
  offer: Offer,
  deal: OfferDeal,
  versionNumber: number,
  issuer: Principal,
  now: Date,
): Result<Quotable, OfferRefusal> {
  if (!rightsOf(issuer).issueQuotes) {
    const who = whoMay((rights) => rights.issueQuotes);
    return refuse(
      'not_quote_issuer',
      `Quotes are issued by Finance, not by a ${rightsOf(issuer).label}. ${who}`,
    );
  }
  const version = currentVersion(offer);
  if (versionNumber !== version.number) {
    const message = `Version ${versionNumber} is not the current one (version ${version.number} is); a quote is made from the current version.`;
    return refuse('version_not_current', message);
  }
  if (!deal.open) return refuse('deal_closed', 'The deal is closed; quotes are made on open deals.');
  if (version.status === 'sent_for_signature' || version.status === 'signed')
    return refuse(
      'offer_in_closing',
      `Version ${version.number} is ${version.status.replaceAll('_', ' ')}; its quote is final.`,
    );
  const chosen = version.chosen;
  if (!chosen || (version.status !== 'option_chosen' && version.status !== 'quoted'))
    return refuse(
      'no_option_chosen',
      `Version ${version.number} is ${version.status.replaceAll('_', ' ')}: a quote needs the option the customer chose (present the offer and record the choice first).`,
    );
  if (version.validUntil < dayOf(now))
    return refuse(
      'offer_expired',
      `Version ${version.number} expired on ${version.validUntil}; revise it (and have it approved) again.`,
    );
  const option = version.options.find((candidate) => candidate.name === chosen.optionName);
  if (!option)
    throw new Error(`offer ${offer.id} v${version.number}: chosen option ${chosen.optionName} is gone`);
  return ok({ version, option });
}

/** The facts around the offer that a quote names: its number and id, the parties, and people's names. */
export interface QuoteFacts {
  id: string;
  number: string;
  dealName: string;
  seller: QuoteParty;
  customer: QuoteParty;
  issuedBy: { id: string; name: string };
  /** The names of the people who decided the version's steps, by user id. */
  names: ReadonlyMap<string, string>;
}

/** The quote of a quotable version, and the offer with that version `quoted`. */
export function issueQuote(
  offer: Offer,
  { version, option }: Quotable,
  facts: QuoteFacts,
  now: Date,
): { offer: Offer; quote: QuoteDocument } {
  const listTcvMinor = tcvOf({
    pricePerYearMinor: option.listPricePerYearMinor,
    termMonths: option.termMonths,
  });
  const approvals = version.decisions
    .filter((decision) => decision.decision === 'approved')
    .map((decision) => ({
      step: version.chain?.[decision.stepIndex]?.name ?? decision.stepKey,
      approver: facts.names.get(decision.decidedBy) ?? decision.decidedBy,
      decidedAt: decision.decidedAt,
    }));
  const quote: QuoteDocument = {
    id: facts.id,
    number: facts.number,
    offerId: offer.id,
    opportunityId: offer.opportunityId,
    versionNumber: version.number,
    dealName: facts.dealName,
    issuedAt: now,
    issuedBy: facts.issuedBy,
    seller: facts.seller,
    customer: facts.customer,
    currency: version.currency,
    option,
    payments: paymentPlan(option),
    totals: {
      listTcvMinor,
      discountMinor: listTcvMinor - BigInt(option.tcvMinor),
      tcvMinor: option.tcvMinor,
    },
    validUntil: version.validUntil,
    notes: version.notes,
    approvals,
  };
  return { offer: withCurrent(offer, { ...version, status: 'quoted' }, now), quote };
}
