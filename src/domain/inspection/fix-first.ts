import type { HealthIndicator } from '../playbook/inspection-settings.js';
import type { Playbook } from '../playbook/playbook.js';
import { elementsWithRoles } from '../playbook/roles.js';
import type { Health } from './health.js';
import type { Velocity } from './velocity.js';

export type RiskIndicator = Exclude<
  HealthIndicator,
  | 'qualification_complete'
  | 'poc_success'
  | 'champion_strength'
  | 'decision_process_clarity'
  | 'competitive_position'
>;

/** The one thing to do first about a deal in trouble: what to do, and the evidence that says why. */
export interface FixFirst {
  cause: RiskIndicator | 'stalled';
  action: string;
  why: string;
}

/** The people whose change counts as a stakeholder change, by the playbook's names ("the Economic Buyer and Champion"). */
function stakeholders(playbook: Playbook): string {
  const names = elementsWithRoles(playbook, ['champion', 'economic_buyer']).map((element) => element.name);
  return names.length > 0 ? `the ${names.join(' and ')}` : 'the key stakeholders';
}

const ACTIONS = (playbook: Playbook) =>
  ({
    incomplete_qualification: 'Complete the qualification',
    poc_challenges: 'Get the POC back on track',
    stakeholder_changes: `Re-establish ${stakeholders(playbook)}`,
    timeline_pressure: 'Set a realistic close date',
    competitive_threat: 'Validate the competitive position',
    gate_override: 'Meet the requirements that were overridden',
    no_recent_activity: 'Re-engage the customer',
    stalled: 'Move the deal on, or snooze the stall with its reason',
  }) satisfies Record<FixFirst['cause'], string>;

/**
 * The heaviest risk of a red deal (its weight in the playbook decides), or the stall of a deal whose velocity
 * is At Risk; null when neither holds.
 */
export function fixFirst(playbook: Playbook, health: Health, velocity: Velocity): FixFirst | null {
  const actions = ACTIONS(playbook);
  const heaviest = health.reasons
    .filter((reason) => reason.kind === 'risk')
    .sort((a, b) => a.points - b.points)[0];
  const stalled = velocity.class === 'at_risk';
  if (heaviest && (health.band === 'red' || !stalled)) {
    const cause = heaviest.indicator as RiskIndicator;
    return { cause, action: actions[cause], why: heaviest.evidence[0] ?? '' };
  }
  if (stalled) return { cause: 'stalled', action: actions.stalled, why: velocity.reasons[0] ?? '' };
  return null;
}
