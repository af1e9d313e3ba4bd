import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError, describeError } from '../../api';
import { ForecastViews } from '../../shared/ForecastViews';
import { formatMoney } from '../../shared/format';
import { paths } from '../../shared/paths';
import { WhoMay } from '../../shared/permission';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { useSession } from '../auth';
import { ChangesWaterfall } from './ChangesWaterfall';
import { type ChangesFilters, useForecastChanges, useTakeSnapshot } from './queries';
import { currenciesOf, KIND_LABELS, waterfallBars } from './waterfall';

const day = (at: Date) => at.toISOString().slice(0, 10);
const weekAgo = () => day(new Date(Date.now() - 7 * 86_400_000));

function SnapshotButton() {
  const permission = useSession().data?.permissions.takeDealSnapshots;
  const take = useTakeSnapshot();
  if (!permission) return null;
  if (!permission.allowed) return <WhoMay permission={permission} what="Taking a snapshot now" />;
  return (
    <Group gap="xs">
      <Button variant="light" onClick={() => take.mutate()} loading={take.isPending}>
        Take a snapshot now
      </Button>
      {take.data && (
        <Text size="sm" role="status">
          Snapshot of {take.data.deals} open deals taken.
        </Text>
      )}
      {take.isError && (
        <Text size="sm" c="red" role="alert">
          {describeError(take.error)}
        </Text>
      )}
    </Group>
  );
}

export function PipelineChangesPage() {
  const [filters, setFilters] = useState<ChangesFilters>({
    from: weekAgo(),
    to: day(new Date()),
    period: '',
  });
  const [currency, setCurrency] = useState<string | null>(null);
  const changes = useForecastChanges(filters);
  const users = useUsers();
  const permissions = useSession().data?.permissions;
  const answer = changes.data;
  const currencies = answer ? currenciesOf(answer) : [];
  const shown = currency && currencies.includes(currency) ? currency : (currencies[0] ?? null);
  const noSnapshot = changes.error instanceof ApiError && changes.error.status === 400;
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        What changed
      </Title>
      <ForecastViews permissions={permissions} />
      <Text size="sm" c="dimmed" maw={900}>
        Compares the snapshots of the open pipeline taken on or before two dates (the server takes one every
        week). A deal takes part when its close date falls in the period at either date: new, pulled in,
        pushed (close date later), slipped out of the period, won, lost, or its amount up or down. Only deals
        you may see.
      </Text>
      <Group align="flex-end">
        <TextInput
          label="From"
          type="date"
          value={filters.from}
          onChange={(event) => setFilters({ ...filters, from: event.currentTarget.value })}
        />
        <TextInput
          label="To"
          type="date"
          value={filters.to}
          onChange={(event) => setFilters({ ...filters, to: event.currentTarget.value })}
        />
        <TextInput
          label="Period"
          description="2026-11, 2026-Q4 or 2026; empty: the quarter of To"
          value={filters.period}
          onChange={(event) => setFilters({ ...filters, period: event.currentTarget.value.trim() })}
        />
        {currencies.length > 1 && (
          <Select
            label="Currency"
            data={currencies}
            value={shown}
            onChange={setCurrency}
            allowDeselect={false}
          />
        )}
      </Group>
      <SnapshotButton />
      {changes.isPending && <LoadingState label="Comparing the snapshots…" />}
      {noSnapshot && <EmptyState title="Nothing to compare yet">{describeError(changes.error)}</EmptyState>}
      {changes.isError && !noSnapshot && (
        <ErrorState
          title="Could not compare the snapshots"
          error={changes.error}
          onRetry={() => changes.refetch()}
        />
      )}
      {answer && answer.changes.length === 0 && (
        <EmptyState title="No deals in this period">
          No open deal closed in {answer.period.label} at either date.
        </EmptyState>
      )}
      {answer && shown && answer.changes.length > 0 && (
        <>
          <Text size="sm">
            {answer.period.label} ({answer.period.start} – {answer.period.end}), snapshots of{' '}
            {answer.fromSnapshotAt.slice(0, 10)} and {answer.toSnapshotAt.slice(0, 10)}
          </Text>
          <ChangesWaterfall bars={waterfallBars(answer, shown)} currency={shown} />
          <Table striped aria-label="Each deal's change">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Deal</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Change</Table.Th>
                <Table.Th>What happened</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Effect on the period</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.changes.map((change) => (
                <Table.Tr key={change.opportunityId}>
                  <Table.Td>
                    <Anchor component={Link} href={paths.opportunity(change.opportunityId)}>
                      {change.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{nameOf(users.data, change.ownerId)}</Table.Td>
                  <Table.Td>{KIND_LABELS[change.kind]}</Table.Td>
                  <Table.Td>{change.words}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {formatMoney(change.deltaMinor, change.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
