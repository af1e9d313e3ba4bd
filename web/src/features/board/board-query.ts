import { useQuery } from '@tanstack/react-query';
import { getJson, type PipelineBoard } from '../../api';

/** The cards' order in each column: close date, or the stored health or velocity, worst first. */
export const BOARD_SORTS = ['closeDate', 'health', 'velocity'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export interface BoardFilters {
  sort: BoardSort;
  ownerId: string | null;
  region: string | null;
  type: string | null;
  closeQuarter: string | null;
  q: string;
}

export const NO_FILTERS: BoardFilters = {
  sort: 'closeDate',
  ownerId: null,
  region: null,
  type: null,
  closeQuarter: null,
  q: '',
};

export const boardKey = (pipeline: string) => ['board', pipeline] as const;

/**
 * One pipeline's board from the server: columns with count/total/weighted and the cards (each with its stored
 * health and velocity), filtered and ordered there.
 */
export function useBoard(pipeline: string, filters: BoardFilters) {
  return useQuery({
    queryKey: [...boardKey(pipeline), filters],
    queryFn: ({ signal }) =>
      getJson<PipelineBoard>(
        `/pipelines/${encodeURIComponent(pipeline)}/board`,
        { ...filters, sort: filters.sort === 'closeDate' ? null : filters.sort, q: filters.q.trim() },
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}
