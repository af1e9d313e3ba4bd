/** The parts of a playbook that drive deal inspection: the POC method, health weights, velocity. */

export interface AgendaItem {
  item: string;
  /** Minutes in the seed's timed agenda; absent where the seed gives none. */
  minutes?: number;
}

export interface PocSessionTemplate {
  key: string;
  name: string;
  purpose: string;
  /** Planned length; absent where the seed gives none (POC Validation). */
  durationMinutes?: number;
  /** The session may be held several times (Hands-On Working Sessions). */
  repeatable: boolean;
  agenda: AgendaItem[];
}

export const POC_CRITERIA_GROUPS = ['technical', 'business', 'relationship'] as const;
export type PocCriteriaGroup = (typeof POC_CRITERIA_GROUPS)[number];

export interface PocTemplate {
  /** The first stage at which a POC plan can be created (the seed: Discover). */
  availableFromStage: string;
  sessions: PocSessionTemplate[];
  successCriteria: Record<PocCriteriaGroup, string[]>;
}

export const HEALTH_INDICATORS = [
  'meddpicc_complete',
  'poc_success',
  'champion_strength',
  'decision_process_clarity',
  'competitive_position',
  'incomplete_meddpicc',
  'poc_challenges',
  'stakeholder_changes',
  'timeline_pressure',
  'competitive_threat',
  'gate_override',
  'no_recent_activity',
] as const;
export type HealthIndicator = (typeof HEALTH_INDICATORS)[number];

export interface HealthSettings {
  /** The score before any indicator: a deal with no evidence either way. */
  base: number;
  /** Points per indicator: positive indicators add (≥ 0), risk indicators subtract (≤ 0). */
  weights: Record<HealthIndicator, number>;
  /** Score at or above which a deal is green, and yellow. */
  bands: { green: number; yellow: number };
  /** Close-date moves to a later date within this many days that count as "pushed repeatedly". */
  pushWindowDays: number;
  pushesBeforeRisk: number;
  /** Stakeholder changes (champion / economic buyer replaced or lost) within this many days are a risk. */
  stakeholderWindowDays: number;
  /** An open deal with no activity logged for more than this many business days is a risk. */
  inactivityBusinessDays: number;
}

export interface VelocitySettings {
  /** Closed deals of a pipeline needed before expected durations come from history instead of the playbook. */
  historyThreshold: number;
  /** Time in stage at or below this share of the expected duration is fast. */
  fastRatio: number;
  /** Time in stage above this share of the expected duration is a stall (At Risk). */
  stallRatio: number;
}

export interface InspectionSettings {
  poc: PocTemplate;
  health: HealthSettings;
  velocity: VelocitySettings;
  /** TCV uplift over the previous contract from which a renewal is an Expansion (0.2 = 20%). */
  expansionUpliftThreshold: number;
}
