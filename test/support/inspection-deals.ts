import fc from 'fast-check';
import { ACTIVITY_KINDS, type ActivityFact } from '../../src/domain/activity/activity.js';
import type { PlainDeal } from '../../src/domain/inspection/columns-from-deals.js';
import { POC_STATUSES } from '../../src/domain/inspection/fast-evaluator.js';
import type { StageChangeFact } from '../../src/domain/inspection/stage-intervals.js';
import { allCriteria, forwardPath, openStages } from '../../src/domain/playbook/lookup.js';
import { MEDDPICC_LEVELS, type Playbook } from '../../src/domain/playbook/playbook.js';
import { signedAndAccepted } from './closing-facts-fixtures.js';

const DAY = 86_400_000;
/** No offer chosen; signed and accepted; sent for signature only; a private offer released, not accepted. */
const CLOSINGS = [
  null,
  signedAndAccepted(),
  signedAndAccepted({ status: 'sent_for_signature' }),
  signedAndAccepted({ awsOfferStatus: 'released' }),
];

/** Evaluation instants near weekends and month ends (Fri, Sat, Sun, Mon; the last day of a month; a leap day). */
export const NOWS = [
  '2026-11-27T17:45:00Z',
  '2026-11-28T00:00:00Z',
  '2026-11-29T23:59:59Z',
  '2026-11-30T08:00:00Z',
  '2026-12-31T12:30:00Z',
  '2027-01-31T06:00:00Z',
  '2027-02-26T21:00:00Z',
  '2028-02-29T10:00:00Z',
].map((iso) => new Date(iso));

