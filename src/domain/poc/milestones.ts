import { forwardPath } from '../playbook/lookup.js';
import type { Pipeline } from '../playbook/playbook.js';
import { err, ok, type Result } from '../result.js';

export interface MilestoneRecord {
  milestone: string;
  achievedAt: Date;
  recordedBy: string;
  evidenceUrl: string | null;
  note: string | null;
}

/** The stage whose "Key Milestones" list the milestone (Tech Win → Proof of Concept, …). */
export function milestoneStage(pipeline: Pipeline, milestone: string) {
  return pipeline.stages.find((stage) => stage.milestones.includes(milestone));
}

/**
 * A milestone may be recorded once the deal has reached the stage the playbook ties it to: `reached` is every
 * stage the deal has been in (its current one and its history).
 */
export function checkMilestoneAllowed(
  pipeline: Pipeline,
  milestone: string,
  reached: readonly string[],
): Result<null, { code: 'conflict'; message: string }> {
  const stage = milestoneStage(pipeline, milestone);
  if (!stage)
    return err({ code: 'conflict', message: `The ${pipeline.name} pipeline has no ${milestone} milestone.` });
  const path = forwardPath(pipeline).map((candidate) => candidate.key);
  const tiedAt = path.indexOf(stage.key);
  if (reached.some((key) => path.indexOf(key) >= tiedAt)) return ok(null);
  return err({
    code: 'conflict',
    message: `This milestone is recorded from ${stage.name} on; the deal has not reached it.`,
  });
}
