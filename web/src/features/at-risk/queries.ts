import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type DealsAtRisk, getJson } from '../../api';

export const AT_RISK_SORTS = ['health', 'velocity', 'amount', 'closeDate'] as const;
export type AtRiskSort = (typeof AT_RISK_SORTS)[number];

export interface AtRiskFilters {
  sort: AtRiskSort;
  pipeline: string | null;
  ownerId: string | null;
  region: string | null;
}

/** How many deals a page holds ("Load more" asks for the next one with the cursor). */
export const PAGE_SIZE = 50;

/**
 * The deals at risk under the filters, sorted by the server, page by page: each answer names the deals'
 * accounts and gives the cursor of the next page. The pages already on screen stay while another order or
 * filter loads.
 */
export function useDealsAtRiskList(filters: AtRiskFilters) {
  return useInfiniteQuery({
    // Under 'deals-at-risk', which every write to a deal invalidates (as it does the board's badges).
    queryKey: ['deals-at-risk', 'list', filters],
    queryFn: ({ signal, pageParam }) =>
      getJson<DealsAtRisk>(
        '/deals-at-risk',
        {
          sort: filters.sort,
          pipeline: filters.pipeline,
          ownerId: filters.ownerId,
          region: filters.region,
          limit: PAGE_SIZE,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    structuralSharing: false,
  });
}

/**
 * Every owner's deals at risk under the pipeline and region filters, whoever is picked as owner: the owner
 * cards keep showing the others while the list shows one owner's deals. Only `totals` and `byOwner`
 * are read (one deal is asked for).
 */
export function useAtRiskOwners(filters: Pick<AtRiskFilters, 'pipeline' | 'region'>, enabled: boolean) {
  return useQuery({
    queryKey: ['deals-at-risk', 'owners', { pipeline: filters.pipeline, region: filters.region }],
    queryFn: ({ signal }) =>
      getJson<DealsAtRisk>(
        '/deals-at-risk',
        { pipeline: filters.pipeline, region: filters.region, limit: 1 },
        signal,
      ),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
