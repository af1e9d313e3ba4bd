import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Document, parseDocument } from 'yaml';
import { northwind } from '../../../test/support/playbook-fixtures.js';
import { DEFAULT_PLAYBOOK_FILE, parsePlaybook } from './load-playbook.js';

const source = readFileSync(DEFAULT_PLAYBOOK_FILE, 'utf8');
const northwindFile = new URL('../../../playbooks/northwind.yaml', import.meta.url);

function problemsOf(edit: (doc: Document) => void) {
  const doc = parseDocument(source);
  edit(doc);
  const result = parsePlaybook(doc.toString(), 'edited.yaml');
  return result.ok ? [] : result.error;
}

describe('the closing section', () => {
  it('loads from both shipped playbooks: where offers start, the schedules, the chain in order', () => {
    const result = parsePlaybook(source, 'firebolt.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.closing).toEqual({
      offersFrom: { new_business: 'propose', renewal: 'propose' },
      paymentSchedules: ['upfront', 'annual', 'quarterly'],
      approvals: [
        { key: 'regional_vp', name: 'Regional VP Sales approval', role: 'rvp', scope: 'deal_region' },
        { key: 'finance', name: 'VP Finance approval', role: 'vp_finance', scope: 'any' },
      ],
    });
    expect(northwind().closing?.approvals[1]).toMatchObject({
      role: 'vp_finance',
      when: { discountPercentAbove: 15, tcvAboveMinor: 25_000_000 },
    });
  });

  it('is optional: a playbook without it makes no offers, and then no criterion reads closing evidence', () => {
    expect(
      parsePlaybook(readFileSync(northwindFile, 'utf8').replace(/^closing:[\s\S]*?(?=^\S)/m, ''), 'n.yaml')
        .ok,
    ).toBe(true);
    const problems = problemsOf((doc) => doc.delete('closing'));
    expect(problems.map((problem) => problem.path)).toEqual([
      'pipelines[0].stages[6].entrance[0].derived.rule',
      'pipelines[0].stages[6].entrance[1].derived.rule',
      'pipelines[1].stages[5].entrance[0].derived.rule',
      'pipelines[1].stages[5].entrance[1].derived.rule',
    ]);
    expect(problems[0]?.message).toMatch(
      /rule "quote_signed" reads the evidence of the closing flow, but the playbook has no `closing` section/,
    );
  });

  it.each([
    [
      'an unknown pipeline',
      ['closing', 'offersFrom', 'pilots'],
      'propose',
      'closing.offersFrom.pilots',
      /unknown pipeline "pilots"/,
    ],
    [
      'an unknown stage',
      ['closing', 'offersFrom', 'renewal'],
      'pitch',
      'closing.offersFrom.renewal',
      /unknown stage "pitch" of pipeline "renewal"/,
    ],
    [
      'a closed stage',
      ['closing', 'offersFrom', 'renewal'],
      'closed_won',
      'closing.offersFrom.renewal',
      /closed stage/,
    ],
    [
      'an unknown role',
      ['closing', 'approvals', 0, 'role'],
      'cfo',
      'closing.approvals[0].role',
      /Invalid option/,
    ],
    [
      'an unknown scope',
      ['closing', 'approvals', 0, 'scope'],
      'country',
      'closing.approvals[0].scope',
      /Invalid option/,
    ],
    [
      'an unknown schedule',
      ['closing', 'paymentSchedules', 0],
      'weekly',
      'closing.paymentSchedules[0]',
      /Invalid option/,
    ],
    [
      'a duplicate schedule',
      ['closing', 'paymentSchedules', 1],
      'upfront',
      'closing.paymentSchedules[1]',
      /duplicate "upfront"/,
    ],
    [
      'a duplicate step',
      ['closing', 'approvals', 1, 'key'],
      'regional_vp',
      'closing.approvals[1].key',
      /duplicate key "regional_vp"/,
    ],
    [
      'an empty threshold',
      ['closing', 'approvals', 1, 'when'],
      {},
      'closing.approvals[1].when',
      /discountPercentAbove/,
    ],
    [
      'a discount over 100%',
      ['closing', 'approvals', 1, 'when'],
      { discountPercentAbove: 120 },
      'closing.approvals[1].when.discountPercentAbove',
      /100/,
    ],
    [
      'a fractional TCV',
      ['closing', 'approvals', 1, 'when'],
      { tcvAboveMinor: 1.5 },
      'closing.approvals[1].when.tcvAboveMinor',
      /expected int/,
    ],
    ['an unknown field', ['closing', 'approvers'], [], 'closing', /approvers/],
  ])('refuses %s, naming the file, the path and the reason', (_, at, value, path, reason) => {
    const problems = problemsOf((doc) => doc.setIn(at, value));
    expect(problems).toContainEqual({ file: 'edited.yaml', path, message: expect.stringMatching(reason) });
  });

  it('refuses a chain in which every step has a threshold (no internal approval for small offers)', () => {
    const problems = problemsOf((doc) => {
      doc.setIn(['closing', 'approvals', 0, 'when'], { tcvAboveMinor: 100 });
      doc.setIn(['closing', 'approvals', 1, 'when'], { discountPercentAbove: 10 });
    });
    expect(problems).toEqual([
      {
        file: 'edited.yaml',
        path: 'closing.approvals',
        message: expect.stringMatching(/apply to every offer/),
      },
    ]);
  });
});
