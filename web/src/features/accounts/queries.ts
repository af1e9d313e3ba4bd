import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Account,
  type AccountView,
  type Contact,
  type ContractChanged,
  type ContractCorrection,
  type ContractEnding,
  type ContractInput,
  type ContractList,
  type ContractRecorded,
  getJson,
  type Page,
  type RequestBodyOf,
  request,
} from '../../api';
import { etagOf } from '../../shared/stage-move';

export interface AccountSearch {
  search: string;
  segment: string | null;
}

export function useAccountList(filters: AccountSearch) {
  return useInfiniteQuery({
    queryKey: ['accounts', filters],
    queryFn: ({ pageParam, signal }) =>
      getJson<Page<Account>>(
        '/accounts',
        { search: filters.search.trim(), segment: filters.segment, limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: ['account', id],
    queryFn: ({ signal }) => getJson<AccountView>(`/accounts/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export type AccountFields = RequestBodyOf<'createAccount'>;
export type ContactFields = Pick<Contact, 'name' | 'email' | 'title' | 'phone' | 'closingRoles'>;

function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['accounts'] });
    await queryClient.invalidateQueries({ queryKey: ['account'] });
  };
}

/** Create (no id) or update (with the version read, as If-Match) an account. */
export function useSaveAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: async ({ account, fields }: { account?: Account; fields: Partial<AccountFields> }) =>
      account
        ? (
            await request<Account>(`/accounts/${encodeURIComponent(account.id)}`, {
              method: 'PATCH',
              body: fields,
              etag: etagOf(account.version),
            })
          ).data
        : (await request<Account>('/accounts', { method: 'POST', body: fields })).data,
    onSuccess: invalidate,
  });
}

export function useSaveContact(accountId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: async ({ contact, fields }: { contact?: Contact; fields: Partial<ContactFields> }) =>
      contact
        ? (
            await request<Contact>(`/contacts/${encodeURIComponent(contact.id)}`, {
              method: 'PATCH',
              body: fields,
              etag: etagOf(contact.version),
            })
          ).data
        : (
            await request<Contact>(`/accounts/${encodeURIComponent(accountId)}/contacts`, {
              method: 'POST',
              body: fields,
            })
          ).data,
    onSuccess: invalidate,
  });
}

export function useContracts(accountId: string) {
  return useQuery({
    queryKey: ['account', accountId, 'contracts'],
    queryFn: ({ signal }) =>
      getJson<ContractList>(`/accounts/${encodeURIComponent(accountId)}/contracts`, undefined, signal),
  });
}

/** Records a commit contract (Finance, RevOps); the account's class and version follow. */
export function useRecordContract(accountId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: async (input: ContractInput) =>
      (
        await request<ContractRecorded>(`/accounts/${encodeURIComponent(accountId)}/contracts`, {
          method: 'POST',
          body: input,
        })
      ).data,
    onSuccess: invalidate,
  });
}

/** Finance corrects a contract's terms or ends it early, at the version read (a stale one answers 412). */
export function useChangeContract() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: async (
      change:
        | { contract: { id: string; version: number }; correct: ContractCorrection }
        | { contract: { id: string; version: number }; end: ContractEnding },
    ) => {
      const base = `/contracts/${encodeURIComponent(change.contract.id)}`;
      const etag = etagOf(change.contract.version);
      const sent =
        'end' in change
          ? request<ContractChanged>(`${base}/end`, { method: 'POST', body: change.end, etag })
          : request<ContractChanged>(base, { method: 'PATCH', body: change.correct, etag });
      return (await sent).data;
    },
    onSuccess: invalidate,
  });
}
