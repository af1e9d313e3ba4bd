import type { Schemas } from './schema-types';

/** What changed between two snapshots, and the funnel (src/api/routes/list-forecast-changes.ts, get-funnel.ts). */
export type ForecastChanges = Schemas['ForecastChanges'];
export type ForecastChange = Schemas['ForecastChange'];
export type ChangeKind = ForecastChange['kind'];
export type ChangeTotal = ForecastChanges['totals'][number];
export type DealSnapshot = Schemas['DealSnapshot'];
export type Funnel = Schemas['Funnel'];
export type FunnelStage = Funnel['stages'][number];
