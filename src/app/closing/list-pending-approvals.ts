import { type AwaitingDeal, listOffersAwaiting } from '../../db/repositories/offer-inbox-repo.js';
import { approvalProgress, approversOfNextStep, waitingSince } from '../../domain/closing/approval-chain.js';
import { currentVersion, type PricingOption, type ResolvedStep } from '../../domain/closing/offer.js';
import { ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';

/** One offer version whose waiting step the caller may decide. */
export interface PendingApproval {
  offerId: string;
  /** The offer's concurrency version: send it as If-Match with the decision. */
  offerVersion: number;
  /** The version to name in the decision (approvals bind to it). */
  versionNumber: number;
  /** The step waiting, with its 0-based position in the chain. */
  step: ResolvedStep & { index: number };
  approvedSteps: number;
  totalSteps: number;
  /** Since the submission, or the last approval of an earlier step. */
  waitingSince: Date;
  submittedBy: string;
  currency: string;
  validUntil: string;
  options: PricingOption[];
  deal: Omit<AwaitingDeal, 'open'>;
}

export interface PendingApprovals {
  /** Oldest waiting first. */
  items: PendingApproval[];
  /** How many wait for the caller (the navigation's count). */
  total: number;
}

/**
 * The approvals inbox: the offer versions whose waiting step the caller may decide now — a holder of the
 * step's role (of the deal's region where regional), not the author, not the deal's owner, not someone who
 * decided an earlier step of the version; open deals only. These are offers the caller may see (decision 013:
 * an approver sees what they are asked to decide), and nothing else: a caller holding no waiting step gets none.
 */
export async function listPendingApprovals(
  context: AppContext,
  actor: Actor,
): Promise<Result<PendingApprovals, AppError>> {
  const { principal } = actor;
  const candidates = await listOffersAwaiting(context.db, principal.role, principal.region);
  const items = candidates.flatMap(({ offer, deal: { open, ...deal } }): PendingApproval[] => {
    const version = currentVersion(offer);
    const { approved, total, next } = approvalProgress(version);
    const since = waitingSince(version);
    if (!open || !next || !since || !version.submittedBy) return [];
    if (approversOfNextStep(version, { ownerId: deal.ownerId }, [principal]).length === 0) return [];
    return [
      {
        offerId: offer.id,
        offerVersion: offer.version,
        versionNumber: version.number,
        step: { ...next, index: approved },
        approvedSteps: approved,
        totalSteps: total,
        waitingSince: since,
        submittedBy: version.submittedBy,
        currency: version.currency,
        validUntil: version.validUntil,
        options: version.options,
        deal,
      },
    ];
  });
  items.sort(
    (a, b) => a.waitingSince.getTime() - b.waitingSince.getTime() || (a.offerId < b.offerId ? -1 : 1),
  );
  return ok({ items, total: items.length });
}
