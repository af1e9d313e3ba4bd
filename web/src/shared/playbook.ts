import { useQuery } from '@tanstack/react-query';
import { getJson, type Pipeline, type Playbook, type Stage } from '../api';

/** The playbook in force: it changes only when the server restarts, so it is read once. */
export function usePlaybook() {
  return useQuery({
    queryKey: ['playbook'],
    queryFn: ({ signal }) => getJson<Playbook>('/playbook', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function findPipeline(playbook: Playbook, key: string): Pipeline | undefined {
  return playbook.pipelines.find((pipeline) => pipeline.key === key);
}

export function findStage(pipeline: Pipeline, key: string): Stage | undefined {
  return pipeline.stages.find((stage) => stage.key === key);
}

/** The forward path: open stages in order, then the won stage (lost stands aside). */
export function forwardPath(pipeline: Pipeline): Stage[] {
  const open = pipeline.stages.filter((stage) => stage.outcome === 'open');
  const won = pipeline.stages.filter((stage) => stage.outcome === 'won');
  return [...open, ...won];
}

export type MoveKind = 'advance' | 'regress' | 'close_lost' | 'reopen' | 'none';

/**
 * What moving from one stage to another is, as the gate sees it: backward moves need a reason, Closed Lost
 * a loss reason, and reopening a closed deal a reason (admins). The server decides; this only asks first.
 */
export function classifyMove(pipeline: Pipeline, from: string, to: string): MoveKind {
  if (from === to) return 'none';
  const path = forwardPath(pipeline);
  const target = findStage(pipeline, to);
  const source = findStage(pipeline, from);
  if (!target || !source) return 'none';
  if (target.outcome === 'lost') return 'close_lost';
  if (source.outcome !== 'open') return 'reopen';
  const fromIndex = path.findIndex((stage) => stage.key === from);
  const toIndex = path.findIndex((stage) => stage.key === to);
  return toIndex > fromIndex ? 'advance' : 'regress';
}

export function stageName(playbook: Playbook | undefined, pipelineKey: string, stageKey: string): string {
  const pipeline = playbook && findPipeline(playbook, pipelineKey);
  return (pipeline && findStage(pipeline, stageKey)?.name) ?? stageKey;
}
