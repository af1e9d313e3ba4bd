import { describe, expect, it } from 'vitest';
import type { Pipeline, Stage } from '../../api';
import { describeNeeds, levelNeededToLeave } from './meddpicc-needs';

const stage = (key: string, qualification: Stage['qualification'] = {}): Stage => ({
  key,
  name: key.toUpperCase(),
  probability: 0,
  forecastCategory: 'pipeline',
  outcome: 'open',
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
    stage('created', { champion: 'identified' }),
    stage('discover'),
    stage('propose', { champion: 'validated' }),
  ],
};

describe('describeNeeds', () => {
  it('names the first stage that needs each level', () => {
    expect(describeNeeds(pipeline, 'champion')).toBe(
      'identified to leave CREATED · validated to leave PROPOSE',
    );
    expect(describeNeeds(pipeline, 'metrics')).toBe('Not required by this pipeline.');
  });
});

describe('levelNeededToLeave', () => {
  it('is cumulative: the highest level any stage so far asks for', () => {
    expect(levelNeededToLeave(pipeline, 'created', 'champion')).toBe('identified');
    expect(levelNeededToLeave(pipeline, 'discover', 'champion')).toBe('identified');
    expect(levelNeededToLeave(pipeline, 'propose', 'champion')).toBe('validated');
    expect(levelNeededToLeave(pipeline, 'propose', 'metrics')).toBeNull();
  });
});
