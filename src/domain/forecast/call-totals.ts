/** What the roll-up needs of one forecast call (a submission or an RVP's adjustment), company-currency minor units. */
export interface CallFigures {
  kind: 'submission' | 'adjustment';
  commitMinor: number;
  bestCaseMinor: number;
  at: Date;
}

/** The calls of a region or the company for one period: the sum of each owner's standing call. */
export interface CallTotals {
  /** Decimal strings of company-currency minor units. */
  commitMinor: string;
  bestCaseMinor: string;
  /** Owners with a standing call, of `owners` in the sum. */
  called: number;
  owners: number;
}

/**
 * An owner's standing call for a period: the latest of their latest submission and their RVP's latest adjustment
 * (an adjustment stands until the owner submits again); null before either.
 */
export function standingCall<T extends CallFigures>(submission: T | null, adjustment: T | null): T | null {
  if (!submission || !adjustment) return submission ?? adjustment;
  return adjustment.at >= submission.at ? adjustment : submission;
}

/** The sum of the owners' standing calls (each a `standingCall` or null), exact in bigint. */
export function totalCalls(standing: ReadonlyArray<CallFigures | null>): CallTotals {
  let commit = 0n;
  let bestCase = 0n;
  let called = 0;
  for (const call of standing) {
    if (!call) continue;
    commit += BigInt(call.commitMinor);
    bestCase += BigInt(call.bestCaseMinor);
    called += 1;
  }
  return { commitMinor: String(commit), bestCaseMinor: String(bestCase), called, owners: standing.length };
}
