import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import type { MeddpiccLevel } from '../playbook/playbook.js';
import type { MeddpiccState } from './meddpicc.js';
import { scoreMeddpicc } from './meddpicc-score.js';

const playbook = firebolt();
const nb = playbook.pipelines.find((pipeline) => pipeline.key === 'new_business');
const renewal = playbook.pipelines.find((pipeline) => pipeline.key === 'renewal');
if (!nb || !renewal) throw new Error('pipelines');
const state = (levels: Record<string, MeddpiccLevel>): MeddpiccState =>
  Object.fromEntries(
    Object.entries(levels).map(([key, level]) => [key, { level, summary: 'x', contactId: null }]),
  );

describe('MEDDPICC score', () => {
  it.each<[Record<string, MeddpiccLevel>, number]>([
    [{}, 0],
    [{ metrics: 'identified' }, 6],
    [Object.fromEntries(playbook.qualification.elements.map((e) => [e.key, 'identified'])), 50],
    [Object.fromEntries(playbook.qualification.elements.map((e) => [e.key, 'validated'])), 100],
  ])('scores %j as %i', (levels, score) => {
    expect(scoreMeddpicc(playbook, nb, 'discover', state(levels)).score).toBe(score);
  });

  it('flags an Economic Buyer unknown at Propose as a high-severity gap', () => {
    const levels = Object.fromEntries(
      playbook.qualification.elements.map((e) => [e.key, 'validated' as MeddpiccLevel]),
    );
    const result = scoreMeddpicc(playbook, nb, 'propose', state({ ...levels, economic_buyer: 'unknown' }));
    expect(result.gaps).toContainEqual(
      expect.objectContaining({
        element: 'economic_buyer',
        severity: 'high',
        required: 'validated',
        stage: 'propose',
      }),
    );
    expect(result.readiness.current).toMatchObject({ stage: 'propose', ready: false });
  });

  it('grades a known-but-not-validated element medium, and what only the next stage needs low', () => {
    const result = scoreMeddpicc(
      playbook,
      nb,
      'poc',
      state({
        economic_buyer: 'identified',
        identify_pain: 'identified',
        champion: 'identified',
        competition: 'identified',
        metrics: 'identified',
        decision_process: 'identified',
        decision_criteria: 'identified',
      }),
    );
    const severities = Object.fromEntries(result.gaps.map((gap) => [gap.element, gap.severity]));
    expect(severities).toEqual({
      decision_criteria: 'medium',
      metrics: 'low',
      economic_buyer: 'low',
      decision_process: 'low',
      identify_pain: 'low',
      champion: 'low',
      competition: 'low',
    });
    expect(result.readiness.next).toMatchObject({ stage: 'propose', ready: false });
  });

  it('has no requirements, gaps or readiness in the Renewal pipeline and once closed', () => {
    expect(scoreMeddpicc(playbook, renewal, 'propose', {}).gaps).toEqual([]);
    expect(scoreMeddpicc(playbook, nb, 'closed_won', {}).readiness).toEqual({ current: null, next: null });
  });
});
