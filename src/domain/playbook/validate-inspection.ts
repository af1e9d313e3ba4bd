import type { HealthIndicator, PocTemplate } from './inspection-settings.js';
import type { Playbook } from './playbook.js';
import type { PlaybookIssue } from './validate-playbook.js';

/** Indicators that add to health; the others are risks and subtract. */
export const POSITIVE_INDICATORS: readonly HealthIndicator[] = [
  'qualification_complete',
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
  if (poc) issues.push(...validatePoc(playbook, poc));
  return issues;
}

/** The POC method's pipelines exist and each has the stage it starts from; keys are unique. */
function validatePoc(playbook: Playbook, poc: PocTemplate): PlaybookIssue[] {
  const issues: PlaybookIssue[] = [];
  const at = ['inspection', 'poc'];
  poc.pipelines.forEach((key, index) => {
    const pipeline = playbook.pipelines.find((candidate) => candidate.key === key);
    if (!pipeline) {
      issues.push({ path: [...at, 'pipelines', index], message: `unknown pipeline "${key}"` });
      return;
    }
    const from = pipeline.stages.find((stage) => stage.key === poc.availableFromStage);
    if (from?.outcome !== 'open') {
      const message = `"${poc.availableFromStage}" is not an open stage of pipeline "${key}"`;
      issues.push({ path: [...at, 'availableFromStage'], message });
    }
  });
  issues.push(...uniqueKeys(poc.sessions, [...at, 'sessions']));
  if (!poc.sessions.some((session) => session.key === poc.resultsSession)) {
    const message = `unknown session "${poc.resultsSession}"`;
    issues.push({ path: [...at, 'resultsSession'], message });
  }
  issues.push(...uniqueKeys(poc.successCriteria, [...at, 'successCriteria']));
  return issues;
}

function uniqueKeys(items: ReadonlyArray<{ key: string }>, path: Array<string | number>): PlaybookIssue[] {
  return items.flatMap((item, index) =>
    items.findIndex((other) => other.key === item.key) < index
      ? [{ path: [...path, index, 'key'], message: `duplicate key "${item.key}"` }]
      : [],
  );
}
