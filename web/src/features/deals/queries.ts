import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getJson, type Opportunity, type Page } from '../../api';

export interface DealListFilters {
  pipeline: string | null;
  stage: string | null;
  forecastCategory: string | null;
  ownerId: string | null;
}

/** How many deals a page holds ("Load more" asks for the next with the cursor). */
export const PAGE_SIZE = 50;

/** The deals the caller may see under the filters, soonest close date first, page by page. */
export function useDealList(filters: DealListFilters) {
  return useInfiniteQuery({
    queryKey: ['deals', filters],
    queryFn: ({ pageParam, signal }) =>
      getJson<Page<Opportunity>>(
        '/opportunities',
        { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
