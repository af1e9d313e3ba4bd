import { describe, expect, it } from 'vitest';
import { northwind } from '../../../test/support/playbook-fixtures.js';
import { checkPlaybookChange } from './check-playbook-change.js';
import { diffPlaybooks } from './diff-playbooks.js';
import type { Playbook } from './playbook.js';
import type { PlaybookMappings } from './playbook-mappings.js';
import { NO_USAGE, type PlaybookUsage } from './playbook-usage.js';
import { validatePlaybook } from './validate-playbook.js';

const before = northwind();

/** Northwind without its "Presentation Scheduled" stage (and the pilot-passed exit with it). */
function withoutPresentation(mappings?: PlaybookMappings): Playbook {
  const next = structuredClone(before);
  const sales = next.pipelines[0];
  if (!sales) throw new Error('no pipeline');
  sales.stages = sales.stages.filter((stage) => stage.key !== 'presentation_scheduled');
  return mappings ? { ...next, mappings } : next;
}

const deals = (stage: string, count: number, probability = 60, type = 'first_cell') => ({
  type,
  pipeline: 'sales',
  stage,
  probability,
  forecastCategory: probability >= 80 ? 'commit' : probability >= 60 ? 'best_case' : 'pipeline',
  count,
});
const usage = (overrides: Partial<PlaybookUsage>): PlaybookUsage => ({ ...NO_USAGE, ...overrides });

describe('a new playbook version against the records', () => {
  it.each([
    [
      'a removed stage deals are in',
      withoutPresentation(),
      usage({
        deals: [deals('presentation_scheduled', 12), deals('presentation_scheduled', 3, 60, 'more_cells')],
      }),
      [
        'stage `presentation_scheduled` of pipeline `sales` is removed but 15 opportunities are in it; map it with `mappings.stages.sales`',
      ],
    ],
    [
      'a mapping to a stage the pipeline lacks',
      withoutPresentation({ stages: { sales: { presentation_scheduled: 'line_audit' } } }),
      usage({ deals: [deals('presentation_scheduled', 2)] }),
      [
        'stage `presentation_scheduled` of pipeline `sales` maps to `sales/line_audit`, which the playbook does not have there, and 2 opportunities are in it; map it with `mappings.stages.sales`',
      ],
    ],
    [
      'a removed type, element, milestone, source and loss reason in use',
      {
        ...before,
        opportunityTypes: before.opportunityTypes.filter((type) => type.key !== 'more_cells'),
        qualification: {
          ...before.qualification,
          elements: before.qualification.elements.filter((element) => element.key !== 'timeline'),
        },
        leadSources: before.leadSources.filter((source) => source.key !== 'website'),
      },
      usage({
        deals: [deals('qualified_to_buy', 4, 40, 'more_cells')],
        qualificationElements: [{ key: 'timeline', count: 7 }],
        leadSources: [{ key: 'website', count: 5 }],
        lossReasons: [{ key: 'gone_bust', count: 1 }],
      }),
      [
        'opportunity type `more_cells` is removed but 4 opportunities have it; map it with `mappings.types`',
        'qualification element `timeline` is removed but 7 qualification entries record it; map it with `mappings.qualificationElements`',
        'lead source `website` is removed but 5 opportunities come from it; map it with `mappings.leadSources`',
        'loss reason `gone_bust` is not in the playbook but 1 opportunities were lost for it; map it with `mappings.lossReasons`',
      ],
    ],
    [
      'a removed criterion with attestations',
      {
        ...withoutPresentation(),
        pipelines: before.pipelines.map((pipeline) => ({
          ...pipeline,
          stages: pipeline.stages.map((stage) => ({
            ...stage,
            entrance: stage.entrance.filter((criterion) => criterion.key !== 'visit_booked'),
          })),
        })),
      },
      usage({
        attestations: [{ type: 'first_cell', pipeline: 'sales', criterion: 'visit_booked', count: 9 }],
      }),
      [
        'criterion `visit_booked` of pipeline `sales` is removed but 9 attestations record it; map it with `mappings.criteria`',
      ],
    ],
  ])('refuses %s, with counts', (_case, next, used, messages) => {
    const checked = checkPlaybookChange(next, used, before);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.map((problem) => problem.message)).toEqual(messages);
  });

  it('with a mapping, plans the moves: deals to the mapped stage with its probability, keys renamed or retired', () => {
    const next = {
      ...withoutPresentation({
        stages: { sales: { presentation_scheduled: 'decision_maker_bought_in' } },
        criteria: { visit_booked: 'po_received', old_check: null },
      }),
    };
    const checked = checkPlaybookChange(
      next,
      usage({
        deals: [deals('presentation_scheduled', 12), deals('qualified_to_buy', 5, 40)],
        attestations: [
          { type: 'first_cell', pipeline: 'sales', criterion: 'visit_booked', count: 3 },
          { type: 'more_cells', pipeline: 'sales', criterion: 'visit_booked', count: 2 },
          { type: 'first_cell', pipeline: 'sales', criterion: 'old_check', count: 1 },
        ],
      }),
      before,
    );
    expect(checked).toEqual({
      ok: true,
      value: {
        deals: [
          {
            from: {
              type: 'first_cell',
              pipeline: 'sales',
              stage: 'presentation_scheduled',
              probability: 60,
              forecastCategory: 'best_case',
            },
            to: {
              type: 'first_cell',
              pipeline: 'sales',
              stage: 'decision_maker_bought_in',
              probability: 80,
              forecastCategory: 'commit',
            },
            count: 12,
          },
        ],
        keys: [
          { kind: 'criterion', from: 'visit_booked', to: 'po_received', count: 5 },
          { kind: 'criterion', from: 'old_check', to: null, count: 1 },
        ],
        summary: { dealsMoved: 12, dealsReprobabilised: 0, recordsRenamed: 5, recordsRetired: 1 },
      },
    });
  });

  it.each([
    ['the same playbook', before, 0],
    [
      'a stage whose probability changed',
      {
        ...before,
        pipelines: before.pipelines.map((pipeline) => ({
          ...pipeline,
          stages: pipeline.stages.map((stage) =>
            stage.key === 'qualified_to_buy' ? { ...stage, probability: 50 } : stage,
          ),
        })),
      },
      5,
    ],
  ])('accepts %s; deals whose stage facts changed are re-probabilised (%i)', (_case, next, count) => {
    const checked = checkPlaybookChange(next, usage({ deals: [deals('qualified_to_buy', 5, 40)] }), before);
    expect(checked.ok && checked.value.summary.dealsReprobabilised).toBe(count);
    expect(checked.ok && checked.value.summary.dealsMoved).toBe(0);
  });
});

describe('a changed closing section', () => {
  it('needs no mapping: offers keep the chain resolved when they were submitted', () => {
    const closing = before.closing;
    if (!closing) throw new Error('no closing section');
    const edits: Playbook[] = [
      { ...before, closing: { ...closing, offersFrom: { sales: 'decision_maker_bought_in' } } },
      { ...before, closing: { ...closing, approvals: closing.approvals.filter((step) => !step.when) } },
      (({ closing: _, ...rest }) => rest)(before),
    ];
    for (const next of edits) {
      expect(validatePlaybook(next)).toEqual([]);
      const checked = checkPlaybookChange(
        next,
        usage({ deals: [deals('presentation_scheduled', 4)] }),
        before,
      );
      expect(checked.ok).toBe(true);
      expect(diffPlaybooks(before, next).unchanged).toBe(true);
    }
  });
});
