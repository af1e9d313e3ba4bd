import type { RequestBodyOf, ResponseOf, Schemas } from './schema-types';

/** Records as the API answers them (timestamps are ISO strings on the wire), generated from its schemas. */
export type User = Schemas['User'];

/** GET /auth/me and POST /auth/login. */
export type Session = Schemas['SignedIn'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Opportunity = Schemas['Opportunity'];
export type MeddpiccEntry = Schemas['MeddpiccEntry'];
export type Attestation = Schemas['Attestation'];
export type RequirementCheck = Schemas['RequirementCheck'];
export type NextStagePreview = Schemas['NextStagePreview'];
export type OpportunityView = Schemas['OpportunityView'];
export type GateSnapshot = Schemas['GateSnapshot'];
export type HistoryEvent = Schemas['HistoryEvent'];
export type StageChangeInput = RequestBodyOf<'changeStage'>;
/** POST /opportunities/{id}/stage: the deal moved, with the gate snapshot stored in its history. */
export type StageChanged = Schemas['StageChanged'];

/** GET /auth/demo-users (demo mode): the demo users and their documented password. */
export type DemoSignIns = Schemas['DemoUsers'];

export type Account = Schemas['Account'];
export type Contact = Schemas['Contact'];
export type AccountView = Schemas['AccountView'];

export type BoardCard = Schemas['BoardCard'];
export type BoardColumn = Schemas['BoardColumn'];
export type PipelineBoard = Schemas['PipelineBoard'];

/** GET /opportunities/{id}/inspection: health with its evidence, velocity, MEDDPICC gaps, customer fit. */
export type Inspection = Schemas['Inspection'];
/** A deal's inspection as stored with it (lists): as of `computedAt`, without the customer fit. */
export type StoredInspection = Schemas['StoredInspection'];
/** What leaving a stage requires of MEDDPICC, and whether the deal has it. */
export type MeddpiccReadiness = NonNullable<Inspection['meddpicc']['readiness']['current']>;

/** GET /deals-at-risk: a page of deals at risk with totals over all of them. */
export type DealsAtRisk = ResponseOf<'listDealsAtRisk'>;
/** Money summed per currency, minor units as a decimal string (a sum may pass 2^53). */
export type MoneyTotal = DealsAtRisk['totals']['amounts'][number];
export type AtRiskTotals = DealsAtRisk['totals'];
