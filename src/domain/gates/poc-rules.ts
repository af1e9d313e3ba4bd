import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import type { PocRule } from '../playbook/playbook.js';

interface Verdict {
  met: boolean;
  message: string;
}

const NO_PLAN: Verdict = { met: false, message: 'The deal has no POC plan yet.' };

/** The criteria derived from the deal's POC plan, each with the reason it holds or not. */
export const POC_RULE_VERDICTS = {
  poc_plan_signed_off: (poc) =>
    poc.planSignedOff
      ? { met: true, message: 'The customer signed off the mutual POC plan.' }
      : { met: false, message: 'The mutual POC plan is not signed off by the customer yet.' },
  poc_results_meet_criteria: (poc) => {
    if (poc.resultsMeetCriteria) {
      return {
        met: true,
        message: `All ${poc.criteria.total} success criteria met; no benchmark falls short.`,
      };
    }
    const { met, total } = poc.criteria;
    const why =
      poc.status === 'challenged' ? poc.reasons.join(' ') : `${met} of ${total} success criteria met.`;
    return { met: false, message: `POC results do not meet the criteria yet: ${why}` };
  },
  poc_readout_completed: (poc) =>
    poc.readoutCompleted
      ? { met: true, message: 'The POC readout is completed.' }
      : { met: false, message: 'The POC readout has not been held yet.' },
  poc_succeeded: (poc) =>
    poc.status === 'succeeded'
      ? { met: true, message: poc.reasons.join(' ') }
      : { met: false, message: `The POC is ${poc.status.replace('_', ' ')}: ${poc.reasons.join(' ')}` },
} satisfies Record<PocRule, (poc: NonNullable<OpportunityFacts['poc']>) => Verdict>;

export function applyPocRule(rule: PocRule, facts: OpportunityFacts): Verdict {
  return facts.poc ? POC_RULE_VERDICTS[rule](facts.poc) : NO_PLAN;
}
