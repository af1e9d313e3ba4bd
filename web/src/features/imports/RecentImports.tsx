import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportRunSummary } from '../../api';
import { formatDateTime } from '../../shared/format';
import { ErrorState, LoadingState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { isSettled, useImportRuns } from './queries';
import { ScrollRegion } from './ScrollRegion';

const MODES: Record<ImportRunSummary['mode'], string> = {
  dry_run: 'Dry run',
  all_or_nothing: 'All or nothing',
  good_rows_only: 'Good rows only',
};
const STATUS: Record<ImportRunSummary['status'], { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray' },
  running: { label: 'Running', color: 'blue' },
  succeeded: { label: 'Done', color: 'teal' },
  failed: { label: 'Nothing imported', color: 'red' },
};

/** The latest runs (dry runs and imports), by anyone with the right, with their counts. */
export function RecentImports() {
  const runs = useImportRuns(true);
  const users = useUsers().data;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Recent imports
        </Title>
        {runs.isError ? (
          <ErrorState
            title="Could not load the recent imports"
            error={runs.error}
            onRetry={() => void runs.refetch()}
          />
        ) : !runs.data ? (
          <LoadingState label="Loading the recent imports…" />
        ) : runs.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No imports yet: the dry runs and imports run here, and by <code>closepath import salesforce</code>
            , are listed here.
          </Text>
        ) : (
          <ScrollRegion label="Recent imports, scrollable">
            <Table striped withTableBorder aria-label="Recent imports">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>By</Table.Th>
                  <Table.Th>Mode</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Rows</Table.Th>
                  <Table.Th ta="right">Created</Table.Th>
                  <Table.Th ta="right">Updated</Table.Th>
                  <Table.Th ta="right">Rejected</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.items.map((run) => (
                  <Table.Tr key={run.id}>
                    <Table.Td>{formatDateTime(run.startedAt)}</Table.Td>
                    <Table.Td>{nameOf(users, run.byUser)}</Table.Td>
                    <Table.Td>{MODES[run.mode]}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS[run.status].color} variant="light" tt="none">
                        {STATUS[run.status].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {isSettled(run)
                        ? run.rowsDone
                        : `${run.rowsDone} of ${Math.max(run.rowsTotal, run.rowsDone)}`}
                    </Table.Td>
                    <Table.Td ta="right">{run.created}</Table.Td>
                    <Table.Td ta="right">{run.updated}</Table.Td>
                    <Table.Td ta="right">{run.rejected}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Stack>
    </Paper>
  );
}
