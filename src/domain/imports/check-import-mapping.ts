import { findPipeline } from '../playbook/lookup.js';
import type { Playbook } from '../playbook/playbook.js';
import type { ImportMapping } from './import-mapping.js';

export interface MappingIssue {
  path: Array<string | number>;
  message: string;
}

/** A mapping against the playbook in force: every pipeline, stage, type and lead source it names must exist. */
export function checkImportMapping(playbook: Playbook, mapping: ImportMapping): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const typeKeys = playbook.opportunityTypes.map((type) => type.key);
  for (const [pipelineKey, names] of Object.entries(mapping.stages)) {
    const pipeline = findPipeline(playbook, pipelineKey);
    if (!pipeline) {
      const known = playbook.pipelines.map((each) => each.key).join(', ');
      issues.push({ path: ['stages', pipelineKey], message: `unknown pipeline; use one of: ${known}` });
      continue;
    }
    const stageKeys = pipeline.stages.map((stage) => stage.key);
    for (const [name, stageKey] of Object.entries(names)) {
      if (!stageKeys.includes(stageKey)) {
        const message = `unknown stage of ${pipeline.key}; use one of: ${stageKeys.join(', ')}`;
        issues.push({ path: ['stages', pipelineKey, name], message });
      }
    }
  }
  const unknownType = `unknown opportunity type; use one of: ${typeKeys.join(', ')}`;
  for (const [name, typeKey] of Object.entries(mapping.types)) {
    if (!typeKeys.includes(typeKey)) issues.push({ path: ['types', name], message: unknownType });
  }
  if (mapping.defaultType !== null && !typeKeys.includes(mapping.defaultType)) {
    issues.push({ path: ['defaultType'], message: unknownType });
  }
  const sources = playbook.leadSources.map((source) => source.key);
  const unknownSource = `unknown lead source; use one of: ${sources.join(', ')}`;
  for (const [name, sourceKey] of Object.entries(mapping.leadSources.values)) {
    if (!sources.includes(sourceKey))
      issues.push({ path: ['leadSources', 'values', name], message: unknownSource });
  }
  if (!sources.includes(mapping.leadSources.default)) {
    issues.push({ path: ['leadSources', 'default'], message: unknownSource });
  }
  return issues;
}
