import type { Playbook } from '../api';
import { humanize } from './format';

/** The playbook's qualification framework as screens name it ("MEDDPICC", "BANT"); "Qualification" until it loads. */
export const frameworkOf = (playbook: Playbook | undefined): string =>
  playbook?.qualification.framework || 'Qualification';

/** The selling company as screens name it; "us" until the playbook loads. */
export const companyOf = (playbook: Playbook | undefined): string => playbook?.company || 'us';

/**
 * Words as people write them: POC and TCO in capitals, and the qualification (an indicator's
 * `incomplete_qualification`) by the playbook's framework when it is given ("Incomplete MEDDPICC",
 * "Incomplete BANT").
 */
export function words(key: string, framework?: string): string {
  const text = humanize(key)
    .replace(/\bpoc\b/gi, 'POC')
    .replace(/\btco\b/gi, 'TCO');
  return framework ? text.replace(/\b(qualification|meddpicc)\b/gi, framework) : text;
}

/** The name of the element that plays a qualification role in the playbook (its Champion, its Timeline). */
const elementPlaying = (playbook: Playbook | undefined, role: string): string | undefined =>
  playbook?.qualification.elements.find((element) => element.role === role)?.name;

/** The health indicators in words, in the playbook's terms; an unknown key falls back to its words. */
const INDICATOR_NAMES: Record<string, (playbook: Playbook | undefined) => string> = {
  qualification_complete: (playbook) => `${frameworkOf(playbook)} complete`,
  poc_success: () => 'POC success',
  champion_strength: (playbook) => `${elementPlaying(playbook, 'champion') ?? 'Champion'} strength`,
  decision_process_clarity: (playbook) =>
    `${elementPlaying(playbook, 'decision_process') ?? 'Decision process'} clarity`,
  competitive_position: () => 'Competitive position',
  incomplete_qualification: (playbook) => `Incomplete ${frameworkOf(playbook)}`,
  poc_challenges: () => 'POC challenges',
  stakeholder_changes: () => 'Stakeholder changes',
  timeline_pressure: () => 'Timeline pressure',
  competitive_threat: () => 'Competitive threat',
  gate_override: () => 'Gate override',
  no_recent_activity: () => 'No recent activity',
};

export const indicatorName = (indicator: string, playbook: Playbook | undefined): string =>
  INDICATOR_NAMES[indicator]?.(playbook) ?? words(indicator, frameworkOf(playbook));
