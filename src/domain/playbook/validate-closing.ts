import { findPipeline, findStage } from './lookup.js';
import type { Playbook } from './playbook.js';
import type { PlaybookIssue } from './validate-playbook.js';

/**
 * What a schema cannot check in the closing section: the stages offers start from exist and are open, keys and
 * schedules are unique, and the chain has at least one step that applies to every offer ("internal approval
 * before customer presentation").
 */
export function validateClosing(playbook: Playbook): PlaybookIssue[] {
  const closing = playbook.closing;
  if (!closing) return [];
  const issues: PlaybookIssue[] = [];
  for (const [pipelineKey, stageKey] of Object.entries(closing.offersFrom)) {
    const at = ['closing', 'offersFrom', pipelineKey];
    const pipeline = findPipeline(playbook, pipelineKey);
    if (!pipeline) {
      issues.push({ path: at, message: `unknown pipeline "${pipelineKey}"` });
      continue;
    }
    const stage = findStage(pipeline, stageKey);
    if (!stage)
      issues.push({ path: at, message: `unknown stage "${stageKey}" of pipeline "${pipelineKey}"` });
    else if (stage.outcome !== 'open')
      issues.push({ path: at, message: `"${stageKey}" is a closed stage; offers are drafted on open deals` });
  }
  closing.paymentSchedules.forEach((schedule, index) => {
    if (closing.paymentSchedules.indexOf(schedule) !== index)
      issues.push({ path: ['closing', 'paymentSchedules', index], message: `duplicate "${schedule}"` });
  });
  const keys = new Set<string>();
  closing.approvals.forEach((step, index) => {
    const at = ['closing', 'approvals', index];
    if (keys.has(step.key)) issues.push({ path: [...at, 'key'], message: `duplicate key "${step.key}"` });
    keys.add(step.key);
    if (step.when && step.when.discountPercentAbove === undefined && step.when.tcvAboveMinor === undefined) {
      const message = 'give `discountPercentAbove` or `tcvAboveMinor`, or leave `when` out';
      issues.push({ path: [...at, 'when'], message });
    }
  });
  if (!closing.approvals.some((step) => !step.when)) {
    const message = 'at least one step must apply to every offer (a step without `when`)';
    issues.push({ path: ['closing', 'approvals'], message });
  }
  return issues;
}
