import type { Kysely } from 'kysely';
import { findOffer } from '../../db/repositories/offers-repo.js';
import { findOpportunityWithOwner } from '../../db/repositories/opportunities-repo.js';
import { findUser } from '../../db/repositories/users-repo.js';
import type { Database } from '../../db/schema.js';
import type { Principal } from '../../domain/access/principal.js';
import { holdsStep } from '../../domain/closing/approval-chain.js';
import type { Offer, OfferDeal } from '../../domain/closing/offer.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { accessToOpportunity, lockOpportunity } from '../access/authorize.js';
import { type AppError, forbidden, notFound, stale } from '../app-error.js';
import type { Actor } from '../context.js';
import type { OfferViewer } from './offer-view.js';

export interface LockedOffer {
  deal: Opportunity;
  offerDeal: OfferDeal;
  offer: Offer;
}

/** The deal as offer decisions see it: where it stands, its owner and the owner's region. */
export function offerDealOf(deal: Opportunity, ownerRegion: string | null, open: boolean): OfferDeal {
  return {
    id: deal.id,
    pipeline: deal.pipeline,
    stage: deal.stage,
    ownerId: deal.ownerId,
    region: ownerRegion,
    open,
  };
}

export async function loadOfferDeal(db: Kysely<Database>, deal: Opportunity): Promise<OfferDeal> {
  const owner = await findUser(db, deal.ownerId);
  return offerDealOf(deal, owner?.region ?? null, deal.closedAt === null);
}

/** The caller as an offer view sees them: whether they hold the edit right on the deal. */
export async function viewerOf(db: Kysely<Database>, actor: Actor, deal: Opportunity): Promise<OfferViewer> {
  return { principal: actor.principal, mayEditDeal: (await accessToOpportunity(db, actor, deal)).edit };
}

/** Offers are written and decided by people (self-approval is judged by who they are): not by the system. */
export async function requirePerson(db: Kysely<Database>, actor: Actor): Promise<AppError | null> {
  const user = await findUser(db, actor.id);
  return user?.active
    ? null
    : forbidden('Offers are written and decided by people: act as a signed-in user.');
}

/** Whether the principal holds a step of any version's chain: an approver sees what they are asked to decide. */
export function approvesOffer(principal: Principal, offer: Offer): boolean {
  return offer.versions.some((version) => (version.chain ?? []).some((step) => holdsStep(step, principal)));
}

/** Locks the offer after its deal (always in that order) and checks the version the caller read (412 if stale). */
async function lockOfferOf(
  trx: Kysely<Database>,
  offerId: string,
  deal: Opportunity,
  expectedVersion: number | undefined,
): Promise<Result<LockedOffer, AppError>> {
  const offer = await findOffer(trx, offerId, { lock: true });
  if (!offer) return err(notFound('Offer', offerId));
  if (expectedVersion !== undefined && expectedVersion !== offer.version) return err(stale(offer.version));
  return ok({ deal, offer, offerDeal: await loadOfferDeal(trx, deal) });
}

/**
 * For the deal's side (drafting, editing, submitting, presenting, recording the choice): the `edit` right on
 * the deal (an AE on deals they own, their RVP in the region, RevOps), as a person. 404 unseen, 403, 412.
 */
export async function lockOfferForDealSide(
  trx: Kysely<Database>,
  actor: Actor,
  offerId: string,
  expectedVersion: number | undefined,
): Promise<Result<LockedOffer, AppError>> {
  const peek = await findOffer(trx, offerId);
  if (!peek) return err(notFound('Offer', offerId));
  const locked = await lockOpportunity(trx, actor, peek.opportunityId, 'edit', undefined);
  if (!locked.ok) return locked.error.code === 'not_found' ? err(notFound('Offer', offerId)) : locked;
  const refusal = await requirePerson(trx, actor);
  if (refusal) return err(refusal);
  return lockOfferOf(trx, offerId, locked.value, expectedVersion);
}

/**
 * For approvers: whoever may read the deal or holds a step of the offer's chain sees it (else 404); whether
 * they may decide the waiting step is the domain's call (self-approval, scope, order: 403/409 with the reason).
 */
export async function lockOfferForApprover(
  trx: Kysely<Database>,
  actor: Actor,
  offerId: string,
  expectedVersion: number | undefined,
): Promise<Result<LockedOffer, AppError>> {
  const peek = await findOffer(trx, offerId);
  const found = peek && (await findOpportunityWithOwner(trx, peek.opportunityId, { lock: true }));
  if (!peek || !found) return err(notFound('Offer', offerId));
  const readable = (await accessToOpportunity(trx, actor, found.opportunity)).read;
  if (!readable && !approvesOffer(actor.principal, peek)) return err(notFound('Offer', offerId));
  const refusal = await requirePerson(trx, actor);
  if (refusal) return err(refusal);
  return lockOfferOf(trx, offerId, found.opportunity, expectedVersion);
}
