import type { CustomerFit, CustomerStanding } from './contract-types';
import type { AccountPermissions, OpportunityPermissions, RolePermissions } from './permission-types';
import type { MeddpiccLevel } from './playbook-types';
import type { Milestone } from './poc-types';
import type { MissingRequirement } from './problem';

/** Records as the API answers them (timestamps are ISO strings on the wire). */
export interface User {
  id: string;
  name: string;
  email?: string;
  role: string;
  region: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
  /** What the user's role may do anywhere. */
  permissions: RolePermissions;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Opportunity {
  id: string;
  accountId: string;
  name: string;
  type: string;
  pipeline: string;
  stage: string;
  probability: number;
  forecastCategory: string;
  amountMinor: number;
  currency: string;
  closeDate: string;
  ownerId: string;
  source: string;
  nextStep: string | null;
  description: string | null;
  lossReason: string | null;
  winningCompetitor: string | null;
  stageEnteredAt: string;
  closedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MeddpiccEntry {
  element: string;
  level: MeddpiccLevel;
  summary: string | null;
  contactId: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface Attestation {
  criterion: string;
  attestedBy: string;
  attestedAt: string;
  note: string | null;
  evidenceUrl: string | null;
}

export type RequirementCheck = MissingRequirement & { met: boolean };

export interface NextStagePreview {
  stage: string;
  name: string;
  ready: boolean;
  checks: RequirementCheck[];
  missing: MissingRequirement[];
}

export interface OpportunityView {
  opportunity: Opportunity;
  meddpicc: MeddpiccEntry[];
  attestations: Attestation[];
  milestones: Milestone[];
  nextStage: NextStagePreview | null;
  /** The furthest stage the deal could move to now; null when none. */
  reachable: { stage: string; name: string } | null;
  permissions: OpportunityPermissions;
}

export interface GateSnapshot {
  evaluatedAt: string;
  actorId: string;
  pipeline: string;
  from: string;
  to: string;
  kind: 'advance' | 'regress' | 'close_won' | 'close_lost' | 'reopen' | 'create' | 'type_change';
  checks: RequirementCheck[];
  meddpicc: Record<string, MeddpiccLevel>;
  override: { by: string; justification: string } | null;
  reason: string | null;
  lossReason: string | null;
  winningCompetitor: string | null;
}

export interface HistoryEvent {
  id: number;
  occurredAt: string;
  actorId: string;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  gate: GateSnapshot | null;
}

export interface StageChangeInput {
  to: string;
  reason?: string;
  lossReason?: string;
  winningCompetitor?: string;
}

export interface Account {
  id: string;
  name: string;
  domain: string | null;
  segment: 'enterprise' | 'mid_market' | 'smb';
  industry: string | null;
  country: string;
  subdivision: string | null;
  city: string | null;
  postalCode: string | null;
  ownerId: string | null;
  selfServeUsage: boolean;
  version: number;
}

export interface Contact {
  id: string;
  accountId: string;
  name: string;
  email: string | null;
  title: string | null;
  phone: string | null;
  version: number;
}

export interface AccountView {
  account: Account;
  customer: CustomerStanding;
  contacts: Contact[];
  opportunities: Opportunity[];
  /** Every deal type, whether it suits this account today, and why. */
  dealTypes: Array<{ key: string; name: string; fits: boolean; message: string }>;
  permissions: AccountPermissions;
}

export interface BoardCard {
  id: string;
  name: string;
  type: string;
  stage: string;
  accountId: string;
  accountName: string;
  amountMinor: number;
  currency: string;
  closeDate: string;
  ownerId: string;
  ownerName: string;
  nextStep: string | null;
  stageEnteredAt: string;
  version: number;
  /** Whether the caller may move this deal. */
  mayMove: boolean;
}

export interface BoardColumn {
  stage: string;
  name: string;
  probability: number;
  outcome: 'open' | 'won' | 'lost';
  count: number;
  /** Sums in minor units as decimal strings: exact however large. */
  totals: Array<{ currency: string; totalMinor: string; weightedMinor: string }>;
}

export interface PipelineBoard {
  pipeline: { key: string; name: string };
  columns: BoardColumn[];
  cards: BoardCard[];
  total: number;
  truncated: boolean;
}

/** What leaving a stage requires of MEDDPICC, and whether the deal has it. */
export interface MeddpiccReadiness {
  stage: string;
  ready: boolean;
  required: Array<{ element: string; level: MeddpiccLevel }>;
}

/** GET /opportunities/{id}/inspection: health with its evidence, velocity, MEDDPICC gaps, customer fit. */
export interface Inspection {
  opportunityId: string;
  health: {
    score: number;
    band: 'green' | 'yellow' | 'red';
    base: number;
    reasons: Array<{ indicator: string; kind: 'positive' | 'risk'; points: number; evidence: string[] }>;
  };
  velocity: {
    class: 'fast_track' | 'standard' | 'at_risk' | 'recovery';
    stage: string;
    daysInStage: number;
    expectedDays: number | null;
    reasons: string[];
    snoozed: { until: string; reason: string } | null;
  };
  meddpicc: {
    score: number;
    elements: Array<{ element: string; name: string; level: MeddpiccLevel; points: number }>;
    readiness: { current: MeddpiccReadiness | null; next: MeddpiccReadiness | null };
    gaps: Array<{
      element: string;
      name: string;
      required: string;
      actual: string;
      stage: string;
      severity: 'high' | 'medium' | 'low';
      message: string;
    }>;
  };
  customer: CustomerFit;
  /** The one thing to fix first (a red deal's heaviest risk, or an At Risk deal's stall); null when none. */
  fixFirst: { cause: string; action: string; why: string } | null;
}

/** Money summed per currency, minor units as a decimal string (a sum may pass 2^53). */
export interface MoneyTotal {
  currency: string;
  amountMinor: string;
}

export interface AtRiskTotals {
  deals: number;
  amounts: MoneyTotal[];
}

export interface DealsAtRisk {
  items: Array<{ opportunity: Opportunity; account: { id: string; name: string }; inspection: Inspection }>;
  nextCursor: string | null;
  /** Every deal at risk under the filters, not only this page, in all and per owner. */
  totals: AtRiskTotals;
  byOwner: Array<AtRiskTotals & { ownerId: string }>;
  scanned: number;
  truncated: boolean;
}
