import { type GateActor, planStageChange } from '../gates/plan-stage-change.js';
import { findPipeline, forwardPath, openStages } from '../playbook/lookup.js';
import type { Playbook } from '../playbook/playbook.js';
import type { PlainDeal } from './columns-from-deals.js';
import { judgeDeal } from './judge-deal.js';

/** Who asks the gate about the next forward move: nobody who may override or reopen. */
const INSPECTOR: GateActor = { id: 'inspection', canOverride: false, canReopen: false };

/**
 * The plain evaluators on one deal, composed by judgeDeal as assessDeal (src/app/inspection/assess-deal.ts) does,
 * plus the gate of the next forward move (null for a closed deal): what evaluateFast must agree with.
 */
export function evaluatePlainly(
  playbook: Playbook,
  expectedDays: Readonly<Record<string, Readonly<Record<string, number>>>>,
  deal: PlainDeal,
  now: Date,
) {
  const { facts } = deal;
  const pipeline = findPipeline(playbook, facts.pipeline);
  if (!pipeline) throw new Error(`deal is in unknown pipeline ${facts.pipeline}`);
  const judged = judgeDeal(
    playbook,
    pipeline,
    expectedDays[pipeline.key] ?? {},
    {
      ...deal,
      stage: facts.stage,
      closeDate: facts.closeDate,
      meddpicc: facts.meddpicc,
      poc: facts.poc && { status: facts.poc.status, reasons: facts.poc.reasons },
    },
    now,
  );
  const position = openStages(pipeline).findIndex((stage) => stage.key === facts.stage);
  const path = forwardPath(pipeline);
  const to = position >= 0 ? path[path.findIndex((stage) => stage.key === facts.stage) + 1] : undefined;
  return { gate: to ? planStageChange(playbook, facts, { to: to.key }, INSPECTOR, now) : null, ...judged };
}
