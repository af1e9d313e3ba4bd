import type { Schemas } from './schema-types';

/** The playbook as GET /api/v1/playbook answers it. */
export type Playbook = Schemas['Playbook'];
export type Pipeline = Schemas['Pipeline'];
export type Stage = Schemas['Stage'];
export type Criterion = Schemas['Criterion'];
export type CriterionSource = Criterion['source'];
export type MeddpiccElement = Playbook['qualification']['elements'][number];
export type MeddpiccLevel = Schemas['MeddpiccEntry']['level'];
export type CustomerClassRule = Playbook['customerClasses'][number]['when'];
