import type { MeddpiccLevel } from '../playbook/playbook.js';
import type { OfferEvidenceRef } from './closing-rules.js';

export type RequirementKind = 'criterion' | 'meddpicc' | 'field' | 'transition' | 'customer_fit';

/** One requirement the gate looked at, whether met or not, with the reason in words. */
export interface RequirementCheck {
  kind: RequirementKind;
  /** The stage the requirement belongs to. */
  stage: string;
  phase?: 'entrance' | 'exit';
  key: string;
  label: string;
  met: boolean;
  message: string;
  source?: 'attested' | 'derived';
  applicable?: boolean;
  attestation?: { by: string; at: string; note: string | null; evidenceUrl: string | null };
  required?: MeddpiccLevel;
  actual?: MeddpiccLevel;
  /** The logged activity that meets a criterion derived from activities. */
  activityId?: string;
  /** The offer version and vendor records (envelope, agreement) that meet a closing rule. */
  evidence?: OfferEvidenceRef;
}

/** An unmet requirement as the API reports it. */
export type MissingRequirement = Omit<RequirementCheck, 'met'>;

export function toMissing(checks: RequirementCheck[]): MissingRequirement[] {
  return checks.filter((check) => !check.met).map(({ met: _met, ...missing }) => missing);
}

export function missingField(stage: string, key: string, label: string, message: string): RequirementCheck {
  return { kind: 'field', stage, key, label, met: false, message };
}
