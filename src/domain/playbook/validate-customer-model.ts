import type { Playbook } from './playbook.js';
import type { PlaybookIssue } from './validate-playbook.js';

/**
 * What a schema cannot check in the customer model: each class rule once (`otherwise` exactly once), roles
 * played by one element each, contracts kept where a class or type depends on them, and the uplift rule's
 * two sides present in the pipelines whose criteria read it.
 */
export function validateCustomerModel(playbook: Playbook): PlaybookIssue[] {
  return [
    ...classRules(playbook),
    ...roles(playbook),
    ...contractTypes(playbook),
    ...upliftRules(playbook),
    ...renewalSettings(playbook),
  ];
}

function classRules(playbook: Playbook): PlaybookIssue[] {
  const issues: PlaybookIssue[] = [];
  const seen = new Map<string, string>();
  playbook.customerClasses.forEach((klass, index) => {
    const first = seen.get(klass.when);
    if (first) {
      const message = `rule "${klass.when}" already makes class "${first}"; each rule names one class`;
      issues.push({ path: ['customerClasses', index, 'when'], message });
    }
    seen.set(klass.when, klass.key);
    if (klass.when === 'contract_in_force' && !playbook.contracts) {
      const message = 'a class made by a contract in force needs the `contracts` section';
      issues.push({ path: ['customerClasses', index, 'when'], message });
    }
  });
  if (!seen.has('otherwise')) {
    const message = 'one class must be `when: otherwise` (an account with neither contract nor usage)';
    issues.push({ path: ['customerClasses'], message });
  }
  return issues;
}

function roles(playbook: Playbook): PlaybookIssue[] {
  const seen = new Map<string, string>();
  return playbook.qualification.elements.flatMap((element, index) => {
    if (!element.role) return [];
    const first = seen.get(element.role);
    seen.set(element.role, element.key);
    return first
      ? [
          {
            path: ['qualification', 'elements', index, 'role'],
            message: `role "${element.role}" is already played by "${first}"`,
          },
        ]
      : [];
  });
}

function contractTypes(playbook: Playbook): PlaybookIssue[] {
  return playbook.opportunityTypes.flatMap((type, index) => {
    const at = ['opportunityTypes', index, 'renewsContract'];
    if (!type.renewsContract) return [];
    if (!playbook.contracts)
      return [{ path: at, message: 'a type that renews a contract needs the `contracts` section' }];
    if (type.renewsContract.uplift && playbook.contracts.expansionUpliftThreshold === undefined) {
      const message = 'telling types apart by uplift needs `contracts.expansionUpliftThreshold`';
      return [{ path: [...at, 'uplift'], message }];
    }
    return [];
  });
}

/** A `type_matches_uplift` criterion needs, in its pipeline, one type below and one at or above the threshold. */
function upliftRules(playbook: Playbook): PlaybookIssue[] {
  const issues: PlaybookIssue[] = [];
  playbook.pipelines.forEach((pipeline, pipelineIndex) => {
    const sides = playbook.opportunityTypes
      .filter((type) => type.pipeline === pipeline.key)
      .map((type) => type.renewsContract?.uplift);
    sides.forEach((side, index) => {
      if (side && sides.indexOf(side) !== index) {
        const message = `two types of pipeline "${pipeline.key}" are "${side}" the uplift threshold`;
        issues.push({ path: ['pipelines', pipelineIndex], message });
      }
    });
    const complete = sides.includes('below') && sides.includes('atOrAbove');
    pipeline.stages.forEach((stage, stageIndex) => {
      (['entrance', 'exit'] as const).forEach((phase) => {
        stage[phase].forEach((criterion, index) => {
          if (criterion.source.kind !== 'derived' || criterion.source.rule !== 'type_matches_uplift') return;
          if (complete) return;
          issues.push({
            path: ['pipelines', pipelineIndex, 'stages', stageIndex, phase, index, 'derived', 'rule'],
            message: `needs a type of pipeline "${pipeline.key}" with renewsContract.uplift "below" and one with "atOrAbove"`,
          });
        });
      });
    });
  });
  return issues;
}

/** The renewal type must exist on a pipeline of the playbook, and contracts be kept; the source must exist. */
function renewalSettings(playbook: Playbook): PlaybookIssue[] {
  const renewals = playbook.renewals;
  if (!renewals) return [];
  const issues: PlaybookIssue[] = [];
  if (!playbook.contracts) {
    issues.push({ path: ['renewals'], message: 'renewals need the `contracts` section' });
  }
  const type = playbook.opportunityTypes.find((candidate) => candidate.key === renewals.type);
  if (!type) {
    issues.push({ path: ['renewals', 'type'], message: `no opportunity type "${renewals.type}"` });
  } else if (!playbook.pipelines.some((pipeline) => pipeline.key === type.pipeline)) {
    const message = `type "${type.key}" is on no pipeline of the playbook`;
    issues.push({ path: ['renewals', 'type'], message });
  }
  if (renewals.source && !playbook.leadSources.some((source) => source.key === renewals.source)) {
    issues.push({ path: ['renewals', 'source'], message: `no lead source "${renewals.source}"` });
  }
  return issues;
}
