import type { Schemas } from './schema-types';

/** The territory API's shapes (src/api/schemas/territory-schemas.ts), generated from its OpenAPI document. */
export type TerritoryModelSummary = Schemas['TerritoryModelSummary'];
export type TerritoryModelDetail = Schemas['TerritoryModelDetail'];
/** The model as data: regions, territories with their rules, country sets, exclusions. */
export type TerritoryModel = TerritoryModelDetail['model'];
export type Territory = TerritoryModel['territories'][number];
export type TerritoryRule = Territory['rules'][number];
export type GeoLevel = TerritoryRule['level'];
export type CoverageReport = Schemas['CoverageReport'];
export type TerritoryPerson = TerritoryModelDetail['people'][number];
/** One leaf × segment of the model, as the map colours it and its hover text says it. */
export type TerritoryMapEntry = TerritoryModelDetail['map'][number];
export type ReassignmentPreview = Schemas['ReassignmentPreview'];
export type TerritoryActivated = Schemas['TerritoryActivation'];
/** How the active model routes an account (GET /accounts/{id} `territory`). */
export type AccountRouting = Schemas['Routing'];
