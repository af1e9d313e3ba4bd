import { describe, expect, it } from 'vitest';
import type { Inspection } from '../../app/inspection/inspect-opportunity.js';
import { describeInspection } from './inspect.js';

const inspection = {
  opportunityId: 'opp_1',
  health: { score: 81, band: 'green', base: 60, reasons: [] },
  velocity: {
    class: 'standard',
    stage: 'x',
    daysInStage: 2,
    expectedDays: 10,
    reasons: ['2 of 10.'],
    snoozed: null,
  },
  meddpicc: {
    score: 75,
    elements: [],
    readiness: { current: null, next: null },
    gaps: [{ severity: 'high', message: 'Authority is unknown.' }],
  },
  customer: { message: 'Fits.', focus: 'Pilot cell', uplift: null },
} as unknown as Inspection;

describe('inspect in words', () => {
  it("heads the qualification with the playbook's framework", () => {
    const text = describeInspection(inspection, 'BANT');
    expect(text).toContain('  BANT 75/100');
    expect(text).toContain('    high   Authority is unknown.');
    expect(text).not.toContain('MEDDPICC');
  });
});
