import { describe, expect, it } from 'vitest';
import { signedAndAccepted } from '../../../test/support/closing-facts-fixtures.js';
import { firebolt, satisfiedFacts } from '../../../test/support/playbook-fixtures.js';
import { newPocPlan, succeededPocPlan } from '../../../test/support/poc-fixtures.js';
import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import { forwardPath, openStages } from '../playbook/lookup.js';
import type { MeddpiccLevel } from '../playbook/playbook.js';
import { assessPoc } from '../poc/assess-poc.js';
import type { PocPlan } from '../poc/poc-plan.js';
import { levelRank, meddpiccRequiredToLeave } from '../qualification/meddpicc.js';
import { planStageChange, type StageChangeRequest } from './plan-stage-change.js';

const playbook = firebolt();
const NOW = new Date('2026-11-20T12:00:00Z');
const AE = { id: 'user_ae', canOverride: false, canReopen: false };
const RVP = { id: 'user_rvp', canOverride: true, canReopen: false };
const ADMIN = { id: 'user_admin', canOverride: true, canReopen: true };

function plan(facts: OpportunityFacts, request: StageChangeRequest, actor = AE) {
  return planStageChange(playbook, facts, request, actor, NOW);
}

function missingKeys(result: ReturnType<typeof plan>): string[] {
  if (result.ok) return [];
  return result.error.code === 'gate_blocked'
    ? result.error.missing.map((entry) => entry.key)
    : [result.error.code];
}

function withoutAttestation(facts: OpportunityFacts, key: string): OpportunityFacts {
  return { ...facts, attestations: { ...facts.attestations, [key]: undefined } };
}

/** The facts with the POC plan changed by `change` (starting from one that succeeded). */
function withPoc(facts: OpportunityFacts, change: (plan: PocPlan) => PocPlan | null): OpportunityFacts {
  return { ...facts, poc: assessPoc(change(succeededPocPlan(playbook)), 'validation') };
}

/** Takes away what a criterion checks: its attestation, or the POC data it is derived from. */
function without(facts: OpportunityFacts, key: string): OpportunityFacts {
  if (key === 'nb_mutual_poc_plan_signed') return withPoc(facts, (plan) => ({ ...plan, signOff: null }));
  if (key === 'nb_poc_readout') return withPoc(facts, (plan) => ({ ...plan, readout: null }));
  return withoutAttestation(facts, key);
}

function withLevel(facts: OpportunityFacts, element: string, level: MeddpiccLevel): OpportunityFacts {
  return { ...facts, meddpicc: { ...facts.meddpicc, [element]: { level, summary: 'x', contactId: null } } };
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('fixture missing');
  return value;
}

const below = (level: MeddpiccLevel): MeddpiccLevel => (level === 'validated' ? 'identified' : 'unknown');

/** Every one-step forward move of both pipelines, including Signature → Closed Won. */
const steps = playbook.pipelines.flatMap((pipeline) => {
  const path = forwardPath(pipeline);
  return path.slice(0, -1).map((from, index) => ({ pipeline, from, to: must(path[index + 1]) }));
});

