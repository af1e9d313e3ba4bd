import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { type AccountView, type DealsAtRisk, getJson } from '../../api';

export const AT_RISK_SORTS = ['health', 'velocity', 'amount', 'closeDate'] as const;
export type AtRiskSort = (typeof AT_RISK_SORTS)[number];

export interface AtRiskFilters {
  sort: AtRiskSort;
  pipeline: string | null;
  ownerId: string | null;
  region: string | null;
}

/** How many deals a page shows first, each "Load more" adds, and at most (the API's limit). */
export const PAGE_SIZE = 50;
export const MAX_LIMIT = 200;

/**
 * The deals at risk under the filters, sorted by the server. The API answers the first `limit` of the
 * sorted list (it has no cursor: it inspects every open deal to sort them), so "Load more" asks again for
 * a longer list; the rows already on screen stay while it loads.
 */
export function useDealsAtRiskList(filters: AtRiskFilters, limit: number) {
  return useQuery({
    queryKey: ['deals-at-risk-list', filters, limit],
    queryFn: ({ signal }) =>
      getJson<DealsAtRisk>(
        '/deals-at-risk',
        {
          sort: filters.sort,
          pipeline: filters.pipeline,
          ownerId: filters.ownerId,
          region: filters.region,
          limit,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    structuralSharing: false,
  });
}

/**
 * Account names by id for the deals on screen (a deal carries only its account's id). Each account is
 * read once and shared with the account page's cache entry.
 */
export function useAccountNames(accountIds: string[]): ReadonlyMap<string, string> {
  const unique = [...new Set(accountIds)];
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: ['account', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getJson<AccountView>(`/accounts/${encodeURIComponent(id)}`, undefined, signal),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => {
      const names = new Map<string, string>();
      results.forEach((result, index) => {
        const id = unique[index];
        if (id && result.data) names.set(id, result.data.account.name);
      });
      return names;
    },
  });
}
