import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Account,
  type AccountView,
  getJson,
  type Opportunity,
  type Page,
  type RequestBodyOf,
  request,
} from '../../api';

/** The accounts whose name holds `search` (the first 20, by name), for the account picker. */
export function useAccountSearch(search: string) {
  return useQuery({
    queryKey: ['accounts', 'pick', search.trim()],
    queryFn: ({ signal }) =>
      getJson<Page<Account>>('/accounts', { search: search.trim(), limit: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The chosen account with its deal types (which suit it today, and why) and what the caller may do on it. */
export function useAccountView(id: string | null) {
  return useQuery({
    queryKey: ['account', id],
    queryFn: ({ signal }) =>
      getJson<AccountView>(`/accounts/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
  });
}

export type NewDeal = RequestBodyOf<'createOpportunity'>;

/** POST /opportunities; the boards, lists and the account then show the new deal. */
export function useCreateDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (deal: NewDeal) =>
      (await request<Opportunity>('/opportunities', { method: 'POST', body: deal })).data,
    onSuccess: async (deal) => {
      await Promise.all(
        [['board'], ['deals'], ['deals-at-risk'], ['account', deal.accountId]].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}
