import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ExportLink } from '../../shared/ExportLink';
import { placeOf, useGeography } from '../../shared/geography';
import { paths } from '../../shared/paths';
import { WhoMay } from '../../shared/permission';
import { SEGMENTS, segmentLabel } from '../../shared/segments';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { useSession } from '../auth';
import { AccountForm } from './AccountForm';
import { useAccountList } from './queries';

export function AccountsPage() {
  const [search, setSearch] = useState('');
  const [segment, setSegment] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search, 300);
  const [creating, setCreating] = useState(false);
  const [, navigate] = useLocation();
  const users = useUsers();
  const createAccounts = useSession().data?.permissions.createAccounts;
  const geography = useGeography();
  const list = useAccountList({ search: debounced, segment });
  const accounts = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Accounts
        </Title>
        <Group gap="sm">
          <ExportLink
            path="/exports/accounts.csv"
            query={{ search: debounced, segment }}
            what="these accounts"
          />
          {createAccounts?.allowed === false ? (
            <WhoMay permission={createAccounts} what="New account" />
          ) : (
            <Button data-requires="createAccounts" onClick={() => setCreating(true)}>
              New account
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="sm" role="search" aria-label="Filter accounts">
        <TextInput
          label="Search"
          placeholder="Name or domain"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
        />
        <Select
          label="Segment"
          placeholder="Any segment"
          data={[...SEGMENTS]}
          value={segment}
          onChange={setSegment}
          clearable
          w={180}
        />
      </Group>
      {list.isPending && <LoadingState label="Loading accounts…" />}
      {list.isError && (
        <ErrorState title="Could not load accounts" error={list.error} onRetry={() => list.refetch()} />
      )}
      {list.isSuccess && accounts.length === 0 && (
        <EmptyState title="No accounts">
          {debounced || segment ? 'Nothing matches the filters.' : 'Create the first one.'}
        </EmptyState>
      )}
      {accounts.length > 0 && (
        <Paper withBorder>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Segment</Table.Th>
                <Table.Th>Industry</Table.Th>
                <Table.Th>Location</Table.Th>
                <Table.Th>Owner</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((account) => (
                <Table.Tr key={account.id}>
                  <Table.Td>
                    <Anchor component={Link} href={paths.account(account.id)}>
                      {account.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{segmentLabel(account.segment)}</Table.Td>
                  <Table.Td>{account.industry ?? '—'}</Table.Td>
                  <Table.Td>{placeOf(geography.data, account)}</Table.Td>
                  <Table.Td>{nameOf(users.data, account.ownerId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      {list.isSuccess && (
        <Text size="xs" c="dimmed">
          {accounts.length} shown
        </Text>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New account" size="lg">
        <AccountForm onDone={(saved) => navigate(paths.account(saved.id))} />
      </Modal>
    </Stack>
  );
}
