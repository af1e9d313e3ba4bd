import type { HealthSettings, VelocitySettings } from './inspection-settings.js';

/**
 * The engine's health settings where a playbook gives none: the weights of the spec's indicators (positive
 * ones add, risks subtract), the bands and windows. A playbook overrides any of them.
 */
export const DEFAULT_HEALTH: HealthSettings = {
  base: 60,
  weights: {
    qualification_complete: 12,
    poc_success: 12,
    champion_strength: 8,
    decision_process_clarity: 6,
    competitive_position: 6,
    incomplete_qualification: -15,
    poc_challenges: -15,
    stakeholder_changes: -12,
    timeline_pressure: -10,
    competitive_threat: -8,
    gate_override: -10,
    no_recent_activity: -10,
  },
  bands: { green: 80, yellow: 60 },
  pushWindowDays: 90,
  pushesBeforeRisk: 2,
  stakeholderWindowDays: 60,
  inactivityBusinessDays: 15,
};

/** Velocity where a playbook gives none: 20 closed deals before history decides, fast ≤ 0.5×, stall > 1.5×. */
export const DEFAULT_VELOCITY: VelocitySettings = { historyThreshold: 20, fastRatio: 0.5, stallRatio: 1.5 };
