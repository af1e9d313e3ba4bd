import { describe, expect, it } from 'vitest';
import type { HistoryEvent, Pipeline, Playbook } from '../../api';
import { words } from './copy';
import { describeEvent, type HistoryContext } from './history-words';

const pipeline = {
  key: 'renewal',
  name: 'Renewal',
  stages: [
    {
      key: 'discovery',
      name: 'Discovery',
      entrance: [{ key: 'rn_signed_quote', text: 'Signed quote on file', source: { kind: 'attested' } }],
      exit: [],
    },
    { key: 'negotiate', name: 'Negotiate', entrance: [], exit: [] },
  ],
} as unknown as Pipeline;

const playbook = {
  company: 'Firebolt',
  opportunityTypes: [
    { key: 'renewal', name: 'Renewal', pipeline: 'renewal' },
    { key: 'expansion', name: 'Expansion', pipeline: 'renewal' },
  ],
  qualification: { framework: 'MEDDPICC', elements: [{ key: 'economic_buyer', name: 'Economic Buyer' }] },
  milestones: [{ key: 'legal_win', name: 'Legal Win' }],
  leadSources: [],
  pipelines: [pipeline],
  inspection: { poc: { availableFromStage: 'discover', sessions: [{ key: 'getting_started' }] } },
} as unknown as Playbook;

const context: HistoryContext = {
  playbook,
  pipeline,
  currency: 'USD',
  nameOf: (id) => ({ user_grace_kim: 'Grace Kim', user_maya_chen: 'Maya Chen' })[id] ?? id,
  contactName: (id) => (id === 'contact_1' ? 'Priya Raman' : id),
};

const event = (overrides: Partial<HistoryEvent>): HistoryEvent => ({
  id: 1,
  occurredAt: '2027-01-02T10:00:00.000Z',
  actorId: 'user_maya_chen',
  requestId: null,
  entityType: 'opportunity',
  entityId: 'opp_1',
  opportunityId: 'opp_1',
  action: 'opportunity.updated',
  before: null,
  after: null,
  gate: null,
  ...overrides,
});

describe('history in words', () => {
  it('shows a changed field as old → new', () => {
    const words = describeEvent(
      event({ before: { closeDate: '2027-01-15' }, after: { closeDate: '2027-03-31' } }),
      context,
    );
    expect(words).toEqual({ title: 'Close date 2027-01-15 → 2027-03-31', lines: [] });
  });

  it('names types and people, amounts in the currency, and an override with who and why', () => {
    const gate = {
      override: { by: 'user_grace_kim', justification: 'Signed uplift confirmed by Finance' },
    } as HistoryEvent['gate'];
    const words = describeEvent(
      event({
        before: { type: 'renewal', amountMinor: 10_000_000, ownerId: 'user_maya_chen' },
        after: { type: 'expansion', amountMinor: 15_000_000, ownerId: 'user_grace_kim' },
        gate,
      }),
      context,
    );
    expect(words.title).toBe('Deal changed');
    expect(words.lines).toEqual([
      'Type Renewal → Expansion (override by Grace Kim: Signed uplift confirmed by Finance)',
      'Amount $100,000 → $150,000',
      'Owner Maya Chen → Grace Kim',
    ]);
  });

  it('says what a stage change, a MEDDPICC update and an attestation did', () => {
    expect(
      describeEvent(
        event({
          action: 'opportunity.stage_changed',
          before: { stage: 'discovery' },
          after: { stage: 'negotiate' },
        }),
        context,
      ).title,
    ).toBe('Stage Discovery → Negotiate');
    expect(
      describeEvent(
        event({
          action: 'opportunity.meddpicc_updated',
          before: null,
          after: { element: 'economic_buyer', level: 'identified', contactId: 'contact_1', summary: 'CFO' },
        }),
        context,
      ),
    ).toEqual({
      title: 'MEDDPICC Economic Buyer unknown → identified',
      lines: ['Person — → Priya Raman', 'Summary “CFO”'],
    });
    expect(
      describeEvent(
        event({
          action: 'opportunity.criterion_attested',
          after: { criterion: 'rn_signed_quote', note: null },
        }),
        context,
      ).title,
    ).toBe('Attested: Signed quote on file');
  });

  it('tells activities in words', () => {
    const logged = describeEvent(
      event({
        entityType: 'activity',
        action: 'activity.logged',
        after: {
          kind: 'call',
          summary: 'Discovery call',
          contactIds: ['contact_1'],
          occurredAt: '2027-01-02T09:30:00.000Z',
        },
      }),
      context,
    );
    expect(logged).toEqual({
      title: 'Call logged: “Discovery call”',
      lines: ['2 Jan 2027, 09:30 UTC · with Priya Raman'],
    });
    expect(
      describeEvent(
        event({
          entityType: 'activity',
          action: 'activity.updated',
          before: { summary: 'Call' },
          after: { summary: 'Discovery call' },
        }),
        context,
      ),
    ).toEqual({ title: 'Activity changed', lines: ['Summary “Call” → “Discovery call”'] });
    expect(
      describeEvent(
        event({
          entityType: 'activity',
          action: 'activity.updated',
          before: { link: null },
          after: { link: 'https://x.example' },
        }),
        { ...context, activityKindOf: () => 'call' },
      ).title,
    ).toBe('Call changed');
    expect(
      describeEvent(
        event({
          entityType: 'activity',
          action: 'activity.deleted',
          before: { kind: 'meeting', summary: 'Demo' },
        }),
        context,
      ).title,
    ).toBe('Meeting deleted: “Demo”');
  });

  it('names the qualification by the playbook’s framework and the product by its company', () => {
    const northwind = {
      ...playbook,
      company: 'Northwind Robotics',
      qualification: { framework: 'BANT', elements: [{ key: 'authority', name: 'Authority' }] },
    } as unknown as Playbook;
    const bant = { ...context, playbook: northwind };
    expect(
      describeEvent(
        event({
          action: 'opportunity.meddpicc_updated',
          before: { element: 'authority', level: 'identified' },
          after: { element: 'authority', level: 'validated' },
        }),
        bant,
      ).title,
    ).toBe('BANT Authority identified → validated');
    const tco = event({
      action: 'opportunity.poc_tco_set',
      after: { tco: { baselineAnnualMinor: 20_000_000, ourAnnualMinor: 12_000_000, currency: 'EUR' } },
    });
    expect(describeEvent(tco, bant).lines).toEqual([
      '€200,000 a year today → €120,000 on Northwind Robotics',
    ]);
    expect(describeEvent(tco, context).lines).toEqual(['€200,000 a year today → €120,000 on Firebolt']);
  });

  it('reads our side of a benchmark recorded before the neutral names', () => {
    const recorded = (after: Record<string, unknown>) =>
      describeEvent(event({ action: 'opportunity.poc_benchmark_added', after }), context).lines;
    const base = { workload: 'Top 20 dashboards', baselineLatencyMs: 1200 };
    expect(recorded({ ...base, ourLatencyMs: 300 })).toEqual(['1200 → 300 ms']);
    expect(recorded({ ...base, fireboltLatencyMs: 280 })).toEqual(['1200 → 280 ms']);
  });

  it('spells the framework, POC and TCO as written', () => {
    expect(words('incomplete_qualification', 'MEDDPICC')).toBe('Incomplete MEDDPICC');
    expect(words('incomplete_qualification', 'BANT')).toBe('Incomplete BANT');
    expect(words('incomplete_qualification')).toBe('Incomplete qualification');
    expect(words('poc_success')).toBe('POC success');
    expect(words('tco_set')).toBe('TCO set');
  });
});
