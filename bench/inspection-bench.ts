import { planStageChange } from '../src/domain/gates/plan-stage-change.js';
import { assessHealth } from '../src/domain/inspection/health.js';
import type { HealthFacts } from '../src/domain/inspection/health-facts.js';
import type { StageChangeFact } from '../src/domain/inspection/stage-intervals.js';
import { classifyVelocity } from '../src/domain/inspection/velocity.js';
import type { OpportunityFacts } from '../src/domain/opportunity/opportunity-facts.js';
import { forwardPath } from '../src/domain/playbook/lookup.js';
import type { MeddpiccLevel, Playbook } from '../src/domain/playbook/playbook.js';

const LEVELS: MeddpiccLevel[] = ['unknown', 'identified', 'validated'];
const DAY = 86_400_000;

/**
 * Health + velocity + gate evaluation over `count` synthetic in-memory deals on this thread (one core):
 * the pure domain's throughput, with no database in the way.
 */
export function benchDomain(playbook: Playbook, count: number, now: Date) {
  const pipeline = playbook.pipelines[0];
  if (!pipeline) throw new Error('no pipeline');
  const path = forwardPath(pipeline).slice(0, -1);
  const expectedDays = Object.fromEntries(path.map((stage) => [stage.key, stage.expectedDays ?? 10]));
  const actor = { id: 'bench', canOverride: false, canReopen: false };
  let checksum = 0;
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const stage = path[index % path.length] ?? path[0];
    if (!stage) continue;
    const meddpicc = Object.fromEntries(
      playbook.qualification.elements.map((element, position) => [
        element.key,
        { level: LEVELS[(index + position) % 3] ?? 'unknown', summary: null, contactId: null },
      ]),
    );
    const facts: OpportunityFacts = {
      type: 'new_business',
      pipeline: pipeline.key,
      stage: stage.key,
      source: 'ae',
      amountMinor: index * 100,
      closeDate: '2027-03-31',
      uplift: null,
      closing: null,
      nextStep: null,
      description: null,
      meddpicc,
      attestations: {},
      poc: null,
      milestones: {},
      activities: [],
      customerFit: { fits: true, message: 'fits' },
    };
    const created = new Date(now.getTime() - ((index % 200) + 5) * DAY);
    const history: StageChangeFact[] = [
      { toStage: path[0]?.key ?? 'created', kind: 'create', at: created },
      { toStage: stage.key, kind: 'advance', at: new Date(created.getTime() + 3 * DAY) },
    ];
    const next = path[(index % path.length) + 1]?.key ?? 'closed_won';
    const gate = planStageChange(playbook, facts, { to: next }, actor, now);
    const velocity = classifyVelocity({
      history,
      expectedDays,
      settings: playbook.inspection.velocity,
      snooze: null,
      now,
    });
    const healthFacts: HealthFacts = {
      pipeline: pipeline.key,
      stage: stage.key,
      meddpicc,
      poc: { status: 'none', reasons: [] },
      closeDate: '2027-03-31',
      closeDateChanges: [],
      pushCount: 0,
      stakeholderChanges: [],
      overrides: [],
      businessDaysToClose: 80,
      expectedBusinessDaysThroughNext: 30,
      daysInStage: velocity.daysInStage,
      expectedDaysInStage: velocity.expectedDays,
      lastActivity: null,
      createdAt: created,
      now,
    };
    const health = assessHealth(playbook, pipeline, healthFacts);
    checksum += health.score + velocity.daysInStage + (gate.ok ? 1 : 0);
  }
  const ms = performance.now() - started;
  return { perSecond: Math.round((count / ms) * 1000), ms, checksum };
}
