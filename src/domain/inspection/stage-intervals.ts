import { businessDaysBetween } from './business-days.js';

export type StageChangeKind = 'create' | 'advance' | 'regress' | 'close_won' | 'close_lost' | 'reopen';

/** One stage change of a deal's history, oldest first; the first is its creation. */
export interface StageChangeFact {
  toStage: string;
  kind: StageChangeKind;
  at: Date;
}

export interface StageInterval {
  stage: string;
  enteredAt: Date;
  /** When the deal left the stage; null for the stage it is in. */
  leftAt: Date | null;
  /** How the deal left it. */
  leftBy: StageChangeKind | null;
  businessDays: number;
}

/** Turns stage history into the time spent in each visit of a stage (current one measured to `now`). */
export function stageIntervals(history: readonly StageChangeFact[], now: Date): StageInterval[] {
  return history.map((change, index) => {
    const next = history[index + 1];
    const leftAt = next?.at ?? null;
    return {
      stage: change.toStage,
      enteredAt: change.at,
      leftAt,
      leftBy: next?.kind ?? null,
      businessDays: businessDaysBetween(change.at, leftAt ?? now),
    };
  });
}
