import { Badge, Button, Code, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { WebhookSubscription } from '../../api';
import { formatDateTime } from '../../shared/format';
import { EmptyState } from '../../shared/states';
import { useSetSubscriptionActive } from './queries';

function StateBadge({ subscription }: { subscription: WebhookSubscription }) {
  if (subscription.active)
    return (
      <Badge color="green" variant="light">
        Active
      </Badge>
    );
  return (
    <Badge color="gray" variant="light">
      {subscription.disabledReason === 'gone' ? 'Disabled: receiver answered 410 Gone' : 'Disabled'}
    </Badge>
  );
}

/** Every subscription with its event types and state; disable or enable one. */
export function SubscriptionsTable({ subscriptions }: { subscriptions: WebhookSubscription[] }) {
  const setActive = useSetSubscriptionActive();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Subscriptions
      </Title>
      {subscriptions.length === 0 ? (
        <EmptyState title="No subscriptions yet">Create one below to send changes to a receiver.</EmptyState>
      ) : (
        <Table striped aria-label="Webhook subscriptions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Receiver</Table.Th>
              <Table.Th>Event types</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subscriptions.map((subscription) => (
              <Table.Tr key={subscription.id}>
                <Table.Td>
                  <Code>{subscription.url}</Code>
                  {subscription.description && (
                    <Text size="xs" c="dimmed">
                      {subscription.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {subscription.eventTypes.includes('*')
                      ? 'All events'
                      : subscription.eventTypes.join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StateBadge subscription={subscription} />
                </Table.Td>
                <Table.Td>{formatDateTime(subscription.createdAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    loading={setActive.isPending && setActive.variables?.subscription.id === subscription.id}
                    onClick={() => setActive.mutate({ subscription, active: !subscription.active })}
                    aria-label={`${subscription.active ? 'Disable' : 'Enable'} ${subscription.url}`}
                  >
                    {subscription.active ? 'Disable' : 'Enable'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
