import { Stack, Text, Title } from '@mantine/core';
import { WhoMay } from '../../shared/permission';
import { ErrorState, LoadingState } from '../../shared/states';
import { useSession } from '../auth';
import { DeliveryLog } from './DeliveryLog';
import { NewSubscriptionForm } from './NewSubscriptionForm';
import { useWebhookEventTypes, useWebhookSubscriptions } from './queries';
import { SubscriptionsTable } from './SubscriptionsTable';

/** RevOps: where changes are sent (subscriptions), and what was sent (the delivery log, with replays). */
export function WebhooksPage() {
  const permission = useSession().data?.permissions.manageWebhooks;
  const allowed = Boolean(permission?.allowed);
  const subscriptions = useWebhookSubscriptions(allowed);
  const eventTypes = useWebhookEventTypes(allowed);
  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} size="h2">
        Webhooks
      </Title>
      {permission && !permission.allowed ? (
        <WhoMay permission={permission} what="Webhooks" />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Every change Closepath records can be sent to a receiver as a signed message (Standard Webhooks:
            <code> webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>). Failed
            deliveries are retried with backoff for more than a day, then marked dead; any delivered or dead
            message can be replayed.
          </Text>
          {subscriptions.isError ? (
            <ErrorState
              title="Could not load the subscriptions"
              error={subscriptions.error}
              onRetry={() => void subscriptions.refetch()}
            />
          ) : subscriptions.data ? (
            <SubscriptionsTable subscriptions={subscriptions.data.items} />
          ) : (
            <LoadingState label="Loading the subscriptions…" />
          )}
          <NewSubscriptionForm eventTypes={eventTypes.data?.items ?? []} />
          <DeliveryLog />
        </>
      )}
    </Stack>
  );
}
