import { describe, expect, it } from 'vitest';
import { firebolt, northwind } from '../../../test/support/playbook-fixtures.js';
import type { Playbook } from '../playbook/playbook.js';
import { fixFirst } from './fix-first.js';
import type { Health } from './health.js';
import type { Velocity } from './velocity.js';

const steady: Velocity = {
  class: 'standard',
  stage: 'any',
  daysInStage: 3,
  expectedDays: 10,
  reasons: ['3 of 10 business days.'],
  snoozed: null,
};
const changed: Health = {
  score: 48,
  band: 'red',
  base: 60,
  reasons: [
    {
      indicator: 'stakeholder_changes',
      kind: 'risk',
      points: -12,
      evidence: ['2026-11-01: someone changed.'],
    },
  ],
};
const withoutPeople = (playbook: Playbook): Playbook => ({
  ...playbook,
  qualification: {
    ...playbook.qualification,
    elements: playbook.qualification.elements.map(({ role: _role, ...element }) => element),
  },
});

describe('what to fix first', () => {
  it.each([
    ['MEDDPICC', firebolt(), 'Re-establish the Economic Buyer and Champion'],
    ['BANT (no champion role)', northwind(), 'Re-establish the Authority'],
    ['a framework without people roles', withoutPeople(northwind()), 'Re-establish the key stakeholders'],
  ])('names the people of the playbook after a stakeholder change: %s', (_framework, playbook, action) => {
    expect(fixFirst(playbook, changed, steady)).toEqual({
      cause: 'stakeholder_changes',
      action,
      why: '2026-11-01: someone changed.',
    });
  });

  it('is null for a deal with neither risks nor a stall', () => {
    expect(fixFirst(northwind(), { score: 70, band: 'yellow', base: 60, reasons: [] }, steady)).toBeNull();
  });
});
