import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firebolt, northwind } from '../../../test/support/playbook-fixtures.js';
import { MEDDPICC_LEVELS, type MeddpiccLevel, type Playbook } from '../playbook/playbook.js';
import { elementWithRole } from '../playbook/roles.js';
import type { MeddpiccState } from '../qualification/meddpicc.js';
import { assessHealth, bandOf } from './health.js';
import type { HealthFacts, PocStatus } from './health-facts.js';

const playbook = firebolt();
const nb = playbook.pipelines.find((pipeline) => pipeline.key === 'new_business');
if (!nb) throw new Error('no pipeline');
const NOW = new Date('2026-11-20T12:00:00Z');
const ELEMENTS = playbook.qualification.elements.map((element) => element.key);
const levels = (level: MeddpiccLevel, overrides: Record<string, MeddpiccLevel> = {}): MeddpiccState =>
  Object.fromEntries(
    ELEMENTS.map((key) => [
      key,
      { level: overrides[key] ?? level, summary: `${key} known`, contactId: null },
    ]),
  );

const neutral: HealthFacts = {
  pipeline: 'new_business',
  stage: 'discover',
  meddpicc: levels('identified'),
  poc: { status: 'none', reasons: [] },
  closeDate: '2027-03-31',
  closeDateChanges: [],
  pushCount: 0,
  stakeholderChanges: [],
  overrides: [],
  businessDaysToClose: 90,
  expectedBusinessDaysThroughNext: 40,
  daysInStage: 5,
  expectedDaysInStage: 20,
  lastActivity: { at: new Date('2026-11-18T15:00:00Z'), kind: 'call' },
  createdAt: new Date('2026-10-01T09:00:00Z'),
  now: NOW,
};
const health = (facts: Partial<HealthFacts>) => assessHealth(playbook, nb, { ...neutral, ...facts });
const active = (facts: Partial<HealthFacts>) => health(facts).reasons.map((reason) => reason.indicator);

