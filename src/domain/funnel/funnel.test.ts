import { describe, expect, it } from 'vitest';
import type { Pipeline, Stage } from '../playbook/playbook.js';
import { buildFunnel, type StageEntry } from './funnel.js';

const stage = (key: string, probability: number, outcome: Stage['outcome'] = 'open'): Stage => ({
  key,
  name: key.toUpperCase(),
  probability,
  forecastCategory: 'pipeline',
  outcome,
  description: '',
  qualification: {},
  entrance: [],
  exit: [],
  milestones: [],
});
const pipeline: Pipeline = {
  key: 'nb',
  name: 'New business',
  stages: [
    stage('s1', 10),
    stage('s2', 30),
    stage('s3', 60),
    stage('won', 100, 'won'),
    stage('lost', 0, 'lost'),
  ],
};
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const path = (deal: string, ...steps: [string, number][]): StageEntry[] =>
  steps.map(([key, at]) => ({ opportunityId: deal, stage: key, at: day(at) }));

// Hand-checked fixture: five deals.
const entries = [
  ...path('d1', ['s1', 0], ['s2', 4], ['s3', 10], ['won', 20]),
  ...path('d2', ['s1', 0], ['s2', 2], ['lost', 5]),
  ...path('d3', ['s1', 0], ['lost', 6]),
  ...path('d4', ['s1', 0]),
  ...path('d5', ['s1', 0], ['s2', 8]),
];
const current = new Map([
  ['d1', 'won'],
  ['d2', 'lost'],
  ['d3', 'lost'],
  ['d4', 's1'],
  ['d5', 's2'],
]);

describe('buildFunnel', () => {
  const funnel = buildFunnel(pipeline, entries, current);
  const row = (key: string) => funnel.stages.find((entry) => entry.stage === key);

  it('lists the open stages in order with entered → advanced conversion (lost is never beyond)', () => {
    expect(funnel.deals).toBe(5);
    expect(
      funnel.stages.map((entry) => [entry.stage, entry.entered, entry.advanced, entry.conversion]),
    ).toEqual([
      ['s1', 5, 3, 60],
      ['s2', 3, 1, 33.3],
      ['s3', 1, 1, 100],
    ]);
  });

  it('takes the median of completed stays in days', () => {
    expect(row('s1')).toMatchObject({ medianDays: 5, completedStays: 4 });
    expect(row('s2')).toMatchObject({ medianDays: 4.5, completedStays: 2 });
    expect(row('s3')).toMatchObject({ medianDays: 10, completedStays: 1 });
  });

  it('calibrates a win rate on the closed deals ever in the stage, beside the playbook probability', () => {
    expect(
      funnel.stages.map((entry) => [
        entry.closed,
        entry.won,
        entry.calibratedWinRate,
        entry.playbookProbability,
      ]),
    ).toEqual([
      [3, 1, 33.3, 10],
      [2, 1, 50, 30],
      [1, 1, 100, 60],
    ]);
  });

  it('says nothing it cannot know: no deals, no rates', () => {
    const empty = buildFunnel(pipeline, [], new Map());
    expect(empty.stages[0]).toMatchObject({
      entered: 0,
      conversion: null,
      medianDays: null,
      calibratedWinRate: null,
    });
  });

  it('counts a deal that re-enters a stage once, and each of its stays', () => {
    const again = buildFunnel(
      pipeline,
      path('d6', ['s1', 0], ['s2', 1], ['s1', 3], ['s2', 7]),
      new Map([['d6', 's2']]),
    );
    expect(again.stages[0]).toMatchObject({ entered: 1, advanced: 1, completedStays: 2, medianDays: 2.5 });
  });
});
