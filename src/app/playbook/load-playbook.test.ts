import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { DEFAULT_PLAYBOOK_FILE, parsePlaybook, readPlaybook } from './load-playbook.js';

const source = readFileSync(DEFAULT_PLAYBOOK_FILE, 'utf8');

function mutated(edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(source);
  edit(doc);
  return doc.toString();
}

describe('the shipped playbook', () => {
  it('loads with both pipelines and the seed probabilities', async () => {
    const result = await readPlaybook();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const probabilities = result.value.pipelines.map((pipeline) =>
      pipeline.stages.map((stage) => [stage.name, stage.probability]),
    );
    expect(probabilities).toEqual([
      [
        ['Opportunity Created', 0],
        ['Discover', 10],
        ['Proof of Concept', 40],
        ['Propose', 50],
        ['Negotiate', 75],
        ['Signature', 90],
        ['Closed Won', 100],
        ['Closed Lost', 0],
      ],
      [
        ['Open', 0],
        ['Qualification', 10],
        ['Propose', 50],
        ['Negotiate', 75],
        ['Signature', 90],
        ['Closed Won', 100],
        ['Closed Lost', 0],
      ],
    ]);
    expect(result.value.opportunityTypes.map((type) => [type.key, type.pipeline])).toEqual([
      ['new_business', 'new_business'],
      ['upsell', 'new_business'],
      ['renewal', 'renewal'],
      ['expansion', 'renewal'],
    ]);
    expect(result.value.qualification.elements.map((element) => element.letter).join('')).toBe('MEDDPICC');
  });
});

describe('a broken playbook', () => {
  it.each([
    [
      'a probability over 100',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['pipelines', 0, 'stages', 2, 'probability'], 140),
      'pipelines[0].stages[2].probability',
      /100/,
    ],
    [
      'an unknown MEDDPICC element',
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(['pipelines', 0, 'stages', 1, 'qualification', 'budget'], 'identified'),
      'pipelines[0].stages[1].qualification.budget',
      /unknown MEDDPICC element "budget"/,
    ],
    [
      'a type pointing to a missing pipeline',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['opportunityTypes', 1, 'pipeline'], 'upsells'),
      'opportunityTypes[1].pipeline',
      /unknown pipeline "upsells"/,
    ],
    [
      'a criterion both attested and derived',
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(['pipelines', 0, 'stages', 0, 'entrance', 0, 'derived'], {
          rule: 'qualification_stage_levels',
        }),
      'pipelines[0].stages[0].entrance[0]',
      /exactly one/,
    ],
    [
      'a duplicated stage key',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['pipelines', 1, 'stages', 1, 'key'], 'open'),
      'pipelines[1].stages[1].key',
      /duplicate key "open"/,
    ],
    [
      'decreasing probabilities',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['pipelines', 1, 'stages', 3, 'probability'], 20),
      'pipelines[1].stages[3].probability',
      /must not decrease/,
    ],
    [
      'a risk that adds to health',
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(['inspection', 'health', 'weights', 'gate_override'], 5),
      'inspection.health.weights.gate_override',
      /a risk subtracts points/,
    ],
    [
      'a POC that starts at an unknown stage',
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(['inspection', 'poc', 'availableFromStage'], 'pilot'),
      'inspection.poc.availableFromStage',
      /"pilot" is not an open stage of pipeline "new_business"/,
    ],
    [
      'a POC criterion in a pipeline that does not run the POC method',
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(['pipelines', 1, 'stages', 0, 'exit', 0, 'derived'], { rule: 'poc_succeeded' }),
      'pipelines[1].stages[0].exit[0].derived.rule',
      /does not run the POC method/,
    ],
    [
      'a POC method on an unknown pipeline',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['inspection', 'poc', 'pipelines', 0], 'pilots'),
      'inspection.poc.pipelines[0]',
      /unknown pipeline "pilots"/,
    ],
    [
      'a role played by two elements',
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(['qualification', 'elements', 0, 'role'], 'champion'),
      'qualification.elements[6].role',
      /role "champion" is already played by "metrics"/,
    ],
    [
      'an unknown role',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['qualification', 'elements', 0, 'role'], 'hero'),
      'qualification.elements[0].role',
      /Invalid option/,
    ],
    [
      'two classes made by the same rule',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['customerClasses', 1, 'when'], 'otherwise'),
      'customerClasses[1].when',
      /rule "otherwise" already makes class "new_prospect"/,
    ],
    [
      'no class for an account with neither contract nor usage',
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(['customerClasses', 0, 'when'], 'self_serve_usage'),
      'customerClasses',
      /one class must be `when: otherwise`/,
    ],
    [
      'a type naming an unknown customer class',
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(['opportunityTypes', 0, 'customerClasses', 0], 'startup'),
      'opportunityTypes[0].customerClasses[0]',
      /unknown customer class "startup"/,
    ],
    [
      'an uplift rule without its other side',
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(['opportunityTypes', 3, 'renewsContract', 'uplift'], 'below'),
      'pipelines[1].stages[3].exit[2].derived.rule',
      /needs a type of pipeline "renewal" with renewsContract.uplift "below" and one with "atOrAbove"/,
    ],
    [
      'contract classes without the contracts section',
      (doc: ReturnType<typeof parseDocument>) => doc.deleteIn(['contracts']),
      'customerClasses[2].when',
      /needs the `contracts` section/,
    ],
    [
      'renewals of an unknown type',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['renewals', 'type'], 'renewl'),
      'renewals.type',
      /no opportunity type "renewl"/,
    ],
    [
      'renewals from an unknown lead source',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['renewals', 'source'], 'webinar'),
      'renewals.source',
      /no lead source "webinar"/,
    ],
    [
      'renewals of a type whose pipeline is missing',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['opportunityTypes', 2, 'pipeline'], 'gone'),
      'renewals.type',
      /is on no pipeline/,
    ],
    [
      'a criterion for an unknown lead source',
      (doc: ReturnType<typeof parseDocument>) =>
        doc.setIn(['pipelines', 0, 'stages', 0, 'exit', 2, 'onlyForSources', 0], 'webinar'),
      'pipelines[0].stages[0].exit[2].onlyForSources[0]',
      /unknown lead source "webinar"/,
    ],
    [
      'an unexpected field (a typo)',
      (doc: ReturnType<typeof parseDocument>) => doc.setIn(['pipelines', 0, 'stages', 0, 'probabilty'], 5),
      'pipelines[0].stages[0]',
      /probabilty/,
    ],
  ])('is refused for %s, naming the file, path and reason', (_name, edit, path, reason) => {
    const result = parsePlaybook(mutated(edit), 'custom.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContainEqual(
      expect.objectContaining({ file: 'custom.yaml', path, message: expect.stringMatching(reason) }),
    );
  });

  it('opens renewals 120 days ahead unless the file says otherwise', () => {
    const result = parsePlaybook(
      mutated((doc) => doc.deleteIn(['renewals', 'leadDays'])),
      'custom.yaml',
    );
    expect(result.ok && result.value.renewals).toEqual({
      leadDays: 120,
      type: 'renewal',
      source: 'customer_success',
    });
  });

  it('is refused when it is not YAML at all', () => {
    const result = parsePlaybook('id: x\npipelines: [unclosed', 'bad.yaml');
    expect(result.ok ? [] : result.error[0]?.message).toMatch(
      /^not valid YAML\/JSON at line 2, column \d+: /,
    );
  });

  it('is refused when the file does not exist', async () => {
    const result = await readPlaybook('/nonexistent/playbook.yaml');
    expect(result.ok ? [] : result.error[0]?.message).toMatch(/cannot read/);
  });
});

