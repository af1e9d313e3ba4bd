import { describe, expect, it } from 'vitest';
import type { MissingRequirement, Pipeline } from '../api';
import { groupMissing } from './missing';

const pipeline = {
  key: 'new_business',
  name: 'New Business',
  stages: [
    { key: 'created', name: 'Opportunity Created' },
    { key: 'discover', name: 'Discover' },
  ],
} as unknown as Pipeline;

const item = (kind: MissingRequirement['kind'], key: string, stage: string): MissingRequirement => ({
  kind,
  key,
  stage,
  label: key,
  message: `${key} missing`,
});

describe('the missing list, grouped', () => {
  it('groups by stage in pipeline order and names each requirement once', () => {
    const groups = groupMissing(
      [
        item('criterion', 'nb_pressing_need', 'discover'),
        item('meddpicc', 'champion', 'created'),
        item('criterion', 'nb_call_notes', 'created'),
        item('meddpicc', 'champion', 'created'),
      ],
      pipeline,
    );
    expect(groups.map((group) => [group.stageName, group.items.map((entry) => entry.key)])).toEqual([
      ['Opportunity Created', ['champion', 'nb_call_notes']],
      ['Discover', ['nb_pressing_need']],
    ]);
  });
});
