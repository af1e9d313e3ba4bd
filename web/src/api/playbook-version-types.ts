import type { Schemas } from './schema-types';

/** Old keys → new ones in a version's `mappings:` (src/domain/playbook/playbook-mappings.ts). */
export type PlaybookMappings = Schemas['PlaybookMappings'];
export type PlaybookVersion = Schemas['PlaybookVersion'];
/** POST /playbook/preview: the diff of a candidate file and what it would do to the records. */
export type PlaybookPreview = Schemas['PlaybookPreview'];
export type KeyChange = PlaybookPreview['diff']['stages'][number]['change'];
