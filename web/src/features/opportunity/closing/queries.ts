import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, type OfferList, type Quote, request } from '../../../api';

const offersKey = (dealId: string) => ['offers', dealId] as const;
const quotesKey = (dealId: string) => ['quotes', dealId] as const;
/** The approvals inbox's queries (features/approvals), read again after every offer change. */
const APPROVALS_KEY = ['approvals'] as const;
const dealPath = (dealId: string) => `/opportunities/${encodeURIComponent(dealId)}/offers`;
const offerPath = (offerId: string) => `/offers/${encodeURIComponent(offerId)}`;

/** The deal's offers (each with its versions and the caller's rights on it), newest last. */
export function useDealOffers(dealId: string) {
  return useQuery({
    queryKey: offersKey(dealId),
    queryFn: ({ signal }) => getJson<OfferList>(dealPath(dealId), undefined, signal),
  });
}

/** The deal's quotes, each with its number, hash and where to download the PDF. */
export function useDealQuotes(dealId: string) {
  return useQuery({
    queryKey: quotesKey(dealId),
    queryFn: ({ signal }) =>
      getJson<{ items: Quote[] }>(`/opportunities/${encodeURIComponent(dealId)}/quotes`, undefined, signal),
  });
}

/** A change to an offer or a new one: `path` below the offer (`/submit`, `/decisions`, …) or a draft on the deal. */
export type OfferWrite =
  | { kind: 'draft'; body: unknown }
  | { kind: 'offer'; offerId: string; version: number; subpath: string; body?: unknown };

/**
 * Every write of the closing flow: a draft on the deal, or a change to an offer with its version as If-Match
 * (a change by someone else meanwhile is refused with 412). Afterwards the deal's offers, the deal and the
 * approvals inbox are read again.
 */
export function useOfferWrite(dealId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (write: OfferWrite) => {
      const { data } =
        write.kind === 'draft'
          ? await request<unknown>(dealPath(dealId), { method: 'POST', body: write.body })
          : await request<unknown>(`${offerPath(write.offerId)}${write.subpath}`, {
              method: 'POST',
              body: write.body ?? {},
              etag: `"v${write.version}"`,
            });
      return data;
    },
    onSettled: () =>
      Promise.all(
        [
          offersKey(dealId),
          quotesKey(dealId),
          APPROVALS_KEY,
          ['opportunity', dealId],
          ['history', dealId],
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
