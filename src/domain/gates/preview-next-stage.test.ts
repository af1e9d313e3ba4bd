import { describe, expect, it } from 'vitest';
import { firebolt, satisfiedFacts } from '../../../test/support/playbook-fixtures.js';
import { furthestReachable, previewNextStage } from './preview-next-stage.js';

const playbook = firebolt();

describe('what the deal can reach now', () => {
  it('walks forward while the gate would open: every stage up to Signature for a deal that has it all', () => {
    const ready = satisfiedFacts(playbook, 'new_business', 'created');
    expect(furthestReachable(playbook, ready)).toEqual({ stage: 'signature', name: 'Signature' });
    expect(furthestReachable(playbook, { ...ready, stage: 'signature' })).toEqual({
      stage: 'closed_won',
      name: 'Closed Won',
    });
  });

  it('stops before the first stage whose gate is shut', () => {
    const ready = satisfiedFacts(playbook, 'new_business', 'created');
    const noReadout = { ...ready, poc: ready.poc && { ...ready.poc, readoutCompleted: false } };
    expect(furthestReachable(playbook, noReadout)).toEqual({ stage: 'poc', name: 'Proof of Concept' });
    expect(furthestReachable(playbook, { ...ready, activities: [] })).toBeNull();
    expect(previewNextStage(playbook, { ...ready, activities: [] })?.ready).toBe(false);
  });

  it('is null for a closed deal', () => {
    expect(furthestReachable(playbook, satisfiedFacts(playbook, 'new_business', 'closed_won'))).toBeNull();
  });
});
