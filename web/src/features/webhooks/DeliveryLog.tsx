import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import type { WebhookDelivery, WebhookDeliveryStatus } from '../../api';
import { formatDateTime } from '../../shared/format';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { DeliveryAttempts } from './DeliveryAttempts';
import { useReplayDelivery, useWebhookDeliveries } from './queries';

const STATUS_COLORS: Record<WebhookDeliveryStatus, string> = {
  pending: 'yellow',
  delivered: 'green',
  dead: 'red',
};
const FILTERS = ['all', 'pending', 'delivered', 'dead'] as const;

function StatusBadge({ delivery }: { delivery: WebhookDelivery }) {
  return (
    <Badge color={STATUS_COLORS[delivery.status]} variant="light">
      {delivery.status}
    </Badge>
  );
}

function DeliveryRow({ delivery }: { delivery: WebhookDelivery }) {
  const [open, setOpen] = useState(false);
  const replay = useReplayDelivery();
  return (
    <>
      <Table.Tr>
        <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
        <Table.Td>
          <Code>{delivery.eventType}</Code>
        </Table.Td>
        <Table.Td>
          <StatusBadge delivery={delivery} />
        </Table.Td>
        <Table.Td>{delivery.attemptCount}</Table.Td>
        <Table.Td>
          <Text size="sm">{delivery.lastStatus ?? delivery.lastError ?? '—'}</Text>
        </Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? 'Hide attempts' : 'Attempts'}
            </Button>
            {delivery.status !== 'pending' && (
              <Button
                size="xs"
                variant="light"
                loading={replay.isPending}
                onClick={() => replay.mutate(delivery.id)}
                aria-label={`Replay ${delivery.eventType} ${delivery.id}`}
              >
                Replay
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={6}>
            <DeliveryAttempts id={delivery.id} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** The newest deliveries with their state, refreshed every two seconds; attempts and replay per row. */
export function DeliveryLog() {
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const deliveries = useWebhookDeliveries(true, filter === 'all' ? null : filter);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Delivery log
        </Title>
        <SegmentedControl
          size="xs"
          aria-label="Show deliveries"
          value={filter}
          onChange={(value) => setFilter(value as (typeof FILTERS)[number])}
          data={FILTERS.map((value) => ({ value, label: value === 'all' ? 'All' : value }))}
        />
      </Group>
      {deliveries.isError ? (
        <ErrorState title="Could not load the deliveries" error={deliveries.error} />
      ) : !deliveries.data ? (
        <LoadingState label="Loading the deliveries…" />
      ) : deliveries.data.items.length === 0 ? (
        <EmptyState title="No deliveries">
          Changes to subscribed event types appear here as they are sent.
        </EmptyState>
      ) : (
        <Table aria-label="Webhook deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Created</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last answer</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.data.items.map((delivery) => (
              <DeliveryRow key={delivery.id} delivery={delivery} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
