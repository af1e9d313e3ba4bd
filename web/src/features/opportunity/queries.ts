import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AccountView,
  getJson,
  type HistoryEvent,
  type OpportunityView,
  type Page,
  request,
} from '../../api';

export const opportunityKey = (id: string) => ['opportunity', id] as const;
const historyKey = (id: string) => ['history', id] as const;
const path = (id: string) => `/opportunities/${encodeURIComponent(id)}`;

/** The deal with MEDDPICC, attestations and the next-stage preview, and the ETag to write with. */
export function useOpportunity(id: string) {
  return useQuery({
    queryKey: opportunityKey(id),
    queryFn: async ({ signal }) => {
      const { data, etag } = await request<OpportunityView>(path(id), { signal });
      return { view: data, etag };
    },
  });
}

const HISTORY_PAGE = 200;

/** Every change of the deal, oldest first (up to 1,000 events). */
export function useHistory(id: string) {
  return useQuery({
    queryKey: historyKey(id),
    queryFn: async ({ signal }) => {
      const events: HistoryEvent[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 5; page += 1) {
        const result: Page<HistoryEvent> = await getJson<Page<HistoryEvent>>(
          `${path(id)}/history`,
          { limit: HISTORY_PAGE, cursor },
          signal,
        );
        events.push(...result.items);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return events;
    },
  });
}

/** The deal's account with its contacts (for MEDDPICC people); null while the deal is loading. */
export function useAccountOf(accountId: string | undefined) {
  return useQuery({
    queryKey: ['account', accountId],
    queryFn: ({ signal }) =>
      getJson<AccountView>(`/accounts/${encodeURIComponent(accountId ?? '')}`, undefined, signal),
    enabled: accountId !== undefined,
  });
}

export interface Write {
  method: 'PUT' | 'PATCH' | 'DELETE';
  /** Below the deal's path, e.g. `/criteria/nb_lead_captured`; '' for the deal itself. */
  subpath: string;
  body?: unknown;
}

/**
 * Every change to the deal (fields, attestations, MEDDPICC) with the ETag read: the server refuses a write
 * on a deal that changed meanwhile (412). Afterwards the deal, its history and the boards are read again.
 */
export function useDealWrite(id: string, etag: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, subpath, body }: Write) =>
      request<unknown>(`${path(id)}${subpath}`, { method, body, etag }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: opportunityKey(id) });
      await queryClient.invalidateQueries({ queryKey: historyKey(id) });
      await queryClient.invalidateQueries({ queryKey: ['inspection', id] });
      await queryClient.invalidateQueries({ queryKey: ['board'] });
    },
  });
}

export function useRefreshDeal(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: opportunityKey(id) });
    await queryClient.invalidateQueries({ queryKey: historyKey(id) });
    await queryClient.invalidateQueries({ queryKey: ['inspection', id] });
    await queryClient.invalidateQueries({ queryKey: ['board'] });
    await queryClient.invalidateQueries({ queryKey: ['deals-at-risk'] });
  };
}
