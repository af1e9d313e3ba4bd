import { useQuery } from '@tanstack/react-query';
import { getJson, type PipelineBoard } from '../../api';

export interface BoardFilters {
  ownerId: string | null;
  region: string | null;
  type: string | null;
  closeQuarter: string | null;
  q: string;
}

export const NO_FILTERS: BoardFilters = {
  ownerId: null,
  region: null,
  type: null,
  closeQuarter: null,
  q: '',
};

export const boardKey = (pipeline: string) => ['board', pipeline] as const;

/** One pipeline's board from the server: columns with count/total/weighted and the cards, filtered there. */
export function useBoard(pipeline: string, filters: BoardFilters) {
  return useQuery({
    queryKey: [...boardKey(pipeline), filters],
    queryFn: ({ signal }) =>
      getJson<PipelineBoard>(
        `/pipelines/${encodeURIComponent(pipeline)}/board`,
        { ...filters, q: filters.q.trim() },
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}
