/**
 * The territory API's shapes (docs: the territory contract). Written against the contract until the generated
 * types of the territory routes land in ./openapi.d.ts; then each becomes an alias of `Schemas[…]`.
 */
type Segment = 'enterprise' | 'mid_market' | 'smb';

export type GeoLevel = 'country_set' | 'country' | 'subdivision' | 'metro';

export type TerritoryRule =
  | { level: 'country_set'; sets: string[]; segments?: Segment[] }
  | { level: 'country'; countries: string[]; segments?: Segment[] }
  | { level: 'subdivision'; subdivisions: string[]; segments?: Segment[] }
  | {
      level: 'metro';
      metro: string;
      subdivision: string;
      postalPrefixes?: string[];
      counties?: string[];
      segments?: Segment[];
    };

export interface TerritoryModel {
  name: string;
  countrySets: Array<{ key: string; name: string; countries: string[] }>;
  regions: Array<{ key: string; name: string; rvp: string }>;
  territories: Array<{ key: string; name: string; region: string; ae: string; rules: TerritoryRule[] }>;
  excluded: Array<{ countries: string[]; reason: string }>;
}
export type Territory = TerritoryModel['territories'][number];

export interface CoverageReport {
  ok: boolean;
  leaves: number;
  gaps: Array<{ geography: string; name: string; segments: Segment[] }>;
  overlaps: Array<{
    geography: string;
    name: string;
    segments: Segment[];
    territories: string[];
    level: GeoLevel;
  }>;
}

interface Someone {
  id: string;
  name: string;
}

export interface TerritoryModelSummary {
  id: string;
  version: number;
  name: string;
  status: 'draft' | 'active' | 'archived';
  rowVersion: number;
  createdAt: string;
  createdBy: Someone | null;
  activatedAt: string | null;
  activatedBy: Someone | null;
  archivedAt: string | null;
}

export interface TerritoryPerson {
  email: string;
  role: 'ae' | 'rvp';
  territories: string[];
  userId: string | null;
  name: string | null;
  problem: string | null;
}

/** One leaf × segment of the model, as the map colours it and its hover text says it. */
export interface TerritoryMapEntry {
  geography: string;
  name: string;
  level: 'country' | 'subdivision' | 'metro';
  country: string;
  segment: Segment;
  territory: string | null;
  territoryName: string | null;
  ae: { email: string; name: string | null } | null;
  region: string | null;
  because: string;
}

export type TerritoryModelDetail = TerritoryModelSummary & {
  model: TerritoryModel;
  coverage: CoverageReport;
  people: TerritoryPerson[];
  map: TerritoryMapEntry[];
};

export interface ReassignmentPreview {
  coverage: CoverageReport;
  canActivate: boolean;
  refusals: string[];
  accounts: { total: number; moving: number; unchanged: number; kept: number };
  deals: { moving: number; keptCsm: number; closedUnchanged: number };
  perOwner: Array<{
    userId: string;
    name: string;
    accountsGained: number;
    accountsLost: number;
    dealsGained: number;
    dealsLost: number;
  }>;
  accountChanges: Array<{
    accountId: string;
    accountName: string;
    from: Someone | null;
    to: Someone;
    territory: string;
    because: string;
  }>;
  dealChanges: Array<{
    opportunityId: string;
    opportunityName: string;
    accountName: string;
    from: Someone | null;
    to: Someone;
  }>;
  keptAccounts: Array<{ accountId: string; accountName: string; owner: Someone | null; reason: string }>;
}

export interface TerritoryActivated {
  model: TerritoryModelSummary;
  accountsMoved: number;
  dealsMoved: number;
}

/** An account's routing (GET /accounts/{id} `territory`). */
export type AccountRouting =
  | {
      ok: true;
      territory: string;
      territoryName: string;
      ae: string;
      region: string;
      rvp: string;
      rule: { territory: string; rule: number; level: GeoLevel; segmented: boolean };
      because: string;
    }
  | {
      ok: false;
      reason: 'gap' | 'overlap' | 'needs_subdivision' | 'excluded';
      territories: string[];
      because: string;
    };
