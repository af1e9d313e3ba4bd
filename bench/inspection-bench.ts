import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PLAYBOOK_FILE, parsePlaybook } from '../src/app/playbook/load-playbook.js';
import type { ActivityFact } from '../src/domain/activity/activity.js';
import { columnsFromDeals, type PlainDeal } from '../src/domain/inspection/columns-from-deals.js';
import { compileExpectations, compilePlaybook } from '../src/domain/inspection/compiled-playbook.js';
import { allocateVerdicts, type DealColumns } from '../src/domain/inspection/deal-columns.js';
import { evaluateFast } from '../src/domain/inspection/fast-evaluator.js';
import { evaluatePlainly } from '../src/domain/inspection/plain-evaluation.js';
import type { StageChangeFact } from '../src/domain/inspection/stage-intervals.js';
import { allCriteria, forwardPath } from '../src/domain/playbook/lookup.js';
import type { MeddpiccLevel, Playbook } from '../src/domain/playbook/playbook.js';
import { perSecond } from './measure.js';
import { printTable } from './report-table.js';

const LEVELS: MeddpiccLevel[] = ['unknown', 'identified', 'validated'];
const DAY = 86_400_000;
/** Deals per column batch (the refresh job's batch is 2,000; larger batches change nothing measurable). */
const BATCH = 10_000;
/** The plain path is timed on at most this many deals (at ~25,000/s, 1M would take a minute). */
const PLAIN_MAX = 100_000;

/** A synthetic deal of every pipeline and open stage, varied levels, attestations, history and activities. */
function benchDeal(playbook: Playbook, attested: readonly string[], index: number, now: Date): PlainDeal {
  const pipeline = playbook.pipelines[index % playbook.pipelines.length] ?? playbook.pipelines[0];
  if (!pipeline) throw new Error('no pipeline');
  const path = forwardPath(pipeline).slice(0, -1);
  const position = Math.floor(index / playbook.pipelines.length) % path.length;
  const stage = path[position] ?? path[0];
  if (!stage) throw new Error('no stage');
  const meddpicc = Object.fromEntries(
    playbook.qualification.elements.map((element, e) => [
      element.key,
      { level: LEVELS[(index + e) % 3] ?? 'unknown', summary: null, contactId: null },
    ]),
  );
  const attestations = Object.fromEntries(
    attested
      .filter((_, a) => (index + a) % 4 !== 0)
      .map((key) => [key, { attestedBy: 'bench', attestedAt: now, note: null, evidenceUrl: 'https://e' }]),
  );
  const created = new Date(now.getTime() - ((index % 200) + 5) * DAY);
  const history: StageChangeFact[] = [{ toStage: path[0]?.key ?? stage.key, kind: 'create', at: created }];
  for (let step = 1; step <= position; step++)
    history.push({
      toStage: path[step]?.key ?? stage.key,
      kind: index % 7 === 0 && step === position ? 'regress' : 'advance',
      at: new Date(created.getTime() + step * ((index % 5) + 1) * DAY),
    });
  const activities: ActivityFact[] = Array.from({ length: index % 3 }, (_, a) => ({
    id: `act_${a}`,
    kind: a === 0 ? 'call' : 'meeting',
    occurredAt: new Date(created.getTime() + DAY),
    summary: 'Call.',
  }));
  return {
    facts: {
      type: 'new',
      pipeline: pipeline.key,
      stage: stage.key,
      source: playbook.leadSources[index % playbook.leadSources.length]?.key ?? 'ae',
      amountMinor: index * 100,
      closeDate: new Date(now.getTime() + ((index % 120) - 10) * DAY).toISOString().slice(0, 10),
      uplift: null,
      closing: null,
      nextStep: index % 2 ? 'Call back' : null,
      description: null,
      meddpicc,
      attestations,
      poc: null,
      milestones: {},
      activities,
      customerFit: { fits: index % 11 !== 0, message: 'fits' },
    },
    history,
    stageEnteredAt: history.at(-1)?.at ?? created,
    snooze: null,
    signals: {
      closeDateChanges:
        index % 9 === 0
          ? [{ at: new Date(now.getTime() - 3 * DAY), from: '2027-01-01', to: '2027-02-01' }]
          : [],
      stakeholderChanges: [],
      overrides: [],
    },
    pushCount: index % 4,
    lastActivity: activities.length > 0 ? { at: new Date(created.getTime() + DAY), kind: 'call' } : null,
    createdAt: created,
  };
}

