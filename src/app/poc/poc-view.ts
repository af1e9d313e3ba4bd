import type { PocTemplate } from '../../domain/playbook/inspection-settings.js';
import { assessPoc, type PocAssessment } from '../../domain/poc/assess-poc.js';
import type { PocPlan } from '../../domain/poc/poc-plan.js';
import { inTemplateOrder } from '../../domain/poc/template-order.js';

/** A POC plan as read and written: the plan, what it says (assessment) and the deal's version (its ETag). */
export interface PocView {
  plan: PocPlan;
  assessment: PocAssessment;
  opportunityVersion: number;
}

/** The view of a plan, its sessions and criteria in the order of the playbook's POC method. */
export const pocView = (
  plan: PocPlan,
  opportunityVersion: number,
  template: PocTemplate | undefined,
): PocView => ({
  plan: inTemplateOrder(plan, template),
  assessment: assessPoc(plan, template?.resultsSession),
  opportunityVersion,
});
