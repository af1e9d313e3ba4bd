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

/** A group of POC success criteria (the seed: technical, business, relationship), in the playbook's order. */
export interface PocCriteriaGroup {
  key: string;
  name: string;
  criteria: string[];
}

export interface PocTemplate {
  /** The pipelines whose deals run the POC method. */
  pipelines: string[];
  /** The first stage at which a POC plan can be created (the seed: Discover); a stage of each POC pipeline. */
  availableFromStage: string;
  sessions: PocSessionTemplate[];
  /**
   * The session where the results are presented (the seed: POC Validation): success and the readout need
   * it held. The file may leave it out: then the last session.
   */
  resultsSession: string;
  successCriteria: PocCriteriaGroup[];
}

export const HEALTH_INDICATORS = [
  'qualification_complete',
  'poc_success',
  'champion_strength',
  'decision_process_clarity',
  'competitive_position',
  'incomplete_qualification',
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
  /** Absent: no pipeline runs a POC. */
  poc?: PocTemplate;
  health: HealthSettings;
  velocity: VelocitySettings;
}
