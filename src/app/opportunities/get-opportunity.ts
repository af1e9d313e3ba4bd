import { findRenewedContract } from '../../db/repositories/renewals-repo.js';
import type { OpportunityPermissions } from '../../domain/access/permissions.js';
import type { Contract } from '../../domain/contract/contract.js';
import {
  furthestReachable,
  type NextStagePreview,
  previewNextStage,
} from '../../domain/gates/preview-next-stage.js';
import type { AttestationRecord, MeddpiccRecord, Opportunity } from '../../domain/opportunity/opportunity.js';
import { findPipeline } from '../../domain/playbook/lookup.js';
import type { MeddpiccLevel } from '../../domain/playbook/playbook.js';
import type { MilestoneRecord } from '../../domain/poc/milestones.js';
import { ok, type Result } from '../../domain/result.js';
import { permissionsOnOpportunity, readableOpportunity } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { loadQualification, toFacts } from './load-opportunity-facts.js';

export interface MeddpiccView {
  element: string;
  level: MeddpiccLevel;
  summary: string | null;
  contactId: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export interface OpportunityView {
  opportunity: Opportunity;
  meddpicc: MeddpiccView[];
  attestations: AttestationRecord[];
  /** The win milestones recorded (Tech / Business / Financial / Legal Win), in the order achieved. */
  milestones: MilestoneRecord[];
  /** What the deal still needs to move one stage forward; null once closed. */
  nextStage: NextStagePreview | null;
  /** The furthest stage the deal could move to now, through the gate; null when none. */
  reachable: { stage: string; name: string } | null;
  /** What the caller may do with the deal, and who may what they may not. */
  permissions: OpportunityPermissions;
  /** The contract this deal renews (opened by the renewals run); null when it renews none. */
  renews: Pick<Contract, 'id' | 'startDate' | 'endDate' | 'tcvMinor' | 'currency'> | null;
}

const renewedTerms = (contract: Contract | undefined): OpportunityView['renews'] =>
  contract
    ? {
        id: contract.id,
        startDate: contract.startDate,
        endDate: contract.endDate,
        tcvMinor: contract.tcvMinor,
        currency: contract.currency,
      }
    : null;

function meddpiccView(elements: string[], records: MeddpiccRecord[]): MeddpiccView[] {
  return elements.map((element) => {
    const record = records.find((candidate) => candidate.element === element);
    return (
      record ?? {
        element,
        level: 'unknown',
        summary: null,
        contactId: null,
        updatedBy: null,
        updatedAt: null,
      }
    );
  });
}

/** A deal with its qualification and what is missing for the next stage. */
export async function getOpportunity(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<OpportunityView, AppError>> {
  const readable = await readableOpportunity(context.db, actor, id);
  if (!readable.ok) return readable;
  const opportunity = readable.value;
  const qualification = await loadQualification(context.db, opportunity, context.now());
  const pipeline = findPipeline(context.playbook, opportunity.pipeline);
  if (!pipeline) throw new Error(`deal ${id} is in unknown pipeline ${opportunity.pipeline}`);
  const facts = toFacts(context.playbook, opportunity, qualification);
  return ok({
    opportunity,
    meddpicc: meddpiccView(
      context.playbook.qualification.elements.map((element) => element.key),
      qualification.meddpicc,
    ),
    attestations: qualification.attestations,
    milestones: qualification.milestones,
    nextStage: previewNextStage(context.playbook, facts),
    reachable: furthestReachable(context.playbook, facts),
    permissions: await permissionsOnOpportunity(context.db, actor, opportunity, pipeline),
    renews: renewedTerms(await findRenewedContract(context.db, opportunity.id)),
  });
}
