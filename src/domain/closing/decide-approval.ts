import type { Principal } from '../access/principal.js';
import { ROLE_RIGHTS } from '../access/roles.js';
import type { Playbook } from '../playbook/playbook.js';
import { ok, type Result } from '../result.js';
import { approvalProgress, describeApprover, holdsStep, resolveApprovalChain } from './approval-chain.js';
import { checkOfferStage, dayOf, newVersion, withCurrent } from './draft-offer.js';
import { currentVersion, type Offer, type OfferDeal, type OfferVersion, type ResolvedStep } from './offer.js';
import { type OfferRefusal, refuse } from './offer-refusal.js';

type Decided = Result<Offer, OfferRefusal>;

/** Locks the current draft version and resolves its approval chain from the playbook. */
export function submitForApproval(
  playbook: Playbook,
  offer: Offer,
  deal: OfferDeal,
  submitterId: string,
  now: Date,
): Decided {
  const stage = checkOfferStage(playbook, deal);
  if (!stage.ok) return stage;
  const current = currentVersion(offer);
  if (current.status !== 'draft')
    return refuse(
      'not_a_draft',
      `Version ${current.number} is ${words(current.status)}; only a draft is submitted.`,
    );
  if (current.validUntil < dayOf(now))
    return refuse(
      'offer_expired',
      `Version ${current.number} expired on ${current.validUntil}; revise its validity first.`,
    );
  const settings = playbook.closing as NonNullable<Playbook['closing']>;
  const chain = resolveApprovalChain(settings, playbook.defaultCurrency, current, deal);
  const submitted: OfferVersion = {
    ...current,
    status: 'in_approval',
    chain,
    submittedBy: submitterId,
    submittedAt: now,
  };
  return ok(withCurrent(offer, submitted, now));
}

export interface ApprovalRequest {
  /** The version the approver read: approvals bind to it. */
  versionNumber: number;
  /** The step the approver means to decide; absent: the one waiting. */
  stepKey?: string;
  decision: 'approve' | 'reject';
  comment: string | null;
}

const words = (status: string) => status.replaceAll('_', ' ');
const stepWords = (chain: readonly ResolvedStep[], index: number) =>
  `step ${index + 1} of ${chain.length} (${chain[index]?.name ?? '?'})`;
const stepSentence = (chain: readonly ResolvedStep[], index: number) =>
  `S${stepWords(chain, index).slice(1)}`;

function whoYouAre(approver: Principal): string {
  const label = ROLE_RIGHTS[approver.role].label;
  return approver.region ? `${label} of region ${approver.region}` : label;
}

/** Every reason this approver may not decide the waiting step now, first found first. */
function approverRefusal(
  version: OfferVersion,
  deal: OfferDeal,
  request: ApprovalRequest,
  approver: Principal,
): Result<ResolvedStep, OfferRefusal> {
  const chain = version.chain ?? [];
  const { approved, next } = approvalProgress(version);
  if (!next) return refuse('not_in_approval', `Version ${version.number} has no step waiting.`);
  if (request.stepKey !== undefined && request.stepKey !== next.key) {
    const asked = chain.findIndex((step) => step.key === request.stepKey);
    if (asked < 0)
      return refuse('not_an_approver', `Version ${version.number}'s chain has no step "${request.stepKey}".`);
    if (asked < approved)
      return refuse('step_already_decided', `${stepSentence(chain, asked)} is already approved.`);
    return refuse(
      'step_out_of_order',
      `${stepSentence(chain, asked)} waits for ${stepWords(chain, approved)} first.`,
    );
  }
  if (approver.id === version.createdBy)
    return refuse('self_approval', `You wrote version ${version.number}; another person must decide on it.`);
  if (approver.id === deal.ownerId)
    return refuse('self_approval', 'You own this deal; another person must decide on its offer.');
  const earlier = version.decisions.find((decision) => decision.decidedBy === approver.id);
  if (earlier) {
    const message = `You decided ${stepWords(chain, earlier.stepIndex)} of this version; ${stepWords(chain, approved)} needs another person.`;
    return refuse('approver_already_decided', message);
  }
  if (!holdsStep(next, approver)) {
    const later = chain.findIndex((step, index) => index > approved && holdsStep(step, approver));
    if (later >= 0)
      return refuse(
        'step_out_of_order',
        `${stepSentence(chain, later)} waits for ${stepWords(chain, approved)} first.`,
      );
    const message = `${stepSentence(chain, approved)} is for ${describeApprover(next)}; you are ${whoYouAre(approver)}.`;
    return refuse('not_an_approver', message);
  }
  return ok(next);
}

/**
 * An approver's decision on the step waiting on the current version. Approving the last step makes the version
 * approved. A rejection (with a comment) closes the version as rejected and opens a new draft version with the
 * same terms, by the same author: the offer is back in draft.
 */
export function decideApproval(
  offer: Offer,
  deal: OfferDeal,
  request: ApprovalRequest,
  approver: Principal,
  now: Date,
): Decided {
  const current = currentVersion(offer);
  if (request.versionNumber !== current.number) {
    const message = `Approvals bind to one version: version ${request.versionNumber} is not the current one (version ${current.number} is).`;
    return refuse('version_not_current', message);
  }
  if (current.status !== 'in_approval')
    return refuse(
      'not_in_approval',
      `Version ${current.number} is ${words(current.status)}, not waiting for approval.`,
    );
  if (!deal.open) return refuse('deal_closed', 'The deal is closed; its offers are no longer decided.');
  const step = approverRefusal(current, deal, request, approver);
  if (!step.ok) return step;
  const comment = request.comment?.trim() || null;
  if (request.decision === 'reject' && !comment)
    return refuse('comment_required', 'A rejection needs a comment saying what must change.');
  const chain = current.chain ?? [];
  const decision = {
    stepKey: step.value.key,
    stepIndex: chain.indexOf(step.value),
    decision: request.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
    decidedBy: approver.id,
    decidedRole: approver.role,
    decidedAt: now,
    comment,
  };
  const decisions = [...current.decisions, decision];
  if (request.decision === 'approve') {
    const status = decisions.length === chain.length ? 'approved' : 'in_approval';
    return ok(withCurrent(offer, { ...current, decisions, status }, now));
  }
  const reopened = newVersion(
    {
      number: current.number + 1,
      basedOn: current.number,
      origin: 'rejected',
      createdBy: current.createdBy,
      createdAt: now,
    },
    current,
    current.options,
  );
  return ok(withCurrent(offer, { ...current, decisions, status: 'rejected' }, now, reopened));
}
