import { describe, expect, it } from 'vitest';
import { northwind } from '../../../test/support/playbook-fixtures.js';
import { diffPlaybooks } from './diff-playbooks.js';
import type { Playbook, Stage } from './playbook.js';

const before = northwind();

function editStages(edit: (stages: Stage[]) => Stage[], extra: Partial<Playbook> = {}): Playbook {
  return {
    ...before,
    ...extra,
    pipelines: before.pipelines.map((pipeline) => ({ ...pipeline, stages: edit(pipeline.stages) })),
  };
}

describe('the diff of two playbook versions', () => {
  it('is unchanged for the same playbook', () => {
    expect(diffPlaybooks(before, northwind()).unchanged).toBe(true);
  });

  it.each([
    [
      'a removed stage, with its criteria',
      editStages((stages) => stages.filter((stage) => stage.key !== 'presentation_scheduled')),
      {
        stages: [
          {
            pipeline: 'sales',
            key: 'presentation_scheduled',
            name: 'Presentation Scheduled',
            change: 'removed',
          },
        ],
        criteria: [expect.objectContaining({ key: 'pilot_passed', change: 'removed', phase: 'exit' })],
      },
    ],
    [
      'a stage mapped to another',
      editStages((stages) => stages.filter((stage) => stage.key !== 'presentation_scheduled'), {
        mappings: { stages: { sales: { presentation_scheduled: 'decision_maker_bought_in' } } },
      }),
      {
        stages: [
          expect.objectContaining({
            key: 'presentation_scheduled',
            change: 'mapped',
            mappedTo: 'decision_maker_bought_in',
          }),
        ],
      },
    ],
    [
      'a probability and forecast category change',
      editStages((stages) =>
        stages.map((stage) =>
          stage.key === 'qualified_to_buy'
            ? { ...stage, probability: 50, forecastCategory: 'best_case' }
            : stage,
        ),
      ),
      {
        probabilities: [
          {
            pipeline: 'sales',
            stage: 'qualified_to_buy',
            name: 'Qualified To Buy',
            from: 40,
            to: 50,
            forecastFrom: 'pipeline',
            forecastTo: 'best_case',
          },
        ],
      },
    ],
    [
      'an added criterion and a raised qualification level',
      editStages((stages) =>
        stages.map((stage) =>
          stage.key === 'appointment_scheduled'
            ? {
                ...stage,
                qualification: { need: 'validated' },
                exit: [
                  ...stage.exit,
                  {
                    key: 'site_safety',
                    text: 'Site safety brief done',
                    source: { kind: 'attested', evidenceRequired: false },
                  },
                ],
              }
            : stage,
        ),
      ),
      {
        criteria: [
          expect.objectContaining({ key: 'site_safety', change: 'added', stage: 'appointment_scheduled' }),
        ],
        qualificationLevels: [
          {
            pipeline: 'sales',
            stage: 'appointment_scheduled',
            element: 'need',
            from: 'identified',
            to: 'validated',
          },
        ],
      },
    ],
  ] as const)('shows %s', (_case, next, expected) => {
    expect(diffPlaybooks(before, next as Playbook)).toMatchObject({ ...expected, unchanged: false });
  });
});
