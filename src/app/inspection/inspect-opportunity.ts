import { ok, type Result } from '../../domain/result.js';
import { readableOpportunity } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { assessDeal, type Inspection } from './assess-deal.js';
import { loadDealEvidence, loadExpectedDurations } from './deal-evidence.js';

export type { Inspection } from './assess-deal.js';

/** Health, velocity, MEDDPICC score and customer fit of one deal the actor may read, every verdict with its reasons. */
export async function inspectOpportunity(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<Inspection, AppError>> {
  const readable = await readableOpportunity(context.db, actor, id);
  if (!readable.ok) return readable;
  const now = context.now();
  const [evidence] = await loadDealEvidence(
    context.db,
    [readable.value],
    now,
    context.playbook.inspection.poc?.resultsSession,
  );
  const expected = (
    await loadExpectedDurations(context.db, context.playbook, [readable.value.pipeline], {
      playbookVersion: context.playbookVersion,
    })
  ).get(readable.value.pipeline);
  if (!evidence || !expected) throw new Error(`no evidence for deal ${id}`);
  return ok(assessDeal(context.playbook, expected, evidence, now));
}
