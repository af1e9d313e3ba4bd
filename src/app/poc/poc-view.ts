import { assessPoc, type PocAssessment } from '../../domain/poc/assess-poc.js';
import type { PocPlan } from '../../domain/poc/poc-plan.js';

/** A POC plan as read and written: the plan, what it says (assessment) and the deal's version (its ETag). */
export interface PocView {
  plan: PocPlan;
  assessment: PocAssessment;
  opportunityVersion: number;
}

export const pocView = (plan: PocPlan, opportunityVersion: number): PocView => ({
  plan,
  assessment: assessPoc(plan),
  opportunityVersion,
});
