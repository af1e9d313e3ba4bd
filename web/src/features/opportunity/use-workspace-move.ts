import { useState } from 'react';
import {
  ApiError,
  type MissingRequirement,
  type Opportunity,
  type Pipeline,
  type StageChangeInput,
} from '../../api';
import { classifyMove, findStage, type MoveKind } from '../../shared/playbook';
import { missingFrom, useStageMove } from '../../shared/stage-move';
import { useRefreshDeal } from './queries';

/** A stage move as the workspace sends it: the gate's input, with an override's justification when forced. */
type MoveInput = StageChangeInput;

export interface BlockedMove {
  to: string;
  toName: string;
  missing: MissingRequirement[];
  /** The furthest stage the deal could move to now, as the refusal says; undefined when it did not say. */
  reachable: { stage: string; name: string } | null | undefined;
}

/** A click on the stage path: through the gate, asking first for the reason where one is required. */
export function useWorkspaceMove(pipeline: Pipeline, opportunity: Opportunity) {
  const refresh = useRefreshDeal(opportunity.id);
  const move = useStageMove(refresh);
  const [asked, setAsked] = useState<{ to: string; toName: string; kind: MoveKind } | null>(null);
  const [blocked, setBlocked] = useState<BlockedMove | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [overriding, setOverriding] = useState(false);

  const send = (input: MoveInput) => {
    const toName = findStage(pipeline, input.to)?.name ?? input.to;
    setBlocked(null);
    setFailure(null);
    move.mutate(
      { id: opportunity.id, version: opportunity.version, input },
      {
        onError: (error) => {
          const missing = missingFrom(error);
          const reachable = error instanceof ApiError ? error.problem.reachable : undefined;
          if (missing) setBlocked({ to: input.to, toName, missing, reachable });
          else setFailure(error);
        },
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
    overriding,
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
    /** Ask for the justification of forcing the refused move (only offered to those who may override). */
    askOverride: () => setOverriding(true),
    cancelOverride: () => setOverriding(false),
    confirmOverride: (justification: string) => {
      setOverriding(false);
      if (blocked) send({ to: blocked.to, override: { justification } });
    },
  };
}