describe.each(steps)('$pipeline.key: $from.key → $to.key', ({ pipeline, from, to }) => {
  const ready = satisfiedFacts(playbook, pipeline.key, from.key);
  const isFirst = openStages(pipeline)[0]?.key === from.key;
  const criteria = [...(isFirst ? from.entrance : []), ...from.exit, ...to.entrance].filter(
    (criterion) => !criterion.onlyForSources,
  );

  it('passes when every requirement is met, and says what it checked', () => {
    const result = plan(ready, { to: to.key });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.kind).toBe(to.outcome === 'won' ? 'close_won' : 'advance');
    const checked = result.value.snapshot.checks.map((check) => check.key);
    for (const criterion of criteria) expect(checked).toContain(criterion.key);
    expect(result.value.snapshot.checks.every((check) => check.met)).toBe(true);
  });

  it.each(criteria.filter((c) => c.source.kind === 'attested'))(
    'blocks without attestation of $key',
    (criterion) => {
      const result = plan(withoutAttestation(ready, criterion.key), { to: to.key });
      expect(missingKeys(result)).toEqual([criterion.key]);
    },
  );

  it.each(criteria.filter((c) => c.source.kind === 'attested' && c.source.evidenceRequired))(
    'blocks when $key is attested without its evidence link',
    (criterion) => {
      const attestation = { ...must(ready.attestations[criterion.key]), evidenceUrl: null };
      const facts = { ...ready, attestations: { ...ready.attestations, [criterion.key]: attestation } };
      expect(missingKeys(plan(facts, { to: to.key }))).toEqual([criterion.key]);
    },
  );

  it.each(criteria.filter((c) => c.source.kind === 'derived'))(
    'blocks when derived $key does not hold',
    (criterion) => {
      const source = criterion.source;
      if (source.kind !== 'derived' || source.rule === 'field_present') throw new Error('unexpected rule');
      if (source.rule === 'type_matches_uplift') {
        const mistyped = {
          fits: false,
          upliftPct: 35,
          expectedType: 'expansion' as const,
          previousContract: null,
          message: 'This is an Expansion (35% uplift, from 20%); typed as Renewal.',
        };
        const result = plan({ ...ready, uplift: mistyped }, { to: to.key });
        expect(missingKeys(result)).toEqual([criterion.key]);
        const noContract = { ...mistyped, fits: null, upliftPct: null, expectedType: null };
        expect(missingKeys(plan({ ...ready, uplift: noContract }, { to: to.key }))).toEqual([criterion.key]);
        return;
      }
      if (source.rule === 'activity_logged') {
        // Only activities of other kinds, or fewer than needed, have taken place.
        const others = ready.activities
          .slice(0, source.atLeast - 1)
          .concat([{ id: 'act_note', kind: 'note', occurredAt: NOW, summary: 'Internal note' }])
          .filter((activity) => activity.kind === 'note' || source.atLeast > 1);
        const result = plan({ ...ready, activities: others }, { to: to.key });
        expect(missingKeys(result)).toContain(criterion.key);
        return;
      }
      if (source.rule === 'quote_signed' || source.rule === 'offer_accepted') {
        // The quote still out for signature, or the private offer released but not accepted.
        const closing = signedAndAccepted(
          source.rule === 'quote_signed' ? { status: 'sent_for_signature' } : { awsOfferStatus: 'released' },
        );
        expect(missingKeys(plan({ ...ready, closing }, { to: to.key }))).toEqual([criterion.key]);
        expect(missingKeys(plan({ ...ready, closing: null }, { to: to.key }))).toContain(criterion.key);
        return;
      }
      if (source.rule.startsWith('poc_') || source.rule === 'milestone_recorded') {
        const facts = { ...ready, poc: null, milestones: {} };
        expect(missingKeys(plan(facts, { to: to.key }))).toContain(criterion.key);
        return;
      }
      const element = source.rule === 'qualification_element' ? source.element : 'economic_buyer';
      const level = source.rule === 'qualification_element' ? below(source.atLeast) : 'unknown';
      expect(missingKeys(plan(withLevel(ready, element, level), { to: to.key }))).toContain(criterion.key);
    },
  );

  it.each(meddpiccRequiredToLeave(pipeline, from))('blocks when MEDDPICC $element is below $level', (req) => {
    const result = plan(withLevel(ready, req.element, below(req.level)), { to: to.key });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'gate_blocked') return;
    const entry = result.error.missing.find(
      (missing) => missing.kind === 'meddpicc' && missing.key === req.element,
    );
    expect(entry).toMatchObject({ required: req.level, actual: below(req.level), stage: req.introducedAt });
  });
});

