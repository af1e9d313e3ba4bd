import type { HealthIndicator } from './inspection-settings.js';
import type { Playbook } from './playbook.js';
import type { PlaybookIssue } from './validate-playbook.js';

/** Indicators that add to health; the others are risks and subtract. */
export const POSITIVE_INDICATORS: readonly HealthIndicator[] = [
  'meddpicc_complete',
  'poc_success',
  'champion_strength',
  'decision_process_clarity',
  'competitive_position',
];

/** What a schema cannot check in the inspection settings: weight signs, band order, stage references. */
export function validateInspection(playbook: Playbook): PlaybookIssue[] {
  const { health, poc, velocity } = playbook.inspection;
  const issues: PlaybookIssue[] = [];
  for (const [indicator, weight] of Object.entries(health.weights) as Array<[HealthIndicator, number]>) {
    const positive = POSITIVE_INDICATORS.includes(indicator);
    if (positive ? weight < 0 : weight > 0) {
      const message = positive ? 'a positive indicator adds points (≥ 0)' : 'a risk subtracts points (≤ 0)';
      issues.push({ path: ['inspection', 'health', 'weights', indicator], message });
    }
  }
  if (health.bands.yellow > health.bands.green) {
    issues.push({ path: ['inspection', 'health', 'bands'], message: 'yellow must not start above green' });
  }
  if (velocity.fastRatio >= velocity.stallRatio) {
    issues.push({ path: ['inspection', 'velocity', 'fastRatio'], message: 'must be below stallRatio' });
  }
  const stages = playbook.pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => stage.key));
  if (!stages.includes(poc.availableFromStage)) {
    const message = `unknown stage "${poc.availableFromStage}"`;
    issues.push({ path: ['inspection', 'poc', 'availableFromStage'], message });
  }
  return issues;
}
