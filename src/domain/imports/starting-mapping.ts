import type { Playbook } from '../playbook/playbook.js';
import type { ImportMapping } from './import-mapping.js';

/** Salesforce's own closed stages: every org has them, whatever its open stages are called. */
const SALESFORCE_CLOSED = { won: 'Closed Won', lost: 'Closed Lost' } as const;

/**
 * A mapping to start from for a playbook: each pipeline's stages and each type by their names (an export whose
 * picklists were named like the playbook maps as is), Salesforce's Closed Won / Closed Lost to the closed
 * stages, the first type for rows without one, the playbook's currency and first lead source, no owners (rows
 * then carry an owner e-mail column, or the territory model routes them). Valid against that playbook.
 */
export function startingMapping(playbook: Playbook): ImportMapping {
  const stages: ImportMapping['stages'] = {};
  for (const pipeline of playbook.pipelines) {
    const names: Record<string, string> = {};
    for (const stage of pipeline.stages) {
      names[stage.name] = stage.key;
      if (stage.outcome !== 'open') names[SALESFORCE_CLOSED[stage.outcome]] ??= stage.key;
    }
    stages[pipeline.key] = names;
  }
  const types = Object.fromEntries(playbook.opportunityTypes.map((type) => [type.name, type.key]));
  const sources = Object.fromEntries(playbook.leadSources.map((source) => [source.name, source.key]));
  return {
    source: 'salesforce',
    stages,
    types,
    defaultType: playbook.opportunityTypes[0]?.key ?? null,
    owners: {},
    currencies: { default: playbook.defaultCurrency },
    leadSources: { values: sources, default: playbook.leadSources[0]?.key ?? 'inbound' },
    accounts: { segment: 'mid_market' },
  };
}
