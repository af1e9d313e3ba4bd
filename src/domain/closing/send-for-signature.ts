import { whoMay } from '../access/permissions.js';
import { type Principal, rightsOf } from '../access/principal.js';
import { ok, type Result } from '../result.js';
import type { EnvelopeEvidence } from './closing-evidence.js';
import { withCurrent } from './draft-offer.js';
import { currentVersion, type Offer, type OfferDeal, type OfferVersion } from './offer.js';
import { type OfferRefusal, refuse } from './offer-refusal.js';

/** The closing steps are Finance's: the holders of the right that issues quotes (VP Finance in both playbooks). */
export function checkFinance(principal: Principal, what: string): Result<null, OfferRefusal> {
  if (rightsOf(principal).issueQuotes) return ok(null);
  const who = whoMay((rights) => rights.issueQuotes);
  return refuse('not_quote_issuer', `${what} is Finance's, not a ${rightsOf(principal).label}'s. ${who}`);
}

const words = (version: OfferVersion) => version.status.replaceAll('_', ' ');

export interface QuoteToSign {
  id: string;
  number: string;
  versionNumber: number;
}

/** Finance, on an open deal: who sends and where, before the version and the quote. */
function checkSender(deal: OfferDeal, sender: Principal): Result<null, OfferRefusal> {
  const finance = checkFinance(sender, 'Sending a quote for signature');
  if (!finance.ok) return finance;
  if (!deal.open) return refuse('deal_closed', 'The deal is closed; quotes are signed on open deals.');
  return ok(null);
}

const notQuoted = (version: OfferVersion) =>
  refuse(
    'not_quoted',
    `Version ${version.number} is ${words(version)}; a quote is sent for signature once, from a quoted version.`,
  );

/**
 * Whether the quote may be sent for signature now: by Finance, on an open deal, the current version `quoted`
 * and the quote its latest one (`latestQuoteId`); a version sent already is refused (void the envelope first).
 */
export function checkSendable(
  offer: Offer,
  deal: OfferDeal,
  quote: QuoteToSign,
  latestQuoteId: string | null,
  sender: Principal,
): Result<OfferVersion, OfferRefusal> {
  const who = checkSender(deal, sender);
  if (!who.ok) return who;
  const version = currentVersion(offer);
  if (quote.versionNumber !== version.number)
    return refuse(
      'version_not_current',
      `Quote ${quote.number} is of version ${quote.versionNumber}, not of the current version ${version.number}.`,
    );
  if (version.status !== 'quoted') return notQuoted(version);
  if (latestQuoteId !== quote.id)
    return refuse(
      'quote_not_latest',
      `Quote ${quote.number} is not the latest quote of version ${version.number}.`,
    );
  return ok(version);
}

/** Whether the latest quote of the current version (null: none yet) may be sent now: the screens' question. */
export function checkLatestSendable(
  offer: Offer,
  deal: OfferDeal,
  latest: QuoteToSign | null,
  sender: Principal,
): Result<OfferVersion, OfferRefusal> {
  if (latest) return checkSendable(offer, deal, latest, latest.id, sender);
  const who = checkSender(deal, sender);
  if (!who.ok) return who;
  const version = currentVersion(offer);
  if (version.status !== 'quoted') return notQuoted(version);
  return refuse('quote_not_latest', `Version ${version.number} has no quote yet: generate it first.`);
}

/** The version sent: `sent_for_signature`, with the envelope on it. */
export function markSentForSignature(
  offer: Offer,
  version: OfferVersion,
  envelope: EnvelopeEvidence,
  now: Date,
): Offer {
  const evidence = { ...version.evidence, envelope };
  return withCurrent(offer, { ...version, status: 'sent_for_signature', evidence }, now);
}
