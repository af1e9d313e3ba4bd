import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import { forwardPath } from '../playbook/lookup.js';
import type { Pipeline, Playbook, Stage } from '../playbook/playbook.js';
import { levelOf, meddpiccRequiredToLeave, meetsLevel } from '../qualification/meddpicc.js';
import { checkCriterion } from './check-criterion.js';
import { customerFitCheck } from './decide-type-fit.js';
import type { RequirementCheck } from './requirement-check.js';

function checkMeddpicc(playbook: Playbook, pipeline: Pipeline, leaving: Stage, facts: OpportunityFacts) {
  return meddpiccRequiredToLeave(pipeline, leaving).map((req): RequirementCheck => {
    const actual = levelOf(facts.meddpicc, req.element);
    const name =
      playbook.qualification.elements.find((element) => element.key === req.element)?.name ?? req.element;
    const met = meetsLevel(actual, req.level);
    return {
      kind: 'meddpicc',
      stage: req.introducedAt,
      phase: 'exit',
      key: req.element,
      label: name,
      met,
      required: req.level,
      actual,
      message: met ? `${name} is ${actual}.` : `${name} must be ${req.level}; it is ${actual}.`,
    };
  });
}

/**
 * Everything a forward move from `from` to `to` must satisfy: the exit criteria of `from` and of every
 * skipped stage, the entrance criteria of every skipped stage and of `to`, and the cumulative MEDDPICC
 * of the last stage left, and that the type still suits the customer. Leaving the first stage also checks its
 * own entrance criteria.
 */
export function checkForwardMove(
  playbook: Playbook,
  pipeline: Pipeline,
  from: Stage,
  to: Stage,
  facts: OpportunityFacts,
): RequirementCheck[] {
  const path = forwardPath(pipeline);
  const start = path.findIndex((stage) => stage.key === from.key);
  const end = path.findIndex((stage) => stage.key === to.key);
  // The type must still suit the customer on every forward move (an override may force it).
  const checks: RequirementCheck[] = [customerFitCheck(to.key, facts.customerFit)];
  const context = { playbook, pipeline, facts };
  if (start === 0) {
    // No move enters the first stage (deals are created there), so its entrance criteria are checked on the way out.
    checks.push(
      ...from.entrance.map((c) => checkCriterion(c, { ...context, stage: from, phase: 'entrance' })),
    );
  }
  for (let index = start; index < end; index++) {
    const leaving = path[index] as Stage;
    const entering = path[index + 1] as Stage;
    checks.push(...leaving.exit.map((c) => checkCriterion(c, { ...context, stage: leaving, phase: 'exit' })));
    checks.push(
      ...entering.entrance.map((c) => checkCriterion(c, { ...context, stage: entering, phase: 'entrance' })),
    );
  }
  const lastLeft = path[end - 1];
  if (lastLeft) checks.push(...checkMeddpicc(playbook, pipeline, lastLeft, facts));
  return checks;
}
