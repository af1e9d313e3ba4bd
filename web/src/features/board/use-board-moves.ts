import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BoardCard, Pipeline, StageChangeInput } from '../../api';
import { classifyMove, findStage, type MoveKind } from '../../shared/playbook';
import { missingFrom, reachableFrom, useStageMove } from '../../shared/stage-move';
import { boardKey } from './board-query';
import type { BlockedMove } from './MissingPanel';

export interface AskedMove {
  card: BoardCard;
  to: string;
  toName: string;
  kind: MoveKind;
}

/**
 * A card dropped on a column: forward moves go straight to the gate; backward moves, reopening and Closed
 * Lost first ask for the reason. While the server decides, the card shows in its new column; if the gate
 * blocks, it returns and `blocked` holds what is missing.
 */
export function useBoardMoves(pipeline: Pipeline) {
  const queryClient = useQueryClient();
  // After a move (made or refused) the board and the deal are read again before the card is released.
  const move = useStageMove(({ id }) =>
    Promise.all(
      [
        boardKey(pipeline.key),
        ['opportunity', id],
        ['history', id],
        ['inspection', id],
        ['deals-at-risk'],
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    ),
  );
  const [moving, setMoving] = useState<{ id: string; to: string } | null>(null);
  const [asked, setAsked] = useState<AskedMove | null>(null);
  const [blocked, setBlocked] = useState<BlockedMove | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const send = (card: BoardCard, input: StageChangeInput) => {
    const toName = findStage(pipeline, input.to)?.name ?? input.to;
    setBlocked(null);
    setFailure(null);
    setMoving({ id: card.id, to: input.to });
    move.mutate(
      { id: card.id, version: card.version, input },
      {
        onError: (error) => {
          const missing = missingFrom(error);
          if (missing)
            setBlocked({
              dealId: card.id,
              dealName: card.name,
              toName,
              missing,
              reachable: reachableFrom(error),
            });
          else setFailure(error);
        },
        onSettled: () => setMoving(null),
      },
    );
  };

  const request = (card: BoardCard, to: string) => {
    const kind = classifyMove(pipeline, card.stage, to);
    if (kind === 'none') return;
    const toName = findStage(pipeline, to)?.name ?? to;
    if (kind === 'advance') send(card, { to });
    else setAsked({ card, to, toName, kind });
  };

  const confirm = (input: Omit<StageChangeInput, 'to'>) => {
    if (!asked) return;
    setAsked(null);
    send(asked.card, { to: asked.to, ...input });
  };

  return {
    moving,
    asked,
    blocked,
    failure,
    request,
    confirm,
    cancel: () => setAsked(null),
    dismissBlocked: () => setBlocked(null),
    dismissFailure: () => setFailure(null),
  };
}
