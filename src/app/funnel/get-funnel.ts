import { listPipelineStageEntries } from '../../db/repositories/funnel-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import { buildFunnel, type Funnel } from '../../domain/funnel/funnel.js';
import { findPipeline } from '../../domain/playbook/lookup.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';

/**
 * A pipeline's funnel from its stage history (opportunity_stage_changes), over the deals the caller may read:
 * conversion and median days per stage, and each stage's win rate calibrated on closed deals beside the
 * playbook's probability (which forecasts keep using).
 */
export async function getFunnel(
  context: AppContext,
  actor: Actor,
  pipelineKey: string,
): Promise<Result<Funnel, AppError>> {
  const pipeline = findPipeline(context.playbook, pipelineKey);
  if (!pipeline) return err(notFound('pipeline', pipelineKey));
  const { entries, currentStage } = await listPipelineStageEntries(
    context.db,
    pipeline.key,
    visibilityFor(actor.principal, 'opportunity'),
  );
  return ok(buildFunnel(pipeline, entries, currentStage));
}
