import { describe, expect, it } from 'vitest';
import { type CallFigures, standingCall, totalCalls } from './call-totals.js';

const call = (kind: CallFigures['kind'], commit: number, bestCase: number, at: string): CallFigures => ({
  kind,
  commitMinor: commit,
  bestCaseMinor: bestCase,
  at: new Date(at),
});

describe('forecast calls rolled up', () => {
  it("takes the RVP's adjustment over the submission it follows, and a later submission over the adjustment", () => {
    const submitted = call('submission', 100, 200, '2026-03-01T10:00:00Z');
    const adjusted = call('adjustment', 80, 150, '2026-03-02T10:00:00Z');
    const resubmitted = call('submission', 120, 210, '2026-03-03T10:00:00Z');
    expect(standingCall(submitted, adjusted)).toBe(adjusted);
    expect(standingCall(resubmitted, adjusted)).toBe(resubmitted);
    expect(standingCall(null, adjusted)).toBe(adjusted);
    expect(standingCall(submitted, null)).toBe(submitted);
    expect(standingCall(null, null)).toBeNull();
  });

  it('sums the standing calls exactly and counts who has called', () => {
    const big = 2 ** 52;
    const totals = totalCalls([
      call('submission', big, big, '2026-03-01T00:00:00Z'),
      null,
      call('adjustment', big, 1, '2026-03-01T00:00:00Z'),
    ]);
    expect(totals).toEqual({
      commitMinor: String(2n * BigInt(big)),
      bestCaseMinor: String(BigInt(big) + 1n),
      called: 2,
      owners: 3,
    });
    expect(totalCalls([])).toEqual({ commitMinor: '0', bestCaseMinor: '0', called: 0, owners: 0 });
  });
});
