import type { Kysely } from 'kysely';
import { listActiveUsersWithRole, type User } from '../../db/repositories/users-repo.js';
import type { Database } from '../../db/schema.js';
import type { Principal } from '../../domain/access/principal.js';
import { approvalProgress, pendingSteps, resolveApprovalChain } from '../../domain/closing/approval-chain.js';
import {
  currentVersion,
  type Offer,
  type OfferDeal,
  type OfferVersion,
  type ResolvedStep,
} from '../../domain/closing/offer.js';
import { type OfferPermissions, offerPermissions } from '../../domain/closing/offer-permissions.js';
import type { Playbook } from '../../domain/playbook/playbook.js';

export interface ApproverView {
  id: string;
  name: string;
}

export interface PendingStepView extends ResolvedStep {
  /** 0-based position in the chain. */
  index: number;
  /** The step a decision is waited for now. */
  waiting: boolean;
  /** Who may act on it: holders of the role (in the deal's region where regional), not the author or owner. */
  approvers: ApproverView[];
}

export interface OfferVersionView extends OfferVersion {
  /** Steps approved of the version's chain ("step k of n" while in approval: k = approved + 1). */
  approvedSteps: number;
  totalSteps: number;
  /** On the current version: the steps still to decide (a draft: those its submission would need). */
  pending: PendingStepView[];
}

/** An offer with its whole version history, oldest first, and who acts next on the current version. */
export interface OfferView {
  id: string;
  opportunityId: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** The offer's concurrency version (send it back to change the offer). */
  version: number;
  currentVersion: number;
  versions: OfferVersionView[];
  /** What the caller may do with the offer now (screens hide the rest and show `who`). */
  permissions: OfferPermissions;
}

/** Who reads the view: their principal, and whether they hold the edit right on the deal. */
export interface OfferViewer {
  principal: Principal;
  mayEditDeal: boolean;
}

async function pendingOf(
  db: Kysely<Database>,
  playbook: Playbook,
  version: OfferVersion,
  deal: OfferDeal,
): Promise<PendingStepView[]> {
  const preview =
    version.status === 'draft' && playbook.closing
      ? resolveApprovalChain(playbook.closing, playbook.defaultCurrency, version, deal)
      : [];
  const steps = (version.chain ?? preview).slice(approvalProgress(version).approved);
  const candidates: User[] = [];
  for (const role of new Set(steps.map((step) => step.role)))
    candidates.push(...(await listActiveUsersWithRole(db, role)));
  return pendingSteps(version, deal, candidates, preview).map(({ index, step, waiting, approvers }) => ({
    ...step,
    index,
    waiting,
    approvers: approvers.map((user) => ({ id: user.id, name: user.name })),
  }));
}

export async function offerView(
  db: Kysely<Database>,
  playbook: Playbook,
  offer: Offer,
  deal: OfferDeal,
  viewer: OfferViewer,
): Promise<OfferView> {
  const current = currentVersion(offer);
  const pending = await pendingOf(db, playbook, current, deal);
  return {
    id: offer.id,
    opportunityId: offer.opportunityId,
    createdBy: offer.createdBy,
    createdAt: offer.createdAt,
    updatedAt: offer.updatedAt,
    version: offer.version,
    currentVersion: current.number,
    versions: offer.versions.map((version) => {
      const { approved, total } = approvalProgress(version);
      return {
        ...version,
        approvedSteps: approved,
        totalSteps: total,
        pending: version === current ? pending : [],
      };
    }),
    permissions: offerPermissions(viewer.principal, current, deal, viewer.mayEditDeal),
  };
}
