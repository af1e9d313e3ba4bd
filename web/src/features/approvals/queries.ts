import { useQuery } from '@tanstack/react-query';
import { getJson, type PendingApprovalCount, type PendingApprovals } from '../../api';

/** Every query of the inbox starts with this key: an offer change invalidates them all. */
const APPROVALS_KEY = ['approvals'] as const;

/** The offer versions waiting for a decision by the caller, with the deal each is on. */
export function usePendingApprovals() {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'list'],
    queryFn: ({ signal }) => getJson<PendingApprovals>('/approvals', undefined, signal),
  });
}

/** How many wait for the caller (the navigation's count); only asked for when `enabled`. */
export function usePendingApprovalCount(enabled: boolean) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'count'],
    queryFn: ({ signal }) => getJson<PendingApprovalCount>('/approvals/count', undefined, signal),
    enabled,
    refetchInterval: 60_000,
  });
}