describe('cumulative MEDDPICC', () => {
  it('requires to leave POC the union of Created, Discover and POC at the highest level asked', () => {
    const pipeline = must(playbook.pipelines[0]);
    const poc = must(pipeline.stages.find((stage) => stage.key === 'poc'));
    const required = Object.fromEntries(
      meddpiccRequiredToLeave(pipeline, poc).map((req) => [req.element, req.level]),
    );
    expect(required).toEqual({
      economic_buyer: 'identified',
      identify_pain: 'identified',
      champion: 'identified',
      competition: 'identified',
      metrics: 'identified',
      decision_process: 'identified',
      decision_criteria: 'validated',
    });
  });

  it('requires every element validated, Paper Process included, to leave Negotiate', () => {
    const pipeline = must(playbook.pipelines[0]);
    const negotiate = must(pipeline.stages.find((stage) => stage.key === 'negotiate'));
    const required = meddpiccRequiredToLeave(pipeline, negotiate);
    expect(required.map((req) => req.element).sort()).toEqual(
      playbook.qualification.elements.map((e) => e.key).sort(),
    );
    expect(required.every((req) => levelRank(req.level) === levelRank('validated'))).toBe(true);
  });
});

describe('skipping stages', () => {
  const ready = satisfiedFacts(playbook, 'new_business', 'created');

  it('allows Created → Propose when every skipped stage is satisfied', () => {
    const result = plan(ready, { to: 'propose' });
    expect(result.ok && result.value.kind).toBe('advance');
  });

  it.each([
    ['nb_mutual_poc_plan_signed', 'Discover exit'],
    ['nb_poc_agreed', 'POC entrance'],
    ['nb_poc_readout', 'POC exit'],
    ['nb_pressing_need', 'Discover entrance'],
  ])('blocks Created → Propose without %s (%s)', (key) => {
    expect(missingKeys(plan(without(ready, key), { to: 'propose' }))).toEqual([key]);
  });
});

describe('conditional criteria', () => {
  it('needs the follow-up call only for SDR-sourced deals', () => {
    const ready = satisfiedFacts(playbook, 'new_business', 'created');
    const facts = { ...ready, activities: ready.activities.slice(0, 1) };
    expect(missingKeys(plan(facts, { to: 'discover' }))).toEqual(['nb_sdr_follow_up']);
    const aeSourced = plan({ ...facts, source: 'ae' }, { to: 'discover' });
    expect(aeSourced.ok).toBe(true);
    if (!aeSourced.ok) return;
    const check = aeSourced.value.snapshot.checks.find((c) => c.key === 'nb_sdr_follow_up');
    expect(check).toMatchObject({ met: true, applicable: false });
  });
});

describe('backward moves', () => {
  const facts = { ...satisfiedFacts(playbook, 'new_business', 'negotiate'), attestations: {}, meddpicc: {} };

  it('need a reason', () => {
    expect(missingKeys(plan(facts, { to: 'discover' }))).toEqual(['reason']);
    expect(missingKeys(plan(facts, { to: 'discover', reason: '   ' }))).toEqual(['reason']);
  });

  it('are recorded as regressions without checking gates', () => {
    const result = plan(facts, { to: 'discover', reason: 'Champion left; requalifying' });
    expect(result.ok && result.value.kind).toBe('regress');
    expect(result.ok && result.value.snapshot.reason).toBe('Champion left; requalifying');
  });
});

describe('Closed Lost', () => {
  const opens = playbook.pipelines.flatMap((pipeline) =>
    openStages(pipeline).map((stage) => ({ pipeline, stage })),
  );

  it.each(opens)('is allowed from $pipeline.key/$stage.key with a loss reason', ({ pipeline, stage }) => {
    const facts = { ...satisfiedFacts(playbook, pipeline.key, stage.key), attestations: {}, meddpicc: {} };
    expect(missingKeys(plan(facts, { to: 'closed_lost' }))).toEqual(['lossReason']);
    const result = plan(facts, { to: 'closed_lost', lossReason: 'budget' });
    expect(result.ok && result.value.kind).toBe('close_lost');
  });

  it('names the winning competitor when lost to one', () => {
    const facts = satisfiedFacts(playbook, 'new_business', 'poc');
    expect(missingKeys(plan(facts, { to: 'closed_lost', lossReason: 'competitor' }))).toEqual([
      'winningCompetitor',
    ]);
    const result = plan(facts, {
      to: 'closed_lost',
      lossReason: 'competitor',
      winningCompetitor: 'Snowflake',
    });
    expect(result.ok && result.value.snapshot.winningCompetitor).toBe('Snowflake');
  });

  it('refuses an unknown loss reason', () => {
    const facts = satisfiedFacts(playbook, 'new_business', 'poc');
    expect(missingKeys(plan(facts, { to: 'closed_lost', lossReason: 'aliens' }))).toEqual(['lossReason']);
  });
});

