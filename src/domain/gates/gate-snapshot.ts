import type { MeddpiccLevel } from '../playbook/playbook.js';
import type { RequirementCheck } from './requirement-check.js';

export type StageChangeKind = 'advance' | 'regress' | 'close_won' | 'close_lost' | 'reopen';

/** What the gate saw when a stage changed: stored with the change, shown in the history. */
export interface GateSnapshot {
  evaluatedAt: string;
  actorId: string;
  pipeline: string;
  from: string;
  to: string;
  kind: StageChangeKind;
  checks: RequirementCheck[];
  meddpicc: Record<string, MeddpiccLevel>;
  override: { by: string; justification: string } | null;
  reason: string | null;
  lossReason: string | null;
  winningCompetitor: string | null;
}
