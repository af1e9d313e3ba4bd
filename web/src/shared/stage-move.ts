import { useMutation } from '@tanstack/react-query';
import { ApiError, type MissingRequirement, request, type StageChanged, type StageChangeInput } from '../api';

export interface StageMove {
  id: string;
  /** The version the mover read; sent as If-Match so a move on stale data is refused (412). */
  version: number;
  input: StageChangeInput;
}

export const etagOf = (version: number) => `"v${version}"`;

/**
 * POST /opportunities/{id}/stage through the gate. `readBack` (the deal and what shows it, read again) is
 * awaited before the move stops pending, so no control is enabled while the page still holds the old version.
 */
export function useStageMove(readBack: (move: StageMove) => Promise<unknown>) {
  return useMutation({
    mutationFn: async ({ id, version, input }: StageMove) =>
      (
        await request<StageChanged>(`/opportunities/${encodeURIComponent(id)}/stage`, {
          method: 'POST',
          body: input,
          etag: etagOf(version),
        })
      ).data,
    onSettled: (_data, _error, move) => readBack(move),
  });
}

/** The gate's `missing` list when the error is a blocked move (422 gate_blocked), else null. */
/** The furthest stage a refused move's deal could reach now, as the refusal says (null: none). */
export function reachableFrom(error: unknown): { stage: string; name: string } | null {
  return error instanceof ApiError && error.status === 422 ? (error.problem.reachable ?? null) : null;
}

export function missingFrom(error: unknown): MissingRequirement[] | null {
  if (error instanceof ApiError && error.status === 422 && error.problem.missing)
    return error.problem.missing;
  return null;
}
