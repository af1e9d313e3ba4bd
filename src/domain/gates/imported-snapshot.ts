import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import { firstStage } from '../playbook/lookup.js';
import type { Pipeline, Playbook, Stage } from '../playbook/playbook.js';
import { levelOf } from '../qualification/meddpicc.js';
import { checkLoss } from './field-checks.js';
import { checkForwardMove } from './forward-checks.js';
import type { GateSnapshot } from './gate-snapshot.js';

/**
 * The gate snapshot of a deal brought in from another system at `to`: never a silent bypass — it runs the checks
 * a move from the pipeline's first stage to `to` would (a closed-lost deal: the loss checks) and keeps every one,
 * so what the deal still lacks for its stage is on record, with kind `imported` and where it came from.
 */
export function importedSnapshot(
  playbook: Playbook,
  pipeline: Pipeline,
  to: Stage,
  facts: OpportunityFacts,
  imported: { actorId: string; source: string; lossReason: string | null },
  now: Date,
): GateSnapshot {
  const checks =
    to.outcome === 'lost'
      ? checkLoss(playbook, to, { to: to.key, lossReason: imported.lossReason ?? undefined })
      : checkForwardMove(playbook, pipeline, firstStage(pipeline), to, facts);
  return {
    evaluatedAt: now.toISOString(),
    actorId: imported.actorId,
    pipeline: pipeline.key,
    from: to.key,
    to: to.key,
    kind: 'imported',
    checks,
    meddpicc: Object.fromEntries(
      playbook.qualification.elements.map((element) => [element.key, levelOf(facts.meddpicc, element.key)]),
    ),
    override: null,
    reason: `imported from ${imported.source}`,
    lossReason: imported.lossReason,
    winningCompetitor: null,
  };
}
