import { findStage, nextStage, openStages } from '../playbook/lookup.js';
import type { MeddpiccLevel, Pipeline, Playbook } from '../playbook/playbook.js';
import { levelOf, levelRank, type MeddpiccState, meddpiccRequiredToLeave } from './meddpicc.js';

export type GapSeverity = 'high' | 'medium' | 'low';

export interface MeddpiccElementScore {
  element: string;
  name: string;
  level: MeddpiccLevel;
  /** 0 unknown, 1 identified, 2 validated. */
  points: number;
  evidence: { summary: string | null; contactId: string | null };
}

export interface MeddpiccGap {
  element: string;
  name: string;
  required: MeddpiccLevel;
  actual: MeddpiccLevel;
  /** The stage whose exit asks for it. */
  stage: string;
  severity: GapSeverity;
  message: string;
}

export interface StageReadiness {
  stage: string;
  ready: boolean;
  required: Array<{ element: string; level: MeddpiccLevel }>;
}

export interface MeddpiccScore {
  /** 0–100: the share of the points a fully validated MEDDPICC would have. */
  score: number;
  elements: MeddpiccElementScore[];
  /** What leaving the current stage, and the next one, requires against what is there. */
  readiness: { current: StageReadiness | null; next: StageReadiness | null };
  gaps: MeddpiccGap[];
}

function readiness(
  pipeline: Pipeline,
  stageKey: string | undefined,
  state: MeddpiccState,
): StageReadiness | null {
  const stage = stageKey ? findStage(pipeline, stageKey) : undefined;
  if (stage?.outcome !== 'open') return null;
  const required = meddpiccRequiredToLeave(pipeline, stage).map((req) => ({
    element: req.element,
    level: req.level,
  }));
  const ready = required.every((req) => levelRank(levelOf(state, req.element)) >= levelRank(req.level));
  return { stage: stage.key, ready, required };
}

/**
 * Scores a deal's MEDDPICC: per element level and evidence, an overall score, readiness to leave the current
 * and the next stage, and gaps by severity — high: unknown though leaving this stage needs it (e.g. Economic
 * Buyer unknown at Propose); medium: known but not yet at the level this stage needs; low: needed only to
 * leave the next stage.
 */
export function scoreMeddpicc(
  playbook: Playbook,
  pipeline: Pipeline,
  stageKey: string,
  state: MeddpiccState,
): MeddpiccScore {
  const elements = playbook.qualification.elements.map((element) => {
    const level = levelOf(state, element.key);
    return {
      element: element.key,
      name: element.name,
      level,
      points: levelRank(level),
      evidence: {
        summary: state[element.key]?.summary ?? null,
        contactId: state[element.key]?.contactId ?? null,
      },
    };
  });
  const total = elements.reduce((sum, element) => sum + element.points, 0);
  const current = findStage(pipeline, stageKey);
  const next = current && nextStage(pipeline, current);
  const gaps: MeddpiccGap[] = [];
  const nameOf = (key: string) => elements.find((element) => element.element === key)?.name ?? key;
  if (current && current.outcome === 'open') {
    for (const req of meddpiccRequiredToLeave(pipeline, current)) {
      const actual = levelOf(state, req.element);
      if (levelRank(actual) >= levelRank(req.level)) continue;
      const severity: GapSeverity = actual === 'unknown' ? 'high' : 'medium';
      const message = `${nameOf(req.element)} is ${actual}; leaving ${current.name} needs it ${req.level}.`;
      gaps.push({
        element: req.element,
        name: nameOf(req.element),
        required: req.level,
        actual,
        stage: current.key,
        severity,
        message,
      });
    }
    if (next && next.outcome === 'open') {
      for (const req of meddpiccRequiredToLeave(pipeline, next)) {
        const actual = levelOf(state, req.element);
        if (levelRank(actual) >= levelRank(req.level) || gaps.some((gap) => gap.element === req.element))
          continue;
        const message = `${nameOf(req.element)} is ${actual}; ${next.name} will need it ${req.level}.`;
        gaps.push({
          element: req.element,
          name: nameOf(req.element),
          required: req.level,
          actual,
          stage: next.key,
          severity: 'low',
          message,
        });
      }
    }
  }
  const isOpen = openStages(pipeline).some((stage) => stage.key === stageKey);
  return {
    score: elements.length === 0 ? 0 : Math.round((100 * total) / (2 * elements.length)),
    elements,
    readiness: {
      current: isOpen ? readiness(pipeline, stageKey, state) : null,
      next: isOpen && next ? readiness(pipeline, next.key, state) : null,
    },
    gaps,
  };
}
