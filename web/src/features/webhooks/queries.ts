import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getJson,
  type NewWebhookSubscription,
  request,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookDeliveryWithAttempts,
  type WebhookSubscription,
  type WebhookSubscriptionWithSecret,
} from '../../api';
import { etagOf } from '../../shared/stage-move';

const KEY = ['webhooks'] as const;

export function useWebhookEventTypes(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'event-types'],
    queryFn: ({ signal }) => getJson<{ items: string[] }>('/webhooks/event-types', undefined, signal),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useWebhookSubscriptions(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'subscriptions'],
    queryFn: ({ signal }) =>
      getJson<{ items: WebhookSubscription[] }>('/webhooks/subscriptions', { limit: 200 }, signal),
    enabled,
  });
}

/** The delivery log, newest first; refreshed every few seconds while the screen is open. */
export function useWebhookDeliveries(enabled: boolean, status: WebhookDeliveryStatus | null) {
  return useQuery({
    queryKey: [...KEY, 'deliveries', status],
    queryFn: ({ signal }) =>
      getJson<{ items: WebhookDelivery[] }>('/webhooks/deliveries', { limit: 50, status }, signal),
    enabled,
    refetchInterval: 2000,
  });
}

export function useWebhookDelivery(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'delivery', id],
    queryFn: ({ signal }) =>
      getJson<WebhookDeliveryWithAttempts>(
        `/webhooks/deliveries/${encodeURIComponent(id ?? '')}`,
        undefined,
        signal,
      ),
    enabled: id !== null,
    refetchInterval: 2000,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export function useCreateSubscription() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (input: NewWebhookSubscription) =>
      (
        await request<WebhookSubscriptionWithSecret>('/webhooks/subscriptions', {
          method: 'POST',
          body: input,
        })
      ).data,
    onSuccess: invalidate,
  });
}

export function useSetSubscriptionActive() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ subscription, active }: { subscription: WebhookSubscription; active: boolean }) =>
      (
        await request<WebhookSubscription>(`/webhooks/subscriptions/${encodeURIComponent(subscription.id)}`, {
          method: 'PATCH',
          body: { active },
          etag: etagOf(subscription.version),
        })
      ).data,
    onSuccess: invalidate,
  });
}

export function useReplayDelivery() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) =>
      (
        await request<WebhookDelivery>(`/webhooks/deliveries/${encodeURIComponent(id)}/replay`, {
          method: 'POST',
        })
      ).data,
    onSuccess: invalidate,
  });
}
