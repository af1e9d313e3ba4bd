import { Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Inspection } from '../../api';
import { formatDate } from '../../shared/format';
import { HealthBadge, VelocityBadge } from '../../shared/health';
import { ErrorState, LoadingState } from '../../shared/states';
import { indicatorName } from '../../shared/words';
import { useInspection } from './queries';
import { useWorkspace } from './workspace-context';

function HealthReasons({ health }: { health: Inspection['health'] }) {
  const { playbook } = useWorkspace();
  return (
    <List size="xs" spacing={2}>
      <List.Item icon="·">Base {health.base}</List.Item>
      {health.reasons.map((reason) => (
        <List.Item key={reason.indicator} icon={reason.kind === 'risk' ? '−' : '+'}>
          <Text span size="xs" c={reason.kind === 'risk' ? 'red.8' : 'green.8'}>
            {reason.points > 0 ? `+${reason.points}` : reason.points}
          </Text>{' '}
          {indicatorName(reason.indicator, playbook)}
          {reason.evidence.length > 0 && (
            <Text size="xs" c="dimmed">
              {reason.evidence.join(' · ')}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

/** Health with each reason and its evidence, velocity against the expected time in stage, customer fit. */
export function InspectionPanel({ id }: { id: string }) {
  const inspection = useInspection(id);
  return (
    <Paper withBorder p="md" radius="md" data-testid="inspection">
      <Title order={2} size="h3" mb="xs">
        Health and velocity
      </Title>
      {inspection.isPending && <LoadingState label="Inspecting the deal…" />}
      {inspection.isError && (
        <ErrorState
          title="Could not inspect this deal"
          error={inspection.error}
          onRetry={() => inspection.refetch()}
        />
      )}
      {inspection.data && (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Stack gap={4}>
            <Group gap={6}>
              <Text fw={600} size="sm">
                Health
              </Text>
              <HealthBadge health={inspection.data.health} />
            </Group>
            <HealthReasons health={inspection.data.health} />
          </Stack>
          <Stack gap={4}>
            <Group gap={6}>
              <Text fw={600} size="sm">
                Velocity
              </Text>
              <VelocityBadge velocity={inspection.data.velocity} />
            </Group>
            <Text size="xs">
              {inspection.data.velocity.daysInStage} business days in this stage
              {inspection.data.velocity.expectedDays !== null &&
                ` (expected ${inspection.data.velocity.expectedDays})`}
            </Text>
            {inspection.data.velocity.reasons.map((reason) => (
              <Text size="xs" c="dimmed" key={reason}>
                {reason}
              </Text>
            ))}
            {inspection.data.velocity.snoozed && (
              <Text size="xs">
                Stall snoozed until {formatDate(inspection.data.velocity.snoozed.until)}:{' '}
                {inspection.data.velocity.snoozed.reason}
              </Text>
            )}
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              Customer
            </Text>
            <Text size="xs" c={inspection.data.customer.fits ? undefined : 'red.8'}>
              {inspection.data.customer.message}
            </Text>
            {inspection.data.customer.uplift && (
              <Text
                size="xs"
                c={inspection.data.customer.uplift.fits === false ? 'red.8' : undefined}
                data-testid="uplift-verdict"
              >
                {inspection.data.customer.uplift.message}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              Focus: {inspection.data.customer.focus}
            </Text>
          </Stack>
        </SimpleGrid>
      )}
    </Paper>
  );
}
