import type { Playbook, Stage } from '../playbook/playbook.js';
import { missingField, type RequirementCheck } from './requirement-check.js';
import type { StageChangeRequest } from './stage-change-request.js';

export const blank = (text: string | null | undefined) => !text || text.trim().length === 0;

/** A required free-text field (a reason, a justification): met when it has words in it. */
export function requireText(
  value: string | null | undefined,
  stage: Stage,
  key: string,
  label: string,
  why: string,
) {
  return blank(value) ? [missingField(stage.key, key, label, why)] : [];
}

/** Closed Lost needs a known loss reason, and the winner when lost to a competitor. */
export function checkLoss(playbook: Playbook, lost: Stage, request: StageChangeRequest): RequirementCheck[] {
  if (blank(request.lossReason)) {
    return [
      missingField(lost.key, 'lossReason', 'Loss reason', 'A deal is closed lost only with a loss reason.'),
    ];
  }
  const reason = playbook.lossReasons.find((candidate) => candidate.key === request.lossReason);
  if (!reason) {
    const known = playbook.lossReasons.map((candidate) => candidate.key).join(', ');
    return [
      missingField(lost.key, 'lossReason', 'Loss reason', `Unknown loss reason; use one of: ${known}.`),
    ];
  }
  if (!reason.requiresCompetitor) return [];
  const why = `A deal lost for "${reason.name}" names the competitor that won.`;
  return requireText(request.winningCompetitor, lost, 'winningCompetitor', 'Winning competitor', why);
}