describe('health indicators', () => {
  it('a deal with no evidence either way scores the base, yellow', () => {
    expect(health({})).toEqual({ score: 60, band: 'yellow', base: 60, reasons: [] });
  });

  it.each<[string, Partial<HealthFacts>, string[]]>([
    [
      'MEDDPICC complete',
      { meddpicc: levels('validated') },
      ['qualification_complete', 'champion_strength', 'decision_process_clarity', 'competitive_position'],
    ],
    ['POC success', { poc: { status: 'succeeded', reasons: ['8 of 8 criteria met'] } }, ['poc_success']],
    [
      'champion strength',
      { meddpicc: levels('identified', { champion: 'validated' }) },
      ['champion_strength'],
    ],
    [
      'decision process clarity',
      { meddpicc: levels('identified', { decision_process: 'validated' }) },
      ['decision_process_clarity'],
    ],
    [
      'competitive position',
      { meddpicc: levels('identified', { competition: 'validated' }) },
      ['competitive_position'],
    ],
    [
      'an Economic Buyer still unknown in Discover, though leaving Opportunity Created needed it',
      { meddpicc: levels('identified', { economic_buyer: 'unknown' }) },
      ['incomplete_qualification'],
    ],
    [
      'Decision Criteria unknown in Discover: not required before the POC, so not a risk',
      { meddpicc: levels('identified', { decision_criteria: 'unknown' }), daysInStage: 19 },
      [],
    ],
    [
      'Decision Criteria unknown early in the POC: not a risk yet',
      {
        stage: 'poc',
        meddpicc: levels('identified', { decision_criteria: 'unknown' }),
        daysInStage: 10,
        expectedDaysInStage: 30,
      },
      [],
    ],
    [
      'Decision Criteria unknown past half of the POC stage',
      {
        stage: 'poc',
        meddpicc: levels('identified', { decision_criteria: 'unknown' }),
        poc: { status: 'in_progress', reasons: [] },
        daysInStage: 16,
        expectedDaysInStage: 30,
      },
      ['incomplete_qualification'],
    ],
    [
      'a new deal in the first stage knows little yet',
      { stage: 'created', meddpicc: levels('unknown'), daysInStage: 2, expectedDaysInStage: 10 },
      [],
    ],
    [
      'a deal past half its first stage without an Economic Buyer or Champion',
      { stage: 'created', meddpicc: levels('unknown'), daysInStage: 6, expectedDaysInStage: 10 },
      ['incomplete_qualification'],
    ],
    [
      'a POC not started past half of the POC stage',
      {
        stage: 'poc',
        meddpicc: levels('identified', { decision_criteria: 'validated' }),
        poc: { status: 'planned', reasons: ['0 of 5 sessions held.'] },
        daysInStage: 16,
        expectedDaysInStage: 30,
      },
      ['poc_challenges'],
    ],
    [
      'no activity for more than 15 business days',
      { lastActivity: { at: new Date('2026-10-27T10:00:00Z'), kind: 'meeting' } },
      ['no_recent_activity'],
    ],
    [
      'a deal never worked since it was created',
      { lastActivity: null, createdAt: new Date('2026-10-01T00:00:00Z') },
      ['no_recent_activity'],
    ],
    [
      'POC challenges',
      { poc: { status: 'challenged', reasons: ['p95 latency target missed'] } },
      ['poc_challenges'],
    ],
    [
      'a champion who left recently',
      {
        stakeholderChanges: [
          { at: new Date('2026-11-01T00:00:00Z'), description: 'Champion left the company' },
        ],
      },
      ['stakeholder_changes'],
    ],
    [
      'a stakeholder change long ago',
      { stakeholderChanges: [{ at: new Date('2026-06-01T00:00:00Z'), description: 'Champion left' }] },
      [],
    ],
    ['a close date in the past', { closeDate: '2026-11-19' }, ['timeline_pressure']],
    [
      'a close date pushed twice recently',
      {
        closeDateChanges: [
          { at: new Date('2026-10-01'), from: '2026-12-01', to: '2027-01-15' },
          { at: new Date('2026-11-10'), from: '2027-01-15', to: '2027-03-31' },
        ],
      },
      ['timeline_pressure'],
    ],
    [
      'a close date pushed into a later month twice, long ago (the stored count)',
      { pushCount: 2 },
      ['timeline_pressure'],
    ],
    ['a close date pushed into a later month once (the stored count)', { pushCount: 1 }, []],
    [
      'a close date pushed once',
      { closeDateChanges: [{ at: new Date('2026-11-10'), from: '2027-01-15', to: '2027-03-31' }] },
      [],
    ],
    [
      'a close date before half of what this stage and the next usually take',
      { businessDaysToClose: 30, expectedBusinessDaysThroughNext: 61 },
      ['timeline_pressure'],
    ],
    [
      'a close date at exactly half of what this stage and the next usually take',
      { businessDaysToClose: 30, expectedBusinessDaysThroughNext: 60 },
      [],
    ],
    [
      'competition not validated past the POC (nor the Decision Criteria leaving it needed)',
      { stage: 'propose', meddpicc: levels('identified') },
      ['competitive_threat', 'incomplete_qualification'],
    ],
    [
      'a gate override',
      { overrides: [{ at: NOW, by: 'user_rvp', justification: 'Readout slipped', to: 'propose' }] },
      ['gate_override'],
    ],
  ])('%s', (_name, facts, indicators) => {
    expect(active(facts).sort()).toEqual([...indicators].sort());
  });

  it('adds and subtracts the playbook weights, with the evidence of each reason', () => {
    const result = health({
      meddpicc: levels('identified', { champion: 'validated' }),
      overrides: [{ at: NOW, by: 'user_rvp', justification: 'Readout slipped', to: 'propose' }],
    });
    expect(result.score).toBe(60 + 8 - 10);
    expect(result.reasons).toEqual([
      {
        indicator: 'champion_strength',
        kind: 'positive',
        points: 8,
        evidence: ['Champion validated: champion known'],
      },
      {
        indicator: 'gate_override',
        kind: 'risk',
        points: -10,
        evidence: ['Gate to propose overridden by user_rvp: Readout slipped'],
      },
    ]);
  });

  it('says the framework of the playbook, not MEDDPICC by name', () => {
    const result = health({ meddpicc: levels('validated') });
    expect(result.reasons.find((reason) => reason.indicator === 'qualification_complete')?.evidence).toEqual([
      'All 8 MEDDPICC elements validated.',
    ]);
  });

  it('finds the element by its role, whatever its key', () => {
    const renamed: Playbook = {
      ...playbook,
      qualification: {
        ...playbook.qualification,
        elements: playbook.qualification.elements.map((element) =>
          element.role === 'champion' ? { ...element, key: 'sponsor', name: 'Sponsor' } : element,
        ),
      },
    };
    const result = assessHealth(renamed, nb, {
      ...neutral,
      meddpicc: {
        ...levels('identified'),
        sponsor: { level: 'validated', summary: 'Signs off', contactId: null },
      },
    });
    expect(result.reasons.find((reason) => reason.indicator === 'champion_strength')).toEqual({
      indicator: 'champion_strength',
      kind: 'positive',
      points: 8,
      evidence: ['Sponsor validated: Signs off'],
    });
  });

  it.each([
    [80, 'green'],
    [79, 'yellow'],
    [60, 'yellow'],
    [59, 'red'],
  ] as const)('scores %i as %s', (score, band) => {
    expect(bandOf(score, playbook.inspection.health.bands)).toBe(band);
  });
});