describe('Closed Won', () => {
  it.each(['created', 'discover', 'poc', 'propose', 'negotiate'])('is unreachable from %s', (stage) => {
    const result = plan(satisfiedFacts(playbook, 'new_business', stage), { to: 'closed_won' });
    expect(result.ok ? 'ok' : result.error.code).toBe('illegal_transition');
  });

  it('needs the signed quote and the offer acceptance on file, derived from the chosen offer version', () => {
    const facts = satisfiedFacts(playbook, 'new_business', 'signature', { closing: null });
    expect(missingKeys(plan(facts, { to: 'closed_won' }))).toEqual(['nb_quote_signed', 'nb_offer_accepted']);
    const result = plan(satisfiedFacts(playbook, 'new_business', 'signature'), { to: 'closed_won' });
    if (!result.ok) throw new Error('expected the move');
    const evidence = result.value.snapshot.checks
      .filter((check) => check.stage === 'closed_won' && check.kind === 'criterion')
      .map((check) => check.evidence);
    expect(evidence).toEqual([
      expect.objectContaining({
        envelopeId: '4b6f0c1e-0d3c-4d2a-9c55-1f0e8a2b7c11',
        quoteNumber: 'Q-2026-0007',
      }),
      expect.objectContaining({ agreementId: 'agmt-xyz789', marketplaceOfferId: 'offer-abc123' }),
    ]);
  });

  it('does not take a hand-ticked box for the evidence', () => {
    const ticked = { attestedBy: 'user_ae', attestedAt: NOW, note: null, evidenceUrl: 'https://x.example/q' };
    const ready = satisfiedFacts(playbook, 'new_business', 'signature', { closing: null });
    const attestations = { ...ready.attestations, nb_quote_signed: ticked, nb_offer_accepted: ticked };
    const facts = { ...ready, attestations };
    expect(missingKeys(plan(facts, { to: 'closed_won' }))).toEqual(['nb_quote_signed', 'nb_offer_accepted']);
  });
});

describe('closed deals', () => {
  const won = satisfiedFacts(playbook, 'new_business', 'closed_won');

  it('cannot move unless an admin reopens them with a reason', () => {
    expect(plan(won, { to: 'negotiate', reason: 'x' }).ok).toBe(false);
    expect(missingKeys(plan(won, { to: 'closed_lost', lossReason: 'budget' }, ADMIN))).toEqual([
      'illegal_transition',
    ]);
    expect(missingKeys(plan(won, { to: 'negotiate' }, ADMIN))).toEqual(['reason']);
    const reopened = plan(won, { to: 'negotiate', reason: 'Booked against the wrong account' }, ADMIN);
    expect(reopened.ok && reopened.value.kind).toBe('reopen');
  });
});

describe('overrides', () => {
  const blocked = without(satisfiedFacts(playbook, 'new_business', 'poc'), 'nb_poc_readout');

  it('are refused to roles without the override right', () => {
    const result = plan(blocked, { to: 'propose', override: { justification: 'Readout next week' } });
    expect(result.ok ? 'ok' : result.error.code).toBe('override_not_allowed');
  });

  it('need a written justification', () => {
    const result = plan(blocked, { to: 'propose', override: { justification: ' ' } }, RVP);
    expect(missingKeys(result)).toEqual(['nb_poc_readout', 'justification']);
  });

  it('force the move and keep the unmet requirements and justification in the snapshot', () => {
    const result = plan(
      blocked,
      { to: 'propose', override: { justification: 'Readout slipped a week' } },
      RVP,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.snapshot.override).toEqual({
      by: 'user_rvp',
      justification: 'Readout slipped a week',
    });
    expect(result.value.snapshot.checks.find((check) => check.key === 'nb_poc_readout')?.met).toBe(false);
  });

  it('cannot force Closed Won without its evidence', () => {
    const facts = satisfiedFacts(playbook, 'new_business', 'signature', { closing: null });
    const result = plan(facts, { to: 'closed_won', override: { justification: 'Customer promised' } }, ADMIN);
    expect(result.ok ? 'ok' : result.error.code).toBe('override_not_allowed');
  });
});

