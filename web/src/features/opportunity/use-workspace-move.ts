import { useState } from 'react';
import type { MissingRequirement, Opportunity, Pipeline, StageChangeInput } from '../../api';
import { classifyMove, findStage, type MoveKind } from '../../shared/playbook';
import { missingFrom, useStageMove } from '../../shared/stage-move';
import { useRefreshDeal } from './queries';

/** A click on the stage path: through the gate, asking first for the reason where one is required. */
export function useWorkspaceMove(pipeline: Pipeline, opportunity: Opportunity) {
  const move = useStageMove();
  const refresh = useRefreshDeal(opportunity.id);
  const [asked, setAsked] = useState<{ to: string; toName: string; kind: MoveKind } | null>(null);
  const [blocked, setBlocked] = useState<{ toName: string; missing: MissingRequirement[] } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const send = (input: StageChangeInput) => {
    const toName = findStage(pipeline, input.to)?.name ?? input.to;
    setBlocked(null);
    setFailure(null);
    move.mutate(
      { id: opportunity.id, version: opportunity.version, input },
      {
        onError: (error) => {
          const missing = missingFrom(error);
          if (missing) setBlocked({ toName, missing });
          else setFailure(error);
        },
        onSettled: () => refresh(),
      },
    );
  };

  const pick = (to: string) => {
    const kind = classifyMove(pipeline, opportunity.stage, to);
    if (kind === 'none') return;
    if (kind === 'advance') send({ to });
    else setAsked({ to, toName: findStage(pipeline, to)?.name ?? to, kind });
  };

  return {
    busy: move.isPending,
    asked,
    blocked,
    failure,
    pick,
    confirm: (input: Omit<StageChangeInput, 'to'>) => {
      if (!asked) return;
      setAsked(null);
      send({ to: asked.to, ...input });
    },
    cancel: () => setAsked(null),
    dismiss: () => {
      setBlocked(null);
      setFailure(null);
    },
  };
}
