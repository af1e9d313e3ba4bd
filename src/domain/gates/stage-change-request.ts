/** What a caller asks of the gate, and who the gate sees asking. */
export interface StageChangeRequest {
  to: string;
  reason?: string | null;
  lossReason?: string | null;
  winningCompetitor?: string | null;
  override?: { justification: string } | null;
}

export interface GateActor {
  id: string;
  canOverride: boolean;
  canReopen: boolean;
}
