import {
  type QueryClient,
  useIsMutating,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type AccountView,
  ApiError,
  type Contact,
  getJson,
  type HistoryEvent,
  type Inspection,
  type OpportunityView,
  type Page,
  type PocView,
  type RequestBodyOf,
  request,
} from '../../api';

export const opportunityKey = (id: string) => ['opportunity', id] as const;
const historyKey = (id: string) => ['history', id] as const;
const pocKey = (id: string) => ['poc', id] as const;
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
export const accountKey = (accountId: string | undefined) => ['account', accountId] as const;

export function useAccountOf(accountId: string | undefined) {
  return useQuery({
    queryKey: accountKey(accountId),
    queryFn: ({ signal }) =>
      getJson<AccountView>(`/accounts/${encodeURIComponent(accountId ?? '')}`, undefined, signal),
    enabled: accountId !== undefined,
  });
}

export interface Write {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below the deal's path, e.g. `/criteria/nb_lead_captured`; '' for the deal itself. */
  subpath: string;
  body?: unknown;
}

/** Health, velocity, MEDDPICC score and customer fit of the deal, each verdict with its reasons. */
export function useInspection(id: string) {
  return useQuery({
    queryKey: ['inspection', id],
    queryFn: ({ signal }) => getJson<Inspection>(`${path(id)}/inspection`, undefined, signal),
  });
}

/** The deal's POC plan with its assessment; null when the deal has none yet (the API answers 404). */
export function usePocPlan(id: string) {
  return useQuery({
    queryKey: pocKey(id),
    queryFn: async ({ signal }) => {
      try {
        return await getJson<PocView>(`${path(id)}/poc`, undefined, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** What a write to the deal may change: the deal, its history, inspection, POC plan, boards and risk list. */
const AFFECTED = (id: string) => [
  opportunityKey(id),
  historyKey(id),
  ['inspection', id],
  pocKey(id),
  ['board'],
  ['deals-at-risk'],
];

/**
 * Every change to the deal (fields, attestations, MEDDPICC, POC plan, milestones) with the ETag read: the server refuses a write
 * on a deal that changed meanwhile (412). Afterwards the deal, its history and the boards are read again.
 */
export function useDealWrite(id: string, etag: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: writeKey(id),
    mutationFn: ({ method, subpath, body }: Write) =>
      request<unknown>(`${path(id)}${subpath}`, { method, body, etag }),
    onSettled: () => refresh(queryClient, id),
  });
}

const writeKey = (id: string) => ['deal-write', id] as const;

/**
 * Whether any write to the deal is under way (sent, or saved and being read back): the workspace's controls
 * wait meanwhile, since each write changes the deal's version and a second one sent with the old ETag would
 * be refused.
 */
export function useDealWritePending(id: string): boolean {
  return useIsMutating({ mutationKey: writeKey(id) }) > 0;
}

export type ContactInput = RequestBodyOf<'createContact'>;

/** A new contact on the deal's account (to name it in MEDDPICC without leaving the deal); the account is read again. */
export function useCreateContact(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ContactInput) =>
      (
        await request<Contact>(`/accounts/${encodeURIComponent(accountId)}/contacts`, {
          method: 'POST',
          body: input,
        })
      ).data,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKey(accountId) }),
  });
}

async function refresh(queryClient: QueryClient, id: string) {
  await Promise.all(AFFECTED(id).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useRefreshDeal(id: string) {
  const queryClient = useQueryClient();
  return () => refresh(queryClient, id);
}