describe('optional sections', () => {
  const northwind = readFileSync(new URL('../../../playbooks/northwind.yaml', import.meta.url), 'utf8');
  const without = (edit: (doc: ReturnType<typeof parseDocument>) => void) => {
    const doc = parseDocument(northwind);
    edit(doc);
    return parsePlaybook(doc.toString(), 'lean.yaml');
  };

  it('takes a playbook without a POC method, without contracts and with only some health weights', () => {
    const result = without((doc) => {
      doc.deleteIn(['inspection', 'poc']);
      doc.deleteIn(['contracts']);
      doc.deleteIn(['customerClasses', 1]);
      doc.setIn(['opportunityTypes', 1, 'customerClasses'], ['prospect']);
      // Its POC criteria become attested ones.
      doc.deleteIn(['pipelines', 0, 'stages', 1, 'exit', 1, 'derived']);
      doc.setIn(['pipelines', 0, 'stages', 1, 'exit', 1, 'attested'], {});
      doc.deleteIn(['pipelines', 0, 'stages', 2, 'exit', 0, 'derived']);
      doc.setIn(['pipelines', 0, 'stages', 2, 'exit', 0, 'attested'], {});
    });
    expect(result.ok ? [] : result.error).toEqual([]);
    if (!result.ok) return;
    expect(result.value.inspection.poc).toBeUndefined();
    expect(result.value.contracts).toBeUndefined();
    // Two weights given, the others the engine's defaults.
    expect(result.value.inspection.health.weights).toMatchObject({
      qualification_complete: 15,
      no_recent_activity: -15,
      gate_override: -10,
      poc_success: 12,
    });
    expect(result.value.inspection.velocity).toEqual({
      historyThreshold: 20,
      fastRatio: 0.5,
      stallRatio: 1.5,
    });
  });

  it('refuses POC criteria once the POC method is gone, naming each', () => {
    const result = without((doc) => doc.deleteIn(['inspection', 'poc']));
    expect(result.ok ? [] : result.error.map((problem) => problem.path)).toEqual([
      'pipelines[0].stages[1].exit[1].derived.rule',
      'pipelines[0].stages[2].exit[0].derived.rule',
    ]);
  });
});