describe('invalid targets', () => {
  const facts = satisfiedFacts(playbook, 'renewal', 'open');

  it('refuses a stage of another pipeline', () => {
    expect(missingKeys(plan(facts, { to: 'discover' }))).toEqual(['unknown_stage']);
  });

  it('refuses a move to the current stage', () => {
    expect(missingKeys(plan(facts, { to: 'open' }))).toEqual(['illegal_transition']);
  });
});

describe('the gate snapshot', () => {
  it('records who, when, the MEDDPICC levels and each attestation', () => {
    const result = plan(satisfiedFacts(playbook, 'new_business', 'created'), { to: 'discover' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { snapshot } = result.value;
    expect(snapshot).toMatchObject({
      actorId: 'user_ae',
      evaluatedAt: NOW.toISOString(),
      from: 'created',
      to: 'discover',
    });
    expect(snapshot.meddpicc.paper_process).toBe('validated');
    const icp = snapshot.checks.find((check) => check.key === 'nb_icp_fit');
    expect(icp?.attestation).toMatchObject({ by: 'user_ae', evidenceUrl: 'https://docs.example.com/e' });
    const notes = snapshot.checks.find((check) => check.key === 'nb_call_notes');
    expect(notes).toMatchObject({ met: true, activityId: 'act_1', source: 'derived' });
  });
});

describe('criteria derived from the POC plan', () => {
  const inDiscover = satisfiedFacts(playbook, 'new_business', 'discover');
  const inPoc = satisfiedFacts(playbook, 'new_business', 'poc');
  const criterionAt = (plan: PocPlan, index: number, status: 'pending' | 'not_met'): PocPlan => ({
    ...plan,
    criteria: plan.criteria.map((c, i) => (i === index ? { ...c, status } : c)),
  });
  const slower = (plan: PocPlan): PocPlan => ({
    ...plan,
    benchmarks: plan.benchmarks.map((b) => ({ ...b, ourLatencyMs: b.baselineLatencyMs + 1 })),
  });

  it.each([
    ['no plan', () => null, ['nb_mutual_poc_plan_signed']],
    [
      'a plan not signed off',
      (p: PocPlan) => ({ ...newPocPlan(playbook), id: p.id }),
      ['nb_mutual_poc_plan_signed'],
    ],
    ['a signed plan', (p: PocPlan) => ({ ...newPocPlan(playbook), signOff: p.signOff }), []],
  ] as const)('Discover → POC with %s', (_label, change, missing) => {
    const result = plan(withPoc(inDiscover, change), { to: 'poc' });
    expect(missingKeys(result)).toEqual(missing);
  });

  it.each([
    ['no plan', () => null, ['nb_poc_results_meet_criteria', 'nb_poc_readout', 'nb_poc_concluded']],
    [
      'a criterion pending',
      (p: PocPlan) => criterionAt(p, 3, 'pending'),
      ['nb_poc_results_meet_criteria', 'nb_poc_concluded'],
    ],
    [
      'a criterion not met',
      (p: PocPlan) => criterionAt(p, 0, 'not_met'),
      ['nb_poc_results_meet_criteria', 'nb_poc_concluded'],
    ],
    ['Firebolt slower on a benchmark', slower, ['nb_poc_results_meet_criteria', 'nb_poc_concluded']],
    ['no readout', (p: PocPlan) => ({ ...p, readout: null }), ['nb_poc_readout']],
    ['a POC that succeeded and was read out', (p: PocPlan) => p, []],
  ] as const)('POC → Propose with %s', (_label, change, missing) => {
    expect(missingKeys(plan(withPoc(inPoc, change), { to: 'propose' }))).toEqual(missing);
  });

  it('explains a challenged POC in the missing list', () => {
    const result = plan(withPoc(inPoc, slower), { to: 'propose' });
    if (result.ok || result.error.code !== 'gate_blocked') throw new Error('expected a block');
    const entry = result.error.missing.find((m) => m.key === 'nb_poc_results_meet_criteria');
    expect(entry?.message).toContain('slower than the baseline');
  });
});

describe('criteria derived from activities', () => {
  const ready = satisfiedFacts(playbook, 'new_business', 'created');
  const call = (id: string, day: string, summary = 'Discovery with the CTO') => ({
    id,
    kind: 'call' as const,
    occurredAt: new Date(`${day}T15:00:00Z`),
    summary,
  });
  const check = (facts: OpportunityFacts, key: string) => {
    const result = plan(facts, { to: 'discover' });
    const checks = result.ok
      ? result.value.snapshot.checks
      : result.error.code === 'gate_blocked'
        ? result.error.checks
        : [];
    return checks.find((entry) => entry.key === key);
  };

  it('"Call notes" is met by the first logged call, which it names', () => {
    const facts = { ...ready, activities: [call('act_a', '2026-11-02'), call('act_b', '2026-11-09')] };
    expect(check(facts, 'nb_call_notes')).toMatchObject({
      met: true,
      activityId: 'act_a',
      message: 'Call on 2026-11-02: “Discovery with the CTO”.',
    });
  });

  it('the SDR follow-up is the call after the first one', () => {
    const one = { ...ready, activities: [call('act_a', '2026-11-02')] };
    expect(check(one, 'nb_sdr_follow_up')).toMatchObject({
      met: false,
      message: '1 call or meeting logged; 2 are needed (a follow-up after the first).',
    });
    const two = {
      ...ready,
      activities: [call('act_a', '2026-11-02'), call('act_b', '2026-11-09', 'Next steps')],
    };
    expect(check(two, 'nb_sdr_follow_up')).toMatchObject({ met: true, activityId: 'act_b' });
  });

  it('a note or an email is not a call', () => {
    const facts = {
      ...ready,
      activities: [
        { id: 'act_n', kind: 'note' as const, occurredAt: NOW, summary: 'Internal prep' },
        { id: 'act_e', kind: 'email' as const, occurredAt: NOW, summary: 'Sent the deck' },
      ],
    };
    expect(check(facts, 'nb_call_notes')).toMatchObject({
      met: false,
      message: 'No call or meeting logged on this deal yet.',
    });
    expect(check(facts, 'nb_meaningful_discussion')).toMatchObject({ met: true, activityId: 'act_e' });
  });
});

describe('the deal type against the customer class', () => {
  const misfit = { fits: false, message: 'Upsell is for a Commit Customer; this account is a New Prospect.' };

  it('is checked on every forward move, and listed as missing when it no longer holds', () => {
    const facts = {
      ...satisfiedFacts(playbook, 'new_business', 'propose'),
      type: 'upsell',
      customerFit: misfit,
    };
    const result = plan(facts, { to: 'negotiate' });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'gate_blocked') return;
    expect(result.error.missing).toEqual([
      expect.objectContaining({ kind: 'customer_fit', key: 'type_fits_customer', message: misfit.message }),
    ]);
  });

  it('blocks Closed Won for good, and an RVP may force an advance with a justification', () => {
    const atSignature = { ...satisfiedFacts(playbook, 'new_business', 'signature'), customerFit: misfit };
    expect(missingKeys(plan(atSignature, { to: 'closed_won' }))).toEqual(['type_fits_customer']);
    const inPropose = { ...satisfiedFacts(playbook, 'new_business', 'propose'), customerFit: misfit };
    const forced = plan(
      inPropose,
      { to: 'negotiate', override: { justification: 'Contract signed, not yet booked' } },
      RVP,
    );
    expect(forced.ok && forced.value.snapshot.override?.justification).toBe(
      'Contract signed, not yet booked',
    );
  });

  it('does not hold backward moves or losing the deal', () => {
    const facts = { ...satisfiedFacts(playbook, 'new_business', 'propose'), customerFit: misfit };
    expect(plan(facts, { to: 'discover', reason: 'Re-qualify' }).ok).toBe(true);
    expect(plan(facts, { to: 'closed_lost', lossReason: 'budget' }).ok).toBe(true);
  });
});
