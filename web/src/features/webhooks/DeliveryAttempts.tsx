import { Code, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../shared/format';
import { ErrorState, LoadingState } from '../../shared/states';
import { useWebhookDelivery } from './queries';

/** One delivery's attempts: when, the answer (or the error), how long, what the receiver said. */
export function DeliveryAttempts({ id }: { id: string }) {
  const delivery = useWebhookDelivery(id);
  if (delivery.isError) return <ErrorState title="Could not load the attempts" error={delivery.error} />;
  if (!delivery.data) return <LoadingState label="Loading the attempts…" />;
  const { attempts, nextAttemptAt } = delivery.data;
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        webhook-id <Code>{id}</Code>
        {nextAttemptAt && ` · next attempt ${formatDateTime(nextAttemptAt)}`}
      </Text>
      {attempts.length === 0 ? (
        <Text size="sm">No attempt yet.</Text>
      ) : (
        <Table aria-label={`Attempts of ${id}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>Answer</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Response</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attempts.map((attempt) => (
              <Table.Tr key={attempt.attempt}>
                <Table.Td>{attempt.attempt}</Table.Td>
                <Table.Td>{formatDateTime(attempt.startedAt)}</Table.Td>
                <Table.Td>{attempt.httpStatus ?? attempt.error}</Table.Td>
                <Table.Td>{attempt.durationMs} ms</Table.Td>
                <Table.Td>
                  <Text size="xs" style={{ wordBreak: 'break-all' }}>
                    {attempt.responseSnippet ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
