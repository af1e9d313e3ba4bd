import { addSession, changeSession } from '../../domain/poc/change-poc-plan.js';
import type { PocPlan } from '../../domain/poc/poc-plan.js';
import type { Actor, AppContext } from '../context.js';
import { changePoc } from './change-poc.js';
import type { PocSessionAddInput, PocSessionChangeInput } from './poc-inputs.js';

const sessionAudit = (sessionId: string) => (before: PocPlan, after: PocPlan) => ({
  before: before.sessions.find((session) => session.id === sessionId) ?? null,
  after: after.sessions.find((session) => session.id === sessionId) ?? null,
});

/** Schedules (when, who attends), completes, cancels or annotates one POC session. */
export function updatePocSession(
  context: AppContext,
  actor: Actor,
  id: string,
  sessionId: string,
  input: PocSessionChangeInput,
  expectedVersion?: number,
) {
  const change = {
    scheduledAt: input.scheduledAt,
    notes: input.notes,
    status: input.status,
    attendees: input.attendees?.map((attendee) => ({ name: attendee.name, email: attendee.email ?? null })),
  };
  return changePoc(
    context,
    actor,
    id,
    {
      action: 'opportunity.poc_session_updated',
      decide: (plan, _deal, now) => changeSession(plan, sessionId, change, now),
      audit: sessionAudit(sessionId),
    },
    expectedVersion,
  );
}

/** Adds another instance of a repeatable session (Hands-On Working Sessions). */
export function addPocSession(
  context: AppContext,
  actor: Actor,
  id: string,
  input: PocSessionAddInput,
  expectedVersion?: number,
) {
  const sessionId = context.newId('pocs');
  return changePoc(
    context,
    actor,
    id,
    {
      action: 'opportunity.poc_session_added',
      decide: (plan, _deal, now) =>
        addSession(plan, context.playbook.inspection.poc, input.templateKey, sessionId, now),
      audit: sessionAudit(sessionId),
    },
    expectedVersion,
  );
}
