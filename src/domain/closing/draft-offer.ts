import { findPipeline, openStages } from '../playbook/lookup.js';
import type { Playbook } from '../playbook/playbook.js';
import { ok, type Result } from '../result.js';
import { approvalProgress } from './approval-chain.js';
import { NO_EVIDENCE } from './closing-evidence.js';
import {
  currentVersion,
  type Offer,
  type OfferDeal,
  type OfferTerms,
  type OfferVersion,
  type PricingOption,
} from './offer.js';
import { type OfferRefusal, refuse } from './offer-refusal.js';
import { priceOffer } from './price-options.js';

type Decided = Result<Offer, OfferRefusal>;

export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** Whether the deal is where the playbook lets offers be made: open, at or past its pipeline's `offersFrom` stage. */
export function checkOfferStage(playbook: Playbook, deal: OfferDeal): Result<null, OfferRefusal> {
  const from = playbook.closing?.offersFrom[deal.pipeline];
  const pipeline = findPipeline(playbook, deal.pipeline);
  if (!from || !pipeline) {
    const message = `The ${pipeline?.name ?? deal.pipeline} pipeline makes no offers in this playbook (closing.offersFrom).`;
    return refuse('no_offers_in_pipeline', message);
  }
  if (!deal.open) return refuse('deal_closed', 'The deal is closed; offers are made on open deals.');
  const stages = openStages(pipeline);
  const at = stages.findIndex((stage) => stage.key === deal.stage);
  const first = stages.findIndex((stage) => stage.key === from);
  if (at < first) {
    const fromName = stages[first]?.name ?? from;
    const atName = stages[at]?.name ?? deal.stage;
    return refuse('stage_too_early', `Offers are made from ${fromName} on; the deal is at ${atName}.`);
  }
  return ok(null);
}

export function newVersion(
  base: Pick<OfferVersion, 'number' | 'basedOn' | 'origin' | 'createdBy' | 'createdAt'>,
  terms: Omit<OfferTerms, 'options'>,
  options: PricingOption[],
): OfferVersion {
  return {
    ...base,
    status: 'draft',
    awsOfferStatus: 'none',
    currency: terms.currency,
    validUntil: terms.validUntil,
    notes: terms.notes,
    options,
    chain: null,
    submittedBy: null,
    submittedAt: null,
    decisions: [],
    presentedBy: null,
    presentedAt: null,
    chosen: null,
    evidence: NO_EVIDENCE,
  };
}

function priced(playbook: Playbook, deal: OfferDeal, terms: OfferTerms, now: Date) {
  const stage = checkOfferStage(playbook, deal);
  if (!stage.ok) return stage;
  // checkOfferStage found the closing section.
  return priceOffer(terms, playbook.closing as NonNullable<Playbook['closing']>, dayOf(now));
}

/** A new offer on the deal: version 1, a draft by its author. */
export function draftOffer(
  playbook: Playbook,
  deal: OfferDeal,
  input: { offerId: string; authorId: string; terms: OfferTerms },
  now: Date,
): Decided {
  const options = priced(playbook, deal, input.terms, now);
  if (!options.ok) return options;
  const first = {
    number: 1,
    basedOn: null,
    origin: 'drafted',
    createdBy: input.authorId,
    createdAt: now,
  } as const;
  return ok({
    id: input.offerId,
    opportunityId: deal.id,
    createdBy: input.authorId,
    createdAt: now,
    version: 1,
    updatedAt: now,
    versions: [newVersion(first, input.terms, options.value)],
  });
}

/** The terms a version says, to compare an edit with. */
export function termsOf(version: OfferVersion): OfferTerms {
  return {
    currency: version.currency,
    validUntil: version.validUntil,
    notes: version.notes,
    options: version.options.map(
      ({ name, termMonths, pricePerYearMinor, listPricePerYearMinor, paymentSchedule }) => ({
        name,
        termMonths,
        pricePerYearMinor,
        listPricePerYearMinor,
        paymentSchedule,
      }),
    ),
  };
}

/** Refuses a change to a version that is waiting for approval or is already with the customer's paperwork. */
export function checkEditable(version: OfferVersion): Result<null, OfferRefusal> {
  if (version.status === 'in_approval') {
    const { approved, total, next } = approvalProgress(version);
    const waiting = next ? ` (step ${approved + 1} of ${total}: ${next.name})` : '';
    const message = `Version ${version.number} is waiting for approval${waiting} and is locked; it changes once approved or rejected.`;
    return refuse('offer_locked', message);
  }
  if (['quoted', 'sent_for_signature', 'signed'].includes(version.status)) {
    const message = `Version ${version.number} is ${version.status.replaceAll('_', ' ')}; the quote must be withdrawn before the offer changes.`;
    return refuse('offer_in_closing', message);
  }
  return ok(null);
}

/**
 * Any edit makes a new draft version by its author; the version it replaces is superseded and its approvals
 * void with it (they bind to that version). An edit that changes nothing is refused.
 */
export function reviseOffer(
  playbook: Playbook,
  offer: Offer,
  deal: OfferDeal,
  input: { authorId: string; terms: OfferTerms },
  now: Date,
): Decided {
  const current = currentVersion(offer);
  const editable = checkEditable(current);
  if (!editable.ok) return editable;
  const options = priced(playbook, deal, input.terms, now);
  if (!options.ok) return options;
  const next = newVersion(
    {
      number: current.number + 1,
      basedOn: current.number,
      origin: 'revised',
      createdBy: input.authorId,
      createdAt: now,
    },
    input.terms,
    options.value,
  );
  if (JSON.stringify(termsOf(next)) === JSON.stringify(termsOf(current)))
    return refuse('no_change', `The edit changes nothing in version ${current.number}.`);
  const superseded: OfferVersion = { ...current, status: 'superseded' };
  return ok(withCurrent(offer, superseded, now, next));
}

/** The offer with its current version replaced (and, optionally, a new version after it). */
export function withCurrent(offer: Offer, current: OfferVersion, now: Date, after?: OfferVersion): Offer {
  const versions = [...offer.versions.slice(0, -1), current, ...(after ? [after] : [])];
  return { ...offer, version: offer.version + 1, updatedAt: now, versions };
}
