import type { MeddpiccState } from '../qualification/meddpicc.js';

export type PocStatus = 'none' | 'planned' | 'in_progress' | 'succeeded' | 'challenged';

/** What health is judged on: plain data the app layer gathers from the deal and its history. */
export interface HealthFacts {
  pipeline: string;
  stage: string;
  meddpicc: MeddpiccState;
  poc: { status: PocStatus; reasons: string[] };
  closeDate: string;
  /** Close-date changes, oldest first. */
  closeDateChanges: ReadonlyArray<{ at: Date; from: string; to: string }>;
  /** The deal's stored push count: times its close date moved into a later month, ever (opportunities.push_count). */
  pushCount: number;
  /** The champion or economic buyer replaced, lost or downgraded. */
  stakeholderChanges: ReadonlyArray<{ at: Date; description: string }>;
  /** Forced gates; `typeFit` marks an override of the type-vs-customer rule (on create or type change). */
  overrides: ReadonlyArray<{ at: Date; by: string; justification: string; to: string; typeFit?: boolean }>;
  /** Business days until the close date. */
  businessDaysToClose: number;
  /** Business days the rest of the current stage and the whole next one usually take. */
  expectedBusinessDaysThroughNext: number;
  /** Business days in the current stage, and how many it usually takes (null: no expectation). */
  daysInStage: number;
  expectedDaysInStage: number | null;
  /** The last activity that took place on the deal, or null; `createdAt` dates a deal that has none. */
  lastActivity: { at: Date; kind: string } | null;
  createdAt: Date;
  now: Date;
}
