import { describe, expect, it } from 'vitest';
import { northwind, satisfiedFacts } from '../../../test/support/playbook-fixtures.js';
import type { Playbook, Stage } from '../playbook/playbook.js';
import { mapFacts, newlyUnmet, stagesAskingMore, unmetAtStage } from './unmet-after-change.js';

const before = northwind();
const withStages = (edit: (stages: Stage[]) => Stage[], mappings?: Playbook['mappings']): Playbook => ({
  ...before,
  ...(mappings && { mappings }),
  pipelines: before.pipelines.map((pipeline) => ({ ...pipeline, stages: edit(pipeline.stages) })),
});
const merged = withStages((stages) => stages.filter((stage) => stage.key !== 'presentation_scheduled'), {
  stages: { sales: { presentation_scheduled: 'decision_maker_bought_in' } },
});
const facts = (stage: string, drop: string[] = []) => {
  const all = satisfiedFacts(before, 'sales', stage, { type: 'first_cell', source: 'field_sales' });
  return {
    ...all,
    attestations: Object.fromEntries(Object.entries(all.attestations).filter(([key]) => !drop.includes(key))),
  };
};

describe('what a new version newly asks of a deal at its stage', () => {
  it.each([
    ['nothing for a deal that meets everything', 'presentation_scheduled', [], []],
    [
      'not the mapped stage’s own exit (owed only to leave it)',
      'presentation_scheduled',
      ['quote_approved'],
      [],
    ],
    ['not what it already missed before', 'decision_maker_bought_in', ['visit_booked'], []],
  ])('%s', (_case, stage, drop, expected) => {
    expect(newlyUnmet(before, merged, facts(stage, drop)).map((missing) => missing.key)).toEqual(expected);
  });

  it('judges the deal under its mapped stage and keys', () => {
    const renamed = {
      ...merged,
      mappings: { ...merged.mappings, criteria: { visit_booked: 'po_received' } },
    };
    const mapped = mapFacts(renamed, facts('presentation_scheduled', ['po_received']));
    expect(mapped.stage).toBe('decision_maker_bought_in');
    expect([mapped.attestations.po_received, mapped.attestations.visit_booked]).toEqual([
      facts('presentation_scheduled').attestations.visit_booked,
      undefined,
    ]);
    expect(unmetAtStage(before, { ...facts('appointment_scheduled') })).toEqual([]);
  });

  it('a stage that now asks for a criterion its deals were not asked for is one to judge', () => {
    const stricter = withStages((stages) =>
      stages.map((stage) =>
        stage.key === 'qualified_to_buy'
          ? {
              ...stage,
              entrance: [
                {
                  key: 'plant_tour',
                  text: 'Plant tour held',
                  source: { kind: 'attested', evidenceRequired: false },
                },
              ],
            }
          : stage,
      ),
    );
    // That stage and every later open one (their deals passed through it without being asked).
    expect(stagesAskingMore(before, stricter).map((entry) => entry.stage)).toEqual([
      'qualified_to_buy',
      'presentation_scheduled',
      'decision_maker_bought_in',
      'contract_sent',
    ]);
    expect(newlyUnmet(before, stricter, facts('qualified_to_buy')).map((missing) => missing.key)).toEqual([
      'plant_tour',
    ]);
    expect(stagesAskingMore(before, northwind())).toEqual([]);
  });
});
