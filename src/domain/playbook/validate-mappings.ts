import { allCriteria } from './lookup.js';
import type { Playbook } from './playbook.js';
import type { PlaybookMappings } from './playbook-mappings.js';
import type { PlaybookIssue } from './validate-playbook.js';

type Targets = Record<keyof PlaybookMappings, Set<string>>;

function targetsOf(playbook: Playbook): Targets {
  return {
    stages: new Set(playbook.pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => stage.key))),
    types: new Set(playbook.opportunityTypes.map((type) => type.key)),
    criteria: new Set(allCriteria(playbook).map((entry) => entry.criterion.key)),
    qualificationElements: new Set(playbook.qualification.elements.map((element) => element.key)),
    milestones: new Set(playbook.milestones.map((milestone) => milestone.key)),
    leadSources: new Set(playbook.leadSources.map((source) => source.key)),
    lossReasons: new Set(playbook.lossReasons.map((reason) => reason.key)),
  };
}

const WORDS: Record<keyof PlaybookMappings, string> = {
  stages: 'stage',
  types: 'opportunity type',
  criteria: 'criterion',
  qualificationElements: 'qualification element',
  milestones: 'milestone',
  leadSources: 'lead source',
  lossReasons: 'loss reason',
};

/**
 * Every mapping points at a key this playbook has (old keys are judged against the version in force when the
 * file is loaded: a mapping of a key nothing uses any more is harmless).
 */
export function validateMappings(
  playbook: Playbook,
  mappings: PlaybookMappings | undefined,
): PlaybookIssue[] {
  if (!mappings) return [];
  const targets = targetsOf(playbook);
  const issues: PlaybookIssue[] = [];
  const check = (section: keyof PlaybookMappings, path: string[], target: string | null) => {
    if (target !== null && !targets[section].has(target))
      issues.push({ path: ['mappings', ...path], message: `unknown ${WORDS[section]} "${target}"` });
  };
  for (const [pipeline, stages] of Object.entries(mappings.stages ?? {})) {
    for (const [from, to] of Object.entries(stages)) check('stages', ['stages', pipeline, from], to);
  }
  for (const section of Object.keys(WORDS) as Array<keyof PlaybookMappings>) {
    if (section === 'stages') continue;
    const entries = Object.entries((mappings[section] ?? {}) as Record<string, string | null>);
    for (const [from, to] of entries) check(section, [section, from], to);
  }
  return issues;
}
