import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import type { Criterion, Pipeline, Playbook, Stage } from '../playbook/playbook.js';
import { applyDerivedRule } from './derived-rules.js';
import type { RequirementCheck } from './requirement-check.js';

interface CriterionContext {
  playbook: Playbook;
  pipeline: Pipeline;
  stage: Stage;
  phase: 'entrance' | 'exit';
  facts: OpportunityFacts;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function checkAttested(criterion: Criterion, facts: OpportunityFacts, evidenceRequired: boolean) {
  const attestation = facts.attestations[criterion.key];
  if (!attestation) return { met: false, message: 'Not yet attested.' };
  const shown = {
    attestation: {
      by: attestation.attestedBy,
      at: attestation.attestedAt.toISOString(),
      note: attestation.note,
      evidenceUrl: attestation.evidenceUrl,
    },
  };
  if (evidenceRequired && !attestation.evidenceUrl) {
    return { met: false, message: 'Attested without the evidence link this criterion requires.', ...shown };
  }
  return {
    met: true,
    message: `Attested by ${attestation.attestedBy} on ${day(attestation.attestedAt)}.`,
    ...shown,
  };
}

/** Evaluates one entrance or exit criterion against the deal. */
export function checkCriterion(criterion: Criterion, context: CriterionContext): RequirementCheck {
  const base = {
    kind: 'criterion' as const,
    stage: context.stage.key,
    phase: context.phase,
    key: criterion.key,
    label: criterion.text,
    source: criterion.source.kind,
  };
  const sources = criterion.onlyForSources;
  if (sources && !sources.includes(context.facts.source)) {
    const message = `Not applicable: applies only to deals sourced by ${sources.join(' or ')}.`;
    return { ...base, met: true, applicable: false, message };
  }
  const verdict =
    criterion.source.kind === 'attested'
      ? checkAttested(criterion, context.facts, criterion.source.evidenceRequired)
      : applyDerivedRule(criterion.source, context);
  return { ...base, applicable: true, ...verdict };
}
