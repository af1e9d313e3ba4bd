import { describe, expect, it } from 'vitest';
import { firebolt, northwind, satisfiedFacts } from '../../../test/support/playbook-fixtures.js';
import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import { findPipeline, findStage, firstStage, forwardPath } from '../playbook/lookup.js';
import type { Playbook } from '../playbook/playbook.js';
import { applyDerivedRule, factsAsRulesSeeThem } from './derived-rules.js';
import { checkForwardMove } from './forward-checks.js';

function stageLevels(playbook: Playbook, pipelineKey: string, stageKey: string, unknown: string[]) {
  const pipeline = findPipeline(playbook, pipelineKey);
  const stage = pipeline && findStage(pipeline, stageKey);
  if (!pipeline || !stage) throw new Error(`no stage ${stageKey}`);
  const facts = satisfiedFacts(playbook, pipelineKey, stageKey);
  for (const key of unknown) facts.meddpicc[key] = { level: 'unknown', summary: null, contactId: null };
  return applyDerivedRule({ rule: 'qualification_stage_levels' }, { playbook, pipeline, stage, facts });
}

describe('the stage-levels rule says the framework of the playbook', () => {
  it('BANT: names the framework and the elements by their names (levels are cumulative)', () => {
    expect(stageLevels(northwind(), 'sales', 'qualified_to_buy', ['authority'])).toEqual({
      met: false,
      message: 'BANT not yet populated: Authority (identified needed).',
    });
    expect(stageLevels(northwind(), 'sales', 'qualified_to_buy', [])).toEqual({
      met: true,
      message: 'All 4 BANT elements required here are populated.',
    });
  });

  it('MEDDPICC: the same rule on the other playbook', () => {
    const verdict = stageLevels(firebolt(), 'new_business', 'created', ['economic_buyer']);
    expect(verdict.met).toBe(false);
    expect(verdict.message).toMatch(/^MEDDPICC not yet populated: Economic Buyer \(identified needed\)/);
  });
});

describe('the facts as the rules see them (one judgement per view in bulk imports)', () => {
  const variants = (base: OpportunityFacts): OpportunityFacts[] => [
    base,
    { ...base, amountMinor: 999_999, closeDate: '2031-12-31', nextStep: 'Other step', description: 'Other' },
    { ...base, amountMinor: 1, closeDate: '2026-01-01', nextStep: ' x ', description: 'y' },
  ];

  for (const playbook of [firebolt(), northwind()]) {
    for (const pipeline of playbook.pipelines) {
      const path = forwardPath(pipeline);
      for (const to of path.slice(1)) {
        it(`${playbook.id} ${pipeline.key} → ${to.key}: equal views, equal checks`, () => {
          const base = satisfiedFacts(playbook, pipeline.key, to.key, {
            nextStep: 'Call',
            description: 'About',
            amountMinor: 500,
          });
          const [first, ...others] = variants(base);
          const judge = (facts: OpportunityFacts) =>
            checkForwardMove(playbook, pipeline, firstStage(pipeline), to, facts);
          for (const other of others) {
            expect(factsAsRulesSeeThem(other)).toEqual(factsAsRulesSeeThem(first as OpportunityFacts));
            expect(judge(other)).toEqual(judge(first as OpportunityFacts));
          }
        });
      }
    }
  }

  it('a field filled in or left empty is a different view', () => {
    const facts = satisfiedFacts(firebolt(), 'new_business', 'propose', { nextStep: 'Call' });
    expect(factsAsRulesSeeThem({ ...facts, nextStep: null })).not.toEqual(factsAsRulesSeeThem(facts));
    expect(factsAsRulesSeeThem({ ...facts, amountMinor: 0 })).not.toEqual(
      factsAsRulesSeeThem({ ...facts, amountMinor: 10 }),
    );
  });
});
