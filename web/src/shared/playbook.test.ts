import { describe, expect, it } from 'vitest';
import type { Pipeline, Stage } from '../api';
import { quarterOf, quartersAround } from './format';
import { classifyMove } from './playbook';

const stage = (
  key: string,
  outcome: Stage['outcome'],
  qualification: Stage['qualification'] = {},
): Stage => ({
  key,
  name: key.toUpperCase(),
  probability: 0,
  forecastCategory: 'pipeline',
  outcome,
  description: '',
  qualification,
  entrance: [],
  exit: [],
  milestones: [],
});

const pipeline: Pipeline = {
  key: 'nb',
  name: 'New Business',
  stages: [
    stage('created', 'open', { champion: 'identified' }),
    stage('discover', 'open'),
    stage('propose', 'open', { champion: 'validated' }),
    stage('won', 'won'),
    stage('lost', 'lost'),
  ],
};

describe('classifyMove', () => {
  it.each([
    ['created', 'discover', 'advance'],
    ['created', 'won', 'advance'],
    ['propose', 'discover', 'regress'],
    ['discover', 'lost', 'close_lost'],
    ['won', 'propose', 'reopen'],
    ['lost', 'created', 'reopen'],
    ['discover', 'discover', 'none'],
    ['discover', 'elsewhere', 'none'],
  ])('%s → %s is %s', (from, to, kind) => {
    expect(classifyMove(pipeline, from, to)).toBe(kind);
  });
});

describe('quarters', () => {
  it('names the quarter of a date and those around it', () => {
    expect(quarterOf(new Date('2026-11-27T00:00:00Z'))).toBe('2026-Q4');
    expect(quartersAround(new Date('2026-11-27T00:00:00Z'), 1, 2)).toEqual([
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
    ]);
  });
});
