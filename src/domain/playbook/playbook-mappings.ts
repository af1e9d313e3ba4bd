/**
 * How the keys of the version in force map to a new version's, given in the new file's `mappings:` section.
 * Read only when the version is loaded: the records that use an old key are moved to the new one in the
 * transaction that stores the version. `null` retires a key whose records may go (an attestation, a
 * qualification entry, a win milestone); a deal, its type, source and loss reason always need a place.
 */
export interface PlaybookMappings {
  /** Per pipeline of the previous version: old stage key → the stage in the deal's (new) pipeline. */
  stages?: Record<string, Record<string, string>>;
  types?: Record<string, string>;
  criteria?: Record<string, string | null>;
  qualificationElements?: Record<string, string | null>;
  milestones?: Record<string, string | null>;
  leadSources?: Record<string, string>;
  lossReasons?: Record<string, string>;
}

/** The parts of a playbook whose keys records store. */
export const MAPPED_KINDS = [
  'stage',
  'type',
  'criterion',
  'qualificationElement',
  'milestone',
  'leadSource',
  'lossReason',
] as const;
export type MappedKind = (typeof MAPPED_KINDS)[number];

/** Where each kind's mapping sits in the file. */
export const MAPPING_SECTIONS = {
  stage: 'stages',
  type: 'types',
  criterion: 'criteria',
  qualificationElement: 'qualificationElements',
  milestone: 'milestones',
  leadSource: 'leadSources',
  lossReason: 'lossReasons',
} as const satisfies Record<MappedKind, keyof PlaybookMappings>;

type Flat = Exclude<MappedKind, 'stage'>;

/** The key a record's `key` has under the new version: mapped, retired (null) or unchanged. */
export function mapKey(mappings: PlaybookMappings | undefined, kind: Flat, key: string): string | null {
  const section = mappings?.[MAPPING_SECTIONS[kind]] as Record<string, string | null> | undefined;
  if (section && Object.hasOwn(section, key)) return section[key] ?? null;
  return key;
}

/** The stage a deal of `pipeline` in `stage` moves to. */
export function mapStage(mappings: PlaybookMappings | undefined, pipeline: string, stage: string): string {
  return mappings?.stages?.[pipeline]?.[stage] ?? stage;
}
