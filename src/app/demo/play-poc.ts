import { findPocPlan } from '../../db/repositories/poc-repo.js';
import type { PocPlan } from '../../domain/poc/poc-plan.js';
import type { Actor, AppContext } from '../context.js';
import { recordMilestone } from '../milestones/record-milestone.js';
import { addPocSession, updatePocSession } from '../poc/change-poc-sessions.js';
import { createPocPlan } from '../poc/create-poc-plan.js';
import { savePocBenchmark, setPocTco, updatePocCriterion } from '../poc/record-poc-results.js';
import { recordPocReadout, signOffPocPlan } from '../poc/sign-off-poc.js';
import { type DemoFlavour, demoFlavour } from './demo-flavour.js';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`demo seed: ${result.error.message}`);
  return result.value;
}

/** Runs a deal's POC as an SE would, through the real use cases: plan, sign-off, sessions, results, readout. */
export class PocPlayer {
  constructor(
    private readonly context: AppContext,
    private readonly opportunityId: string,
    private readonly championId: string,
    private readonly flavour: DemoFlavour = demoFlavour(context.playbook),
  ) {}

  private async plan(actor: Actor): Promise<PocPlan> {
    const found = await findPocPlan(this.context.db, this.opportunityId);
    if (found) return found;
    return unwrap(await createPocPlan(this.context, actor, this.opportunityId)).plan;
  }

  /** The Mutual POC Success Plan, signed off by the Champion. */
  async signOff(actor: Actor) {
    const plan = await this.plan(actor);
    if (plan.signOff) return;
    const evidenceUrl = `https://docs.closepath.demo/${this.opportunityId}/mutual-poc-success-plan`;
    unwrap(
      await signOffPocPlan(this.context, actor, this.opportunityId, {
        contactId: this.championId,
        evidenceUrl,
      }),
    );
  }

  /** Holds the first session of the plan (Getting Started): the POC is under way. */
  async start(actor: Actor) {
    const plan = await this.plan(actor);
    const first = plan.sessions.find((session) => session.status !== 'completed');
    if (plan.sessions.some((session) => session.status === 'completed') || !first) return;
    unwrap(
      await updatePocSession(this.context, actor, this.opportunityId, first.id, { status: 'completed' }),
    );
  }

  /**
   * Holds the sessions (one more of the repeatable one, none of those the flavour leaves for after the
   * decision) and records the results; `challenged` misses the first criterion (and, where the flavour
   * measures one, a benchmark).
   */
  async run(actor: Actor, outcome: 'succeeded' | 'challenged' = 'succeeded') {
    const id = this.opportunityId;
    const currency = this.context.playbook.defaultCurrency;
    const { keyed, benchmark } = this.flavour;
    const template = this.context.playbook.inspection.poc;
    let plan = await this.plan(actor);
    if (plan.criteria.every((criterion) => criterion.status === 'met')) return;
    const repeatable = template?.sessions.find((session) => session.repeatable);
    if (repeatable) {
      plan = unwrap(await addPocSession(this.context, actor, id, { templateKey: repeatable.key })).plan;
    }
    for (const session of plan.sessions) {
      if (keyed.sessionsLeftOpen.includes(session.templateKey) || session.status === 'completed') continue;
      unwrap(await updatePocSession(this.context, actor, id, session.id, { status: 'completed' }));
    }
    const slower = outcome === 'challenged';
    if (benchmark) {
      unwrap(
        await savePocBenchmark(this.context, actor, id, null, {
          workload: benchmark.workload,
          baselineLatencyMs: benchmark.baselineLatencyMs,
          ourLatencyMs: slower ? benchmark.slowerLatencyMs : benchmark.ourLatencyMs,
          baselineCostMinor: 1_450_00,
          ourCostMinor: 610_00,
          currency,
        }),
      );
    }
    unwrap(
      await setPocTco(this.context, actor, id, {
        baselineAnnualMinor: 960_000_00,
        ourAnnualMinor: 410_000_00,
        currency,
      }),
    );
    const firstGroup = template?.successCriteria[0]?.key;
    for (const criterion of plan.criteria) {
      const missed = slower && criterion.group === firstGroup && criterion.position === 0;
      const status = missed ? 'not_met' : 'met';
      const result = missed
        ? this.flavour.pocShortfall
        : (this.flavour.pocResults[criterion.group] ?? this.flavour.pocResultDefault);
      unwrap(await updatePocCriterion(this.context, actor, id, criterion.id, { result, status }));
    }
  }

  async readout(actor: Actor) {
    const plan = await this.plan(actor);
    if (!plan.readout) unwrap(await recordPocReadout(this.context, actor, this.opportunityId, {}));
  }

  async milestone(actor: Actor, key: string) {
    const evidenceUrl = `https://docs.closepath.demo/${this.opportunityId}/${key}`;
    unwrap(await recordMilestone(this.context, actor, this.opportunityId, key, { evidenceUrl }));
  }
}
