import { describe, expect, it } from 'vitest';
import { firebolt, northwind, satisfiedFacts } from '../../../test/support/playbook-fixtures.js';
import { findPipeline, findStage } from '../playbook/lookup.js';
import type { Playbook } from '../playbook/playbook.js';
import { applyDerivedRule } from './derived-rules.js';

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
