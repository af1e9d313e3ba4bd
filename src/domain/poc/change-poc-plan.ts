import type { PocTemplate } from '../playbook/inspection-settings.js';
import { err, ok, type Result } from '../result.js';
import { resultsSessionHeld } from './assess-poc.js';
import { sessionFromTemplate } from './create-poc-plan.js';
import type {
  PocAttendee,
  PocBenchmark,
  PocCriterion,
  PocCriterionStatus,
  PocPlan,
  PocSession,
  PocSessionStatus,
  PocTco,
} from './poc-plan.js';

export type PocChangeError = { code: 'not_found'; message: string } | { code: 'conflict'; message: string };

type Changed = Result<PocPlan, PocChangeError>;

export interface SessionChange {
  scheduledAt?: Date | null;
  attendees?: PocAttendee[];
  notes?: string | null;
  status?: PocSessionStatus;
}

/** Schedules, completes, cancels or re-plans one session. A completed session stays completed. */
export function changeSession(plan: PocPlan, sessionId: string, change: SessionChange, now: Date): Changed {
  const session = plan.sessions.find((candidate) => candidate.id === sessionId);
  if (!session) return err({ code: 'not_found', message: `POC session ${sessionId} not found` });
  const status = change.status ?? session.status;
  if (session.status === 'completed' && status !== 'completed') {
    return err({
      code: 'conflict',
      message: `${session.name} was already held; it cannot be ${status} again.`,
    });
  }
  const next: PocSession = {
    ...session,
    scheduledAt: change.scheduledAt === undefined ? session.scheduledAt : change.scheduledAt,
    attendees: change.attendees ?? session.attendees,
    notes: change.notes === undefined ? session.notes : change.notes,
    status,
    completedAt: status === 'completed' ? (session.completedAt ?? now) : null,
  };
  return ok(withSession(plan, next, now));
}

function withSession(plan: PocPlan, session: PocSession, now: Date): PocPlan {
  const exists = plan.sessions.some((candidate) => candidate.id === session.id);
  const sessions = exists
    ? plan.sessions.map((candidate) => (candidate.id === session.id ? session : candidate))
    : [...plan.sessions, session];
  return { ...plan, sessions, updatedAt: now };
}

/** Adds another instance of a repeatable session (Hands-On Working Sessions). */
export function addSession(
  plan: PocPlan,
  template: PocTemplate | undefined,
  templateKey: string | undefined,
  sessionId: string,
  now: Date,
): Changed {
  if (!template) return err({ code: 'conflict', message: 'This playbook has no POC method.' });
  // Without a key: the first session the template lets a plan hold again.
  const found = templateKey
    ? template.sessions.find((session) => session.key === templateKey)
    : template.sessions.find((session) => session.repeatable);
  if (!found) {
    const message = templateKey
      ? `no POC session template ${templateKey}`
      : 'the playbook has no repeatable POC session';
    return err({ code: 'not_found', message });
  }
  if (!found.repeatable) {
    return err({
      code: 'conflict',
      message: `${found.name} is held once; only repeatable sessions can be added.`,
    });
  }
  const sequence =
    Math.max(0, ...plan.sessions.filter((s) => s.templateKey === found.key).map((s) => s.sequence)) + 1;
  return ok(withSession(plan, sessionFromTemplate(found, sessionId, sequence), now));
}

export interface CriterionChange {
  target?: string | null;
  result?: string | null;
  status?: PocCriterionStatus;
}

/** Records a success criterion's target, result and verdict; a verdict (met / not met) needs a result. */
export function changeCriterion(
  plan: PocPlan,
  criterionId: string,
  change: CriterionChange,
  now: Date,
): Changed {
  const criterion = plan.criteria.find((candidate) => candidate.id === criterionId);
  if (!criterion)
    return err({ code: 'not_found', message: `POC success criterion ${criterionId} not found` });
  const next: PocCriterion = {
    ...criterion,
    target: change.target === undefined ? criterion.target : change.target,
    result: change.result === undefined ? criterion.result : change.result,
    status: change.status ?? criterion.status,
  };
  if (next.status !== 'pending' && !next.result) {
    return err({
      code: 'conflict',
      message: `Record the result of "${criterion.text}" before calling it ${next.status}.`,
    });
  }
  const criteria = plan.criteria.map((candidate) => (candidate.id === criterionId ? next : candidate));
  return ok({ ...plan, criteria, updatedAt: now });
}

/** Adds a benchmark, or replaces the one with the same id. */
export function saveBenchmark(
  plan: PocPlan,
  benchmark: PocBenchmark,
  now: Date,
  mustExist: boolean,
): Changed {
  const exists = plan.benchmarks.some((candidate) => candidate.id === benchmark.id);
  if (mustExist && !exists)
    return err({ code: 'not_found', message: `POC benchmark ${benchmark.id} not found` });
  const benchmarks = exists
    ? plan.benchmarks.map((candidate) => (candidate.id === benchmark.id ? benchmark : candidate))
    : [...plan.benchmarks, benchmark];
  return ok({ ...plan, benchmarks, updatedAt: now });
}

/** Removes a benchmark entered by mistake. */
export function removeBenchmark(plan: PocPlan, benchmarkId: string, now: Date): Changed {
  if (!plan.benchmarks.some((candidate) => candidate.id === benchmarkId))
    return err({ code: 'not_found', message: `POC benchmark ${benchmarkId} not found` });
  return ok({ ...plan, benchmarks: plan.benchmarks.filter((b) => b.id !== benchmarkId), updatedAt: now });
}

export const setTco = (plan: PocPlan, tco: PocTco | null, now: Date): PocPlan => ({
  ...plan,
  tco,
  updatedAt: now,
});

export function signOff(plan: PocPlan, signOff: PocPlan['signOff'], now: Date): PocPlan {
  return { ...plan, signOff, updatedAt: now };
}

/** The readout can only follow the session where the results are presented (the playbook's `resultsSession`). */
export function recordReadout(
  plan: PocPlan,
  readout: PocPlan['readout'],
  now: Date,
  resultsSession: string | undefined,
): Changed {
  if (readout && !resultsSessionHeld(plan, resultsSession)) {
    const session = plan.sessions.find((candidate) => candidate.templateKey === resultsSession);
    return err({
      code: 'conflict',
      message: `Hold the ${session?.name ?? 'results'} session before recording the readout.`,
    });
  }
  return ok({ ...plan, readout, updatedAt: now });
}