describe('health is monotone', () => {
  const level = fc.constantFrom(...MEDDPICC_LEVELS);
  const pocStatus = fc.constantFrom<PocStatus>('none', 'planned', 'in_progress', 'succeeded', 'challenged');
  const day = fc.integer({ min: 0, max: 200 }).map((days) => new Date(NOW.getTime() - days * 86_400_000));
  const facts = fc.record({
    stage: fc.constantFrom('created', 'discover', 'poc', 'propose', 'negotiate', 'signature'),
    meddpicc: fc
      .tuple(...ELEMENTS.map(() => level))
      .map((chosen) =>
        Object.fromEntries(
          ELEMENTS.map((key, index) => [
            key,
            { level: chosen[index] ?? 'unknown', summary: null, contactId: null },
          ]),
        ),
      ),
    poc: pocStatus.map((status) => ({ status, reasons: [] })),
    closeDate: fc.constantFrom('2026-10-01', '2026-12-15', '2027-06-30'),
    closeDateChanges: fc.array(
      fc.record({ at: day, from: fc.constant('2026-12-01'), to: fc.constant('2027-01-01') }),
      { maxLength: 3 },
    ),
    stakeholderChanges: fc.array(fc.record({ at: day, description: fc.constant('Champion left') }), {
      maxLength: 2,
    }),
    overrides: fc.array(
      fc.record({
        at: day,
        by: fc.constant('rvp'),
        justification: fc.constant('x'),
        to: fc.constant('propose'),
      }),
      { maxLength: 2 },
    ),
    businessDaysToClose: fc.integer({ min: 0, max: 200 }),
    expectedBusinessDaysThroughNext: fc.integer({ min: 0, max: 200 }),
    daysInStage: fc.integer({ min: 0, max: 60 }),
    expectedDaysInStage: fc.option(fc.integer({ min: 1, max: 40 })),
    lastActivity: fc.option(fc.record({ at: day, kind: fc.constant('call') })),
    createdAt: day,
  });
  const score = (value: Partial<HealthFacts>) => health(value).score;
  const raise = (state: MeddpiccState, key: string): MeddpiccState => {
    const current = state[key]?.level ?? 'unknown';
    const next = MEDDPICC_LEVELS[Math.min(2, MEDDPICC_LEVELS.indexOf(current) + 1)] ?? 'validated';
    return { ...state, [key]: { level: next, summary: null, contactId: null } };
  };

  it('never drops when positive evidence is added', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...ELEMENTS), (base, element) => {
        const before = score(base);
        expect(score({ ...base, meddpicc: raise(base.meddpicc, element) })).toBeGreaterThanOrEqual(before);
        expect(score({ ...base, poc: { status: 'succeeded', reasons: [] } })).toBeGreaterThanOrEqual(
          score({
            ...base,
            poc: base.poc.status === 'challenged' ? base.poc : { status: 'in_progress', reasons: [] },
          }),
        );
        expect(score({ ...base, overrides: [], stakeholderChanges: [] })).toBeGreaterThanOrEqual(before);
        expect(score({ ...base, lastActivity: { at: NOW, kind: 'call' } })).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('never rises when a risk is added', () => {
    fc.assert(
      fc.property(facts, day, (base, at) => {
        const before = score(base);
        const override = { at, by: 'rvp', justification: 'forced', to: 'propose' };
        expect(score({ ...base, overrides: [...base.overrides, override] })).toBeLessThanOrEqual(before);
        expect(
          score({
            ...base,
            stakeholderChanges: [...base.stakeholderChanges, { at, description: 'EB changed' }],
          }),
        ).toBeLessThanOrEqual(before);
        expect(score({ ...base, poc: { status: 'challenged', reasons: [] } })).toBeLessThanOrEqual(
          score({
            ...base,
            poc: base.poc.status === 'succeeded' ? base.poc : { status: 'in_progress', reasons: [] },
          }),
        );
        const push = { at, from: '2027-01-01', to: '2027-02-01' };
        expect(score({ ...base, closeDateChanges: [...base.closeDateChanges, push] })).toBeLessThanOrEqual(
          before,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('health on a BANT playbook (Northwind: no champion, competition or decision-criteria role)', () => {
  const bant = northwind();
  const sales = bant.pipelines.find((pipeline) => pipeline.key === 'sales');
  if (!sales) throw new Error('no pipeline');
  const weights = bant.inspection.health.weights;
  const bantLevels = (level: MeddpiccLevel, overrides: Record<string, MeddpiccLevel> = {}): MeddpiccState =>
    Object.fromEntries(
      bant.qualification.elements.map((element) => [
        element.key,
        { level: overrides[element.key] ?? level, summary: `${element.name} known`, contactId: null },
      ]),
    );
  const bantHealth = (facts: Partial<HealthFacts>) =>
    assessHealth(bant, sales, {
      ...neutral,
      pipeline: 'sales',
      stage: 'decision_maker_bought_in',
      meddpicc: bantLevels('validated'),
      ...facts,
    });

  it('plays no champion, competition or decision-criteria role', () => {
    expect(elementWithRole(bant, 'champion')).toBeUndefined();
    expect(elementWithRole(bant, 'competition')).toBeUndefined();
    expect(elementWithRole(bant, 'decision_criteria')).toBeUndefined();
    expect(elementWithRole(bant, 'economic_buyer')?.name).toBe('Authority');
  });

  it('a deal with every BANT element validated is not flagged for roles the playbook does not have', () => {
    const result = bantHealth({});
    expect(result.reasons).toEqual([
      {
        indicator: 'qualification_complete',
        kind: 'positive',
        points: weights.qualification_complete,
        evidence: ['All 4 BANT elements validated.'],
      },
      {
        indicator: 'decision_process_clarity',
        kind: 'positive',
        points: weights.decision_process_clarity,
        evidence: ['Timeline validated: Timeline known'],
      },
    ]);
    expect(result.score).toBe(
      bant.inspection.health.base + weights.qualification_complete + weights.decision_process_clarity,
    );
    const words = result.reasons.flatMap((reason) => reason.evidence).join(' ');
    expect(words).not.toMatch(/economic_buyer|champion|decision_criteria|MEDDPICC/i);
  });

  it('champion strength, competitive position and competitive threat are off, not risks', () => {
    for (const stage of sales.stages.map((candidate) => candidate.key)) {
      const indicators = bantHealth({ stage, meddpicc: bantLevels('unknown'), daysInStage: 60 }).reasons.map(
        (reason) => reason.indicator,
      );
      expect(indicators).not.toContain('champion_strength');
      expect(indicators).not.toContain('competitive_position');
      expect(indicators).not.toContain('competitive_threat');
    }
  });

  it('Authority unknown where an earlier gate asked for it is incomplete qualification, named Authority', () => {
    const result = bantHealth({
      stage: 'presentation_scheduled',
      meddpicc: bantLevels('validated', { authority: 'unknown' }),
    });
    const reason = result.reasons.find((candidate) => candidate.indicator === 'incomplete_qualification');
    expect(reason).toEqual({
      indicator: 'incomplete_qualification',
      kind: 'risk',
      points: weights.incomplete_qualification,
      evidence: ['Authority is unknown; identified was needed to leave Qualified To Buy.'],
    });
  });

  it('Authority unknown past half of the stage whose exit needs it is a risk; Budget (no role) is not', () => {
    const late = { stage: 'qualified_to_buy', daysInStage: 6, expectedDaysInStage: 10 };
    const authority = bantHealth({ ...late, meddpicc: bantLevels('identified', { authority: 'unknown' }) });
    expect(
      authority.reasons.find((reason) => reason.indicator === 'incomplete_qualification')?.evidence,
    ).toEqual([
      'Authority unknown with 6 of 10 business days of Qualified To Buy gone; leaving it needs identified.',
    ]);
    const budget = bantHealth({ ...late, meddpicc: bantLevels('identified', { budget: 'unknown' }) });
    expect(budget.reasons.map((reason) => reason.indicator)).not.toContain('incomplete_qualification');
  });
});
