/**
 * Activities (calls, meetings, emails, notes) of a deal or an account: the list and the writes, with the query
 * keys every view that shows them invalidates.
 *
 *   const target = { opportunityId: deal.id };          // or { accountId: account.id }
 *   const timeline = useActivities(target);             // pages, newest first ("Load more": fetchNextPage)
 *   const log = useLogActivity(target);                 // log.mutate({ kind: 'call', contactIds, summary })
 *   const change = useUpdateActivity();                 // change.mutate({ activity, fields })  (If-Match)
 *   const remove = useDeleteActivity();                 // remove.mutate(activity)              (If-Match)
 *
 * Keys: every timeline sits under ['activities'] (`activityKeys.all`); a deal's is
 * ['activities', 'opportunity', id], an account's ['activities', 'account', id]. A write invalidates all
 * timelines (an account's holds its deals' activities), and, when the activity is on a deal, what the deal
 * shows: a deal's activities bump its version and its criteria derived from activities ("Call notes"…),
 * health ("no recent activity") and history follow — ['opportunity', id], ['inspection', id],
 * ['history', id], the boards and the deals at risk (the keys of features/opportunity/queries.ts).
 */
import { type QueryClient, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type Activity,
  type ActivityRecord,
  getJson,
  type LogActivityInput,
  type Page,
  request,
} from '../../api';

/** Where activities are listed and logged: a deal, or an account (its own and its deals' activities). */
export type ActivityTarget = { opportunityId: string } | { accountId: string };

/** The fields of an activity an edit may change (PATCH is partial: only what changed is sent). */
export type ActivityFields = Partial<LogActivityInput>;

/** How many activities a page of a timeline holds. */
export const ACTIVITY_PAGE_SIZE = 20;

export const activityKeys = {
  all: ['activities'] as const,
  of: (target: ActivityTarget) =>
    'opportunityId' in target
      ? (['activities', 'opportunity', target.opportunityId] as const)
      : (['activities', 'account', target.accountId] as const),
};

/** The API path of the target's activities. */
export function activitiesPath(target: ActivityTarget): string {
  return 'opportunityId' in target
    ? `/opportunities/${encodeURIComponent(target.opportunityId)}/activities`
    : `/accounts/${encodeURIComponent(target.accountId)}/activities`;
}

/** The right a target's "Log activity" needs, as the views' `permissions` name it. */
export const logRightOf = (target: ActivityTarget) =>
  'opportunityId' in target ? ('qualify' as const) : ('keepContacts' as const);

const etagOf = (version: number) => `"v${version}"`;

/** The target's activities, newest first, page by page. */
export function useActivities(target: ActivityTarget) {
  return useInfiniteQuery({
    queryKey: activityKeys.of(target),
    queryFn: ({ pageParam, signal }) =>
      getJson<Page<Activity>>(
        activitiesPath(target),
        { limit: ACTIVITY_PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Everything that shows the activity, read again after it was logged, changed or deleted. */
async function refreshAfter(queryClient: QueryClient, opportunityId: string | null) {
  const keys: ReadonlyArray<readonly unknown[]> = [
    activityKeys.all,
    ...(opportunityId
      ? [
          ['opportunity', opportunityId],
          ['inspection', opportunityId],
          ['history', opportunityId],
          ['board'],
          ['deals-at-risk'],
        ]
      : []),
  ];
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** POST a call, meeting, email or note on the target (201 with the activity; 400 with `errors[].path`). */
export function useLogActivity(target: ActivityTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: LogActivityInput) =>
      (await request<Activity>(activitiesPath(target), { method: 'POST', body: input })).data,
    onSuccess: (activity) => refreshAfter(queryClient, activity.opportunityId),
  });
}

/** PATCH the fields that changed, with the version read (412 if someone changed it meanwhile). */
export function useUpdateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ activity, fields }: { activity: Activity; fields: ActivityFields }) =>
      (
        await request<ActivityRecord>(`/activities/${encodeURIComponent(activity.id)}`, {
          method: 'PATCH',
          body: fields,
          etag: etagOf(activity.version),
        })
      ).data,
    onSettled: (_saved, _error, { activity }) => refreshAfter(queryClient, activity.opportunityId),
  });
}

/** DELETE the activity, with the version read (204). */
export function useDeleteActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (activity: Activity) => {
      await request<null>(`/activities/${encodeURIComponent(activity.id)}`, {
        method: 'DELETE',
        etag: etagOf(activity.version),
      });
    },
    onSettled: (_done, _error, activity) => refreshAfter(queryClient, activity.opportunityId),
  });
}