/** CPU time of this process since `since` (on a shared machine wall time also counts the waits for a core). */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/**
 * Gate (next forward move) + health + velocity over `count` synthetic in-memory deals on this thread (one
 * core), with no database in the way: the fast path (compiled playbook, evaluateFast over columns built
 * before the timed loop) and the plain evaluators over the same prebuilt deals (at most PLAIN_MAX of them).
 */
export function benchDomain(playbook: Playbook, count: number, now: Date) {
  const compiled = compilePlaybook(playbook);
  const days = Object.fromEntries(
    playbook.pipelines.map((pipeline) => [
      pipeline.key,
      Object.fromEntries(pipeline.stages.map((stage) => [stage.key, stage.expectedDays ?? 10])),
    ]),
  );
  const expected = compileExpectations(compiled, days);
  const attested = [
    ...new Set(
      allCriteria(playbook)
        .filter((entry) => entry.criterion.source.kind === 'attested')
        .map((entry) => entry.criterion.key),
    ),
  ];
  const batches: DealColumns[] = [];
  let plainDeals: PlainDeal[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const deals = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) =>
      benchDeal(playbook, attested, start + i, now),
    );
    if (start < PLAIN_MAX) plainDeals = plainDeals.concat(deals);
    batches.push(columnsFromDeals(compiled, deals));
  }
  const out = allocateVerdicts(compiled, BATCH);
  // One untimed pass over the first batch: the JIT's tiers settle before the clock runs (the job runs for long).
  if (batches[0]) evaluateFast(compiled, expected, batches[0], out, now.getTime());
  let checksum = 0;
  const fastCpu = process.cpuUsage();
  const fastStarted = performance.now();
  for (const columns of batches) {
    evaluateFast(compiled, expected, columns, out, now.getTime());
    checksum += (out.score[0] ?? 0) + (out.gate[0] ?? 0);
  }
  const fastMs = performance.now() - fastStarted;
  const fastCpuMs = cpuMs(fastCpu);
  const plainCpu = process.cpuUsage();
  const plainStarted = performance.now();
  for (const deal of plainDeals) {
    const verdict = evaluatePlainly(playbook, days, deal, now);
    checksum += verdict.health.score + (verdict.gate?.ok ? 1 : 0);
  }
  const plainMs = performance.now() - plainStarted;
  const plainCpuMs = cpuMs(plainCpu);
  const plainCount = plainDeals.length;
  return {
    fast: {
      count,
      ms: fastMs,
      perSecond: perSecond(count, fastMs),
      perCpuSecond: perSecond(count, fastCpuMs),
    },
    plain: {
      count: plainCount,
      ms: plainMs,
      perSecond: perSecond(plainCount, plainMs),
      perCpuSecond: perSecond(plainCount, plainCpuMs),
    },
    checksum,
  };
}

/** `npx tsx bench/inspection-bench.ts [COUNT…]`: only the domain rows (no database), for each count given. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const parsed = parsePlaybook(readFileSync(DEFAULT_PLAYBOOK_FILE, 'utf8'), 'playbook');
  if (!parsed.ok) throw new Error('bench: the default playbook does not load');
  const counts = process.argv.slice(2).map(Number);
  const rows = (counts.length > 0 ? counts : [100_000, 1_000_000]).flatMap((count) => {
    const run = benchDomain(parsed.value, count, new Date());
    return [
      [
        'fast path (compiled tables, columns)',
        run.fast.count.toLocaleString('en'),
        run.fast.ms.toFixed(0),
        run.fast.perSecond.toLocaleString('en'),
        run.fast.perCpuSecond.toLocaleString('en'),
      ],
      [
        'plain evaluators',
        run.plain.count.toLocaleString('en'),
        run.plain.ms.toFixed(0),
        run.plain.perSecond.toLocaleString('en'),
        run.plain.perCpuSecond.toLocaleString('en'),
      ],
    ];
  });
  printTable(['gate + health + velocity, one core', 'deals', 'ms', 'deals/s', 'deals per CPU second'], rows);
}
