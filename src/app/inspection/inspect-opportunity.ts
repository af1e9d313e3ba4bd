import { findAccount } from '../../db/repositories/accounts-repo.js';
import { listOpportunityEvents } from '../../db/repositories/events-repo.js';
import { hasWonSince, listClosedHistories, listStageHistory } from '../../db/repositories/inspection-repo.js';
import { checkTypeForCustomer, type TypeFit } from '../../domain/account/customer-class.js';
import { businessDaysBetween } from '../../domain/inspection/business-days.js';
import { type ExpectedDurations, expectedDurations } from '../../domain/inspection/expected-durations.js';
import { assessHealth, type Health } from '../../domain/inspection/health.js';
import { classifyVelocity, type Velocity } from '../../domain/inspection/velocity.js';
import { findPipeline, openStages } from '../../domain/playbook/lookup.js';
import { type MeddpiccScore, scoreMeddpicc } from '../../domain/qualification/meddpicc-score.js';
import { ok, type Result } from '../../domain/result.js';
import { readableOpportunity } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { loadQualification, toFacts } from '../opportunities/load-opportunity-facts.js';
import { historySignals } from './gather-health-facts.js';

export interface Inspection {
  opportunityId: string;
  health: Health;
  velocity: Velocity;
  expected: Pick<ExpectedDurations, 'source' | 'closedDeals'>;
  meddpicc: MeddpiccScore;
  customer: TypeFit;
}

const CLOSED_SAMPLE = 500;
const HISTORY_LIMIT = 5000;
/** A deal won within this many days stands for an active commit contract until contracts are modelled. */
const COMMIT_CONTRACT_DAYS = 3 * 365;

/** Health, velocity, MEDDPICC score and customer fit of one deal, every verdict with its reasons. */
export async function inspectOpportunity(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<Inspection, AppError>> {
  const readable = await readableOpportunity(context.db, actor, id);
  if (!readable.ok) return readable;
  const deal = readable.value;
  const { playbook } = context;
  const pipeline = findPipeline(playbook, deal.pipeline);
  if (!pipeline) throw new Error(`deal ${id} is in unknown pipeline ${deal.pipeline}`);
  const now = context.now();
  const facts = toFacts(deal, await loadQualification(context.db, id));
  const closed = await listClosedHistories(context.db, pipeline.key, CLOSED_SAMPLE);
  const expected = expectedDurations(pipeline, closed, playbook.inspection.velocity.historyThreshold);
  const velocity = classifyVelocity({
    history: await listStageHistory(context.db, id),
    expectedDays: expected.days,
    settings: playbook.inspection.velocity,
    snooze: null,
    now,
  });
  const remaining = openStages(pipeline).slice(
    openStages(pipeline).findIndex((stage) => stage.key === deal.stage),
  );
  const expectedToClose = remaining.reduce((sum, stage) => sum + (expected.days[stage.key] ?? 0), 0);
  const events = (await listOpportunityEvents(context.db, id, { limit: HISTORY_LIMIT })).filter(
    (event) => event.occurredAt <= now,
  );
  const health = assessHealth(playbook, pipeline, {
    pipeline: pipeline.key,
    stage: deal.stage,
    meddpicc: facts.meddpicc,
    poc: { status: 'none', reasons: [] },
    closeDate: deal.closeDate,
    ...historySignals(events),
    businessDaysToClose: businessDaysBetween(now, new Date(`${deal.closeDate}T12:00:00Z`)),
    expectedBusinessDaysToClose: Math.max(0, expectedToClose - velocity.daysInStage),
    now,
  });
  const account = await findAccount(context.db, deal.accountId);
  const since = new Date(now.getTime() - COMMIT_CONTRACT_DAYS * 86_400_000);
  const customer = checkTypeForCustomer(playbook, deal.type, {
    hasActiveCommitContract: await hasWonSince(context.db, deal.accountId, since),
    selfServeUsage: account?.selfServeUsage ?? false,
  });
  return ok({
    opportunityId: id,
    health,
    velocity,
    expected: { source: expected.source, closedDeals: expected.closedDeals },
    meddpicc: scoreMeddpicc(playbook, pipeline, deal.stage, facts.meddpicc),
    customer,
  });
}
