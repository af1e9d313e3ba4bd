import { findTerritoryModel } from '../../db/repositories/territory-models-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { CoverageReport } from '../../domain/territory/territory-model.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { planTerritoryModel } from './plan-territory-model.js';
import { refuseUnlessTerritoryManager } from './require-territory-right.js';

type Named = { id: string; name: string };

/** How many changes of each kind a preview lists (the totals count them all). */
export const PREVIEW_LIST_LIMIT = 500;

export interface ReassignmentPreview {
  coverage: CoverageReport;
  canActivate: boolean;
  refusals: string[];
  accounts: { total: number; moving: number; unchanged: number; kept: number };
  deals: { moving: number; keptCsm: number; closedUnchanged: number };
  perOwner: Array<{
    userId: string;
    name: string;
    accountsGained: number;
    accountsLost: number;
    dealsGained: number;
    dealsLost: number;
  }>;
  accountChanges: Array<{
    accountId: string;
    accountName: string;
    from: Named | null;
    to: Named;
    territory: string;
    because: string;
  }>;
  dealChanges: Array<{
    opportunityId: string;
    opportunityName: string;
    accountName: string;
    from: Named | null;
    to: Named;
  }>;
  keptAccounts: Array<{ accountId: string; accountName: string; owner: Named | null; reason: string }>;
}

/**
 * What activating a version would change, changing nothing: the coverage proof and whether it may be activated
 * (and why not), the accounts and open deals that would change owner, and the counts per owner. Reads every
 * account's owner and name: for RevOps (manageTerritories), not for RVPs.
 */
export async function previewReassignment(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<ReassignmentPreview, AppError>> {
  const refusal = refuseUnlessTerritoryManager(actor);
  if (refusal) return err(refusal);
  const version = await findTerritoryModel(context.db, id);
  if (!version) return err(notFound('Territory model', id));
  const planned = await planTerritoryModel(context.db, version);
  const { coverage, plan, names } = planned;
  const refusals = [
    ...(version.status === 'draft'
      ? []
      : [`version ${version.version} is ${version.status}: only a draft is activated (copy it first)`]),
    ...planned.refusals,
  ];
  const named = (userId: string): Named => ({ id: userId, name: names.get(userId) ?? userId });
  const maybe = (userId: string | null) => (userId ? named(userId) : null);
  return ok({
    coverage,
    canActivate: refusals.length === 0,
    refusals,
    accounts: plan.accounts,
    deals: plan.deals,
    perOwner: plan.perOwner.map((entry) => ({ ...entry, name: named(entry.userId).name })),
    accountChanges: plan.accountMoves.slice(0, PREVIEW_LIST_LIMIT).map((move) => ({
      accountId: move.accountId,
      accountName: move.accountName,
      from: maybe(move.fromId),
      to: named(move.toId),
      territory: move.territory,
      because: move.because,
    })),
    dealChanges: plan.dealMoves.slice(0, PREVIEW_LIST_LIMIT).map((move) => ({
      opportunityId: move.opportunityId,
      opportunityName: move.opportunityName,
      accountName: move.accountName,
      from: maybe(move.fromId),
      to: named(move.toId),
    })),
    keptAccounts: plan.keptAccounts.slice(0, PREVIEW_LIST_LIMIT).map((kept) => ({
      accountId: kept.accountId,
      accountName: kept.accountName,
      owner: maybe(kept.ownerId),
      reason: kept.reason,
    })),
  });
}
