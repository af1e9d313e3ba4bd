import type { PocSessionTemplate, PocTemplate } from '../playbook/inspection-settings.js';
import type { PocPlan, PocSession } from './poc-plan.js';

export interface NewPlanFacts {
  planId: string;
  opportunityId: string;
  createdBy: string;
  now: Date;
  /** Gives each session and criterion its id (the caller's id source: the domain has no randomness). */
  newId: (kind: 'session' | 'criterion') => string;
}

/** A session as the template describes it: planned, unscheduled, nobody invited yet. */
export function sessionFromTemplate(template: PocSessionTemplate, id: string, sequence: number): PocSession {
  return {
    id,
    templateKey: template.key,
    sequence,
    name: sequence > 1 ? `${template.name} #${sequence}` : template.name,
    purpose: template.purpose,
    durationMinutes: template.durationMinutes ?? null,
    agenda: template.agenda.map((item) => ({ ...item })),
    scheduledAt: null,
    attendees: [],
    status: 'planned',
    completedAt: null,
    notes: null,
  };
}

/** The playbook's POC sessions and its success criteria in their groups, all still to be done. */
export function createPocPlan(template: PocTemplate, facts: NewPlanFacts): PocPlan {
  return {
    id: facts.planId,
    opportunityId: facts.opportunityId,
    sessions: template.sessions.map((session) => sessionFromTemplate(session, facts.newId('session'), 1)),
    criteria: template.successCriteria.flatMap((group) =>
      group.criteria.map((text, position) => ({
        id: facts.newId('criterion'),
        group: group.key,
        position,
        text,
        target: null,
        result: null,
        status: 'pending' as const,
      })),
    ),
    benchmarks: [],
    tco: null,
    signOff: null,
    readout: null,
    createdBy: facts.createdBy,
    createdAt: facts.now,
    updatedAt: facts.now,
  };
}
