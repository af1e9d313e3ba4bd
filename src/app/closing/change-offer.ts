import type { Kysely } from 'kysely';
import { saveOffer } from '../../db/repositories/offers-repo.js';
import type { Database } from '../../db/schema.js';
import { currentVersion, type Offer } from '../../domain/closing/offer.js';
import type { OfferRefusal } from '../../domain/closing/offer-refusal.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { type LockedOffer, lockOfferForApprover, lockOfferForDealSide, viewerOf } from './offer-access.js';
import { offerError } from './offer-errors.js';
import { type OfferView, offerView } from './offer-view.js';

export interface OfferChange {
  /** Audit action, e.g. `opportunity.offer_revised`. */
  action: string;
  /** Who may attempt it: the deal's side (edit right) or an approver (read or a step of the chain). */
  side: 'deal' | 'approver';
  /** The pure decision over the locked offer and deal. */
  decide: (
    locked: LockedOffer,
    now: Date,
    trx: Kysely<Database>,
  ) => Promise<Result<Offer, OfferRefusal>> | Result<Offer, OfferRefusal>;
  /** What the audit event adds to the offer's summary (the decision, the comment, the option). */
  audit?: (before: Offer, after: Offer) => Record<string, unknown>;
}

/** The offer's state as the audit records it before and after a change. */
export function offerSummary(offer: Offer) {
  const version = currentVersion(offer);
  return { offerId: offer.id, version: version.number, status: version.status };
}

/**
 * Every change to an existing offer: lock the deal then the offer (404 unseen, 403, 412 stale), decide
 * (domain), save what changed, and record the audit event (with its outbox row) on the deal — one transaction.
 */
export function changeOffer(
  context: AppContext,
  actor: Actor,
  offerId: string,
  change: OfferChange,
  expectedVersion?: number,
): Promise<Result<OfferView, AppError>> {
  const lock = change.side === 'deal' ? lockOfferForDealSide : lockOfferForApprover;
  return context.db.transaction().execute(async (trx) => {
    const locked = await lock(trx, actor, offerId, expectedVersion);
    if (!locked.ok) return locked;
    const now = context.now();
    const decided = await change.decide(locked.value, now, trx);
    if (!decided.ok) return err(offerError(decided.error));
    const { offer: before, deal, offerDeal } = locked.value;
    const after = decided.value;
    await saveOffer(trx, after, before);
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: deal.id,
      action: change.action,
      before: offerSummary(before),
      after: { ...offerSummary(after), ...change.audit?.(before, after) },
    });
    const viewer = await viewerOf(trx, actor, deal);
    return ok(await offerView(trx, context, after, { deal, offerDeal }, viewer));
  });
}
