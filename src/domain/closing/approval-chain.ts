import type { Principal } from '../access/principal.js';
import { ROLE_RIGHTS } from '../access/roles.js';
import type { ApprovalStepTemplate, ClosingSettings } from '../playbook/closing-settings.js';
import { moneyWords } from './money-words.js';
import type { OfferDeal, OfferVersion, PricingOption, ResolvedStep } from './offer.js';
import { discountAbove, discountWords } from './price-options.js';

/** Why a step applies to these options, or null when it does not (its thresholds are not exceeded). */
function appliesBecause(
  step: ApprovalStepTemplate,
  options: readonly PricingOption[],
  currency: string,
  defaultCurrency: string,
): string | null {
  if (!step.when) return 'every offer';
  const { discountPercentAbove, tcvAboveMinor } = step.when;
  const reasons: string[] = [];
  if (discountPercentAbove !== undefined) {
    const above = options.filter((option) => discountAbove(option, discountPercentAbove));
    const deepest = above.sort((a, b) => b.discountBasisPoints - a.discountBasisPoints)[0];
    if (deepest) reasons.push(`a discount of ${discountWords(deepest)} is above ${discountPercentAbove}%`);
  }
  if (tcvAboveMinor !== undefined) {
    const largest = Math.max(...options.map((option) => option.tcvMinor));
    if (currency !== defaultCurrency)
      reasons.push(`a TCV in ${currency} cannot be compared with the threshold in ${defaultCurrency}`);
    else if (largest > tcvAboveMinor)
      reasons.push(
        `a TCV of ${moneyWords(largest, currency)} is above ${moneyWords(tcvAboveMinor, defaultCurrency)}`,
      );
  }
  return reasons.length > 0 ? reasons.join('; ') : null;
}

/** The steps of the playbook's chain that apply to a version's options, in order, bound to the deal's region. */
export function resolveApprovalChain(
  settings: ClosingSettings,
  defaultCurrency: string,
  version: Pick<OfferVersion, 'options' | 'currency'>,
  deal: Pick<OfferDeal, 'region'>,
): ResolvedStep[] {
  return settings.approvals.flatMap((step) => {
    const because = appliesBecause(step, version.options, version.currency, defaultCurrency);
    if (because === null) return [];
    const region = step.scope === 'deal_region' ? deal.region : null;
    return [
      { key: step.key, name: step.name, role: step.role, scope: step.scope, region, appliesBecause: because },
    ];
  });
}

/** Who a step is for, in words: "a Regional VP Sales of region emea". */
export function describeApprover(step: ResolvedStep): string {
  const label = ROLE_RIGHTS[step.role].label;
  if (step.scope !== 'deal_region') return `a ${label}`;
  return step.region === null
    ? `a ${label} of the deal's region (the owner has none)`
    : `a ${label} of region ${step.region}`;
}

/** Whether the principal holds the step's role (and, for a regional step, the deal's region). */
export function holdsStep(step: ResolvedStep, principal: Principal): boolean {
  if (principal.role !== step.role) return false;
  return step.scope !== 'deal_region' || (step.region !== null && principal.region === step.region);
}

/**
 * The people the four-eyes rule keeps off a version's chain: its author, the deal's owner, and whoever
 * already decided a step of it (each step needs another person).
 */
export function excludedApprovers(version: OfferVersion, deal: Pick<OfferDeal, 'ownerId'>): Set<string> {
  return new Set([
    version.createdBy,
    deal.ownerId,
    ...version.decisions.map((decision) => decision.decidedBy),
  ]);
}

export interface ApprovalProgress {
  /** Steps approved so far (k − 1 while step k waits). */
  approved: number;
  total: number;
  /** The step waiting for a decision; null when none does (a draft, or every step approved, or rejected). */
  next: ResolvedStep | null;
}

export function approvalProgress(version: OfferVersion): ApprovalProgress {
  const chain = version.chain ?? [];
  const approved = version.decisions.filter((decision) => decision.decision === 'approved').length;
  const next = version.status === 'in_approval' ? (chain[approved] ?? null) : null;
  return { approved, total: chain.length, next };
}

/** Since when the waiting step waits: the last decision on the version, else its submission (null: none waits). */
export function waitingSince(version: OfferVersion): Date | null {
  if (approvalProgress(version).next === null) return null;
  return version.decisions.at(-1)?.decidedAt ?? version.submittedAt;
}

export interface PendingStep<P extends Principal> {
  index: number;
  step: ResolvedStep;
  /** The step a decision is waited for now (the others come after it). */
  waiting: boolean;
  /** Of the candidates, those who may decide it (the four-eyes rule applied as far as it is known now). */
  approvers: P[];
}

/**
 * The steps of a version not yet decided, each with who may act on it. A draft has no chain yet: pass the one
 * its submission would resolve (`preview`) to show what it will need.
 */
export function pendingSteps<P extends Principal>(
  version: OfferVersion,
  deal: Pick<OfferDeal, 'ownerId'>,
  candidates: readonly P[],
  preview: readonly ResolvedStep[] = [],
): PendingStep<P>[] {
  if (version.status !== 'in_approval' && version.status !== 'draft') return [];
  const chain = version.chain ?? preview;
  const { approved } = approvalProgress(version);
  const excluded = excludedApprovers(version, deal);
  return chain.slice(approved).map((step, offset) => ({
    index: approved + offset,
    step,
    waiting: version.status === 'in_approval' && offset === 0,
    approvers: candidates.filter((candidate) => holdsStep(step, candidate) && !excluded.has(candidate.id)),
  }));
}

/** Of the candidates, those who may decide the step waiting on a version (empty when none waits). */
export function approversOfNextStep<P extends Principal>(
  version: OfferVersion,
  deal: Pick<OfferDeal, 'ownerId'>,
  candidates: readonly P[],
): P[] {
  return pendingSteps(version, deal, candidates).find((pending) => pending.waiting)?.approvers ?? [];
}