/** Deals relative to `now`: every stage (closed ones too), levels, attestations, POC, history walks, signals. */
export function dealArbitrary(playbook: Playbook) {
  const attested = [
    ...new Set(
      allCriteria(playbook)
        .filter((c) => c.criterion.source.kind === 'attested')
        .map((c) => c.criterion.key),
    ),
  ];
  const small = (max: number) => fc.integer({ min: 0, max });
  const daysAgo = fc.integer({ min: -5 * DAY, max: 150 * DAY });
  return fc
    .record({
      pipeline: small(9),
      stage: small(99),
      /** 0–100: how much of what the gate asks is there (so that gates open too). */
      density: small(100),
      /** Seeds the per-item rolls against `density` (one number instead of an array of rolls: sampling stays quick). */
      rolls: fc.integer({ min: 1, max: 0x7fffffff }),
      source: small(playbook.leadSources.length),
      closeIn: fc.integer({ min: -40, max: 160 }),
      fits: fc.boolean(),
      uplift: small(3),
      poc: small(5),
      closing: small(3),
      activities: fc.array(fc.tuple(small(3), daysAgo), { maxLength: 4 }),
      walk: fc.array(fc.tuple(small(4), small(9), fc.integer({ min: 0, max: 50 * DAY })), { maxLength: 6 }),
      emptyHistory: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      sinceLastStep: fc.integer({ min: 0, max: 90 * DAY }),
      snooze: fc.option(fc.integer({ min: -10, max: 20 }), { freq: 3 }),
      pushes: fc.array(fc.tuple(daysAgo, fc.boolean()), { maxLength: 4 }),
      stakeholders: fc.array(daysAgo, { maxLength: 2 }),
      overrides: small(2),
      pushCount: small(3),
      lastActivity: fc.option(daysAgo, { freq: 4 }),
    })
    .map((raw) => (now: Date): PlainDeal => {
      const pipeline = playbook.pipelines[raw.pipeline % playbook.pipelines.length] ?? playbook.pipelines[0];
      if (!pipeline) throw new Error('no pipeline');
      let state = raw.rolls;
      const has = () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) % 100 < raw.density;
      };
      const at = (ago: number) => new Date(now.getTime() - ago);
      // A walk along the pipeline: advance (maybe skipping), regress, close lost or won, reopen.
      const history: StageChangeFact[] = [];
      const total = raw.walk.reduce((sum, [, , gap]) => sum + gap, 0) + raw.sinceLastStep;
      let when = now.getTime() - total;
      const open = openStages(pipeline);
      const path = forwardPath(pipeline);
      let stage = open[0]?.key ?? '';
      history.push({ toStage: stage, kind: 'create', at: new Date(when) });
      for (const [move, target, gap] of raw.walk) {
        when += gap;
        const current = pipeline.stages.find((s) => s.key === stage);
        const index = path.findIndex((s) => s.key === stage);
        let next: StageChangeFact | null = null;
        if (current?.outcome !== 'open') {
          const to = open[target % open.length];
          if (to) next = { toStage: to.key, kind: 'reopen', at: new Date(when) };
        } else if (move <= 1 && path[index + 1 + (move === 1 ? target % 2 : 0)]) {
          const to = path[index + 1 + (move === 1 ? target % 2 : 0)];
          const kind = to?.outcome === 'won' ? 'close_won' : 'advance';
          if (to && (kind === 'advance' || index === open.length - 1))
            next = { toStage: to.key, kind, at: new Date(when) };
        } else if (move === 2 && index > 0) {
          const to = open[target % index];
          if (to) next = { toStage: to.key, kind: 'regress', at: new Date(when) };
        } else if (move === 3) {
          const lost = pipeline.stages.find((s) => s.outcome === 'lost');
          if (lost) next = { toStage: lost.key, kind: 'close_lost', at: new Date(when) };
        }
        if (next) {
          history.push(next);
          stage = next.toStage;
        }
      }
      const emptyHistory = raw.emptyHistory;
      if (emptyHistory) stage = pipeline.stages[raw.stage % pipeline.stages.length]?.key ?? stage;
      const level = () => MEDDPICC_LEVELS[has() ? 2 : has() ? 1 : 0] ?? 'unknown';
      const meddpicc = Object.fromEntries(
        playbook.qualification.elements.map((e) => [
          e.key,
          { level: level(), summary: null, contactId: null },
        ]),
      );
      const attestations = Object.fromEntries(
        attested
          .filter(() => has())
          .map((key) => [
            key,
            { attestedBy: 'u', attestedAt: now, note: null, evidenceUrl: has() ? 'https://e.example' : null },
          ]),
      );
      const milestones = Object.fromEntries(
        playbook.milestones.filter(() => has()).map((m) => [m.key, { achievedAt: now, recordedBy: 'u' }]),
      );
      const activities: ActivityFact[] = raw.activities.map(([kind, ago], index) => ({
        id: `act_${index}`,
        kind: ACTIVITY_KINDS[kind] ?? 'call',
        occurredAt: at(Math.abs(ago)),
        summary: 'Talked.',
      }));
      const status = POC_STATUSES[raw.poc % POC_STATUSES.length] ?? 'none';
      const poc =
        raw.poc === 5
          ? null
          : {
              status,
              reasons: [],
              resultsMeetCriteria: has(),
              readoutCompleted: has(),
              planSignedOff: has(),
              criteria: { total: 3, met: 1, notMet: 1, pending: 1 },
              sessions: { total: 3, completed: 1, validationCompleted: false },
            };
      const closing = CLOSINGS[raw.closing] ?? null;
      const closeDate = new Date(now.getTime() + raw.closeIn * DAY).toISOString().slice(0, 10);
      const uplift =
        raw.uplift === 0
          ? null
          : {
              fits: [true, false, null][raw.uplift - 1] ?? null,
              upliftPct: null,
              expectedType: null,
              previousContract: null,
              message: 'uplift',
            };
      return {
        facts: {
          type: 'new',
          pipeline: pipeline.key,
          stage,
          source: playbook.leadSources[raw.source]?.key ?? 'elsewhere',
          amountMinor: has() ? 1000 : 0,
          closeDate,
          nextStep: has() ? 'Call' : has() ? '  ' : null,
          description: has() ? 'Deal' : null,
          meddpicc,
          attestations,
          poc,
          milestones,
          uplift,
          activities,
          customerFit: { fits: raw.fits, message: 'fit' },
          closing,
        },
        history: emptyHistory ? [] : history,
        stageEnteredAt: new Date(now.getTime() - raw.sinceLastStep),
        snooze:
          raw.snooze === null
            ? null
            : {
                until: new Date(Math.floor(now.getTime() / DAY + raw.snooze) * DAY),
                reason: 'Waiting.',
              },
        signals: {
          closeDateChanges: raw.pushes.map(([ago, later]) => ({
            at: at(ago),
            from: '2027-01-15',
            to: later ? '2027-02-15' : '2026-12-15',
          })),
          stakeholderChanges: raw.stakeholders.map((ago) => ({ at: at(ago), description: 'Champion left.' })),
          overrides: Array.from({ length: raw.overrides }, () => ({
            at: now,
            by: 'rvp',
            justification: 'Forced.',
            to: stage,
          })),
        },
        pushCount: raw.pushCount,
        lastActivity: raw.lastActivity === null ? null : { at: at(raw.lastActivity), kind: 'call' },
        createdAt: history[0]?.at ?? now,
      };
    });
}
