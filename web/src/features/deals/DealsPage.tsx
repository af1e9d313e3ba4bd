import {
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'wouter';
import type { Opportunity, Playbook, User } from '../../api';
import { ExportLink } from '../../shared/ExportLink';
import { formatDate, formatMoney, humanize } from '../../shared/format';
import { paths } from '../../shared/paths';
import { findPipeline, stageName, usePlaybook } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { useSession } from '../auth';
import { ANYONE, forecastCategories, stagesIn, useDealFilters } from './deal-filters';
import { type DealListFilters, useDealList } from './queries';

const MINE = 'mine';

interface FiltersProps {
  playbook: Playbook;
  filters: DealListFilters;
  me: string | null;
  users: User[] | undefined;
  onChange: (filters: DealListFilters) => void;
}

/** Pipeline, a stage of it, forecast category, and whose deals; the server applies them. */
function DealFiltersBar({ playbook, filters, me, users, onChange }: FiltersProps) {
  const pipeline = filters.pipeline ? findPipeline(playbook, filters.pipeline) : undefined;
  const other = filters.ownerId !== null && filters.ownerId !== me ? filters.ownerId : null;
  const owners = [
    ...(me ? [{ value: MINE, label: 'My deals' }] : []),
    { value: ANYONE, label: 'Anyone’s' },
    ...(other ? [{ value: other, label: `${nameOf(users, other)}’s` }] : []),
  ];
  const ownerValue = filters.ownerId === null ? ANYONE : filters.ownerId === me ? MINE : filters.ownerId;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter the deals">
      <Input.Wrapper label="Owner" labelElement="div" labelProps={{ id: 'deals-owner-label' }}>
        <SegmentedControl
          fullWidth
          aria-labelledby="deals-owner-label"
          data={owners}
          value={ownerValue}
          onChange={(value) =>
            onChange({ ...filters, ownerId: value === ANYONE ? null : value === MINE ? me : value })
          }
        />
      </Input.Wrapper>
      <Select
        label="Pipeline"
        placeholder="Every pipeline"
        data={playbook.pipelines.map((p) => ({ value: p.key, label: p.name }))}
        value={filters.pipeline}
        onChange={(next) => onChange({ ...filters, pipeline: next, stage: null })}
        clearable
        w={180}
      />
      <Select
        label="Stage"
        placeholder={pipeline ? 'Any stage' : 'Choose a pipeline first'}
        data={(pipeline?.stages ?? []).map((s) => ({ value: s.key, label: s.name }))}
        value={filters.stage}
        onChange={(stage) => onChange({ ...filters, stage })}
        disabled={!pipeline}
        clearable
        w={230}
      />
      <Select
        label="Forecast category"
        placeholder="Any category"
        data={forecastCategories(playbook)}
        value={filters.forecastCategory}
        onChange={(forecastCategory) => onChange({ ...filters, forecastCategory })}
        clearable
        w={180}
      />
    </Group>
  );
}

function HelpText({ playbook, filters }: { playbook: Playbook; filters: DealListFilters }) {
  const category = filters.forecastCategory;
  return (
    <Text size="sm" c="dimmed" maw={900} data-testid="deals-help">
      Every deal you may see, open and closed, soonest close date first.
      {category && (
        <>
          {' '}
          <b>{humanize(category)}</b> holds the deals in{' '}
          {stagesIn(playbook, category, filters.pipeline) || 'no stage of this pipeline'}
          {category === 'commit' && ': the deals the customer is signing — what Finance closes'}.
        </>
      )}
    </Text>
  );
}

function DealRow({
  deal,
  playbook,
  users,
}: {
  deal: Opportunity;
  playbook: Playbook;
  users: User[] | undefined;
}) {
  const pipeline = findPipeline(playbook, deal.pipeline);
  const type = playbook.opportunityTypes.find((candidate) => candidate.key === deal.type);
  return (
    <Table.Tr data-testid="deal-row" data-deal-id={deal.id}>
      <Table.Td>
        <Anchor component={Link} href={paths.opportunity(deal.id)} size="sm" fw={600} data-testid="deal-link">
          {deal.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="stage-name">
          {stageName(playbook, deal.pipeline, deal.stage)}
        </Text>
        <Text size="xs" c="dimmed">
          {pipeline?.name ?? deal.pipeline} · {humanize(deal.forecastCategory)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="amount">
        {formatMoney(deal.amountMinor, deal.currency)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(deal.closeDate)}</Table.Td>
      <Table.Td>{nameOf(users, deal.ownerId)}</Table.Td>
      <Table.Td>
        <Badge size="sm" tt="none" variant="light" color="gray">
          {type?.name ?? humanize(deal.type)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

function DealsList({ playbook, mineFirst }: { playbook: Playbook; mineFirst: boolean }) {
  const session = useSession().data;
  const me = session?.user.id ?? null;
  const [filters, setFilters] = useDealFilters(me, mineFirst);
  const users = useUsers();
  const list = useDealList(filters);
  const deals = list.data?.pages.flatMap((page) => page.items) ?? [];
  const mayCreate = session?.permissions.createDeals.allowed ?? false;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Deals
        </Title>
        <Group gap="sm">
          <ExportLink path="/exports/opportunities.csv" query={{ ...filters }} what="these deals" />
          {mayCreate && (
            <Button
              component={Link}
              href={paths.newDeal(filters.pipeline ? { pipeline: filters.pipeline } : {})}
            >
              New deal
            </Button>
          )}
        </Group>
      </Group>
      <HelpText playbook={playbook} filters={filters} />
      <DealFiltersBar
        playbook={playbook}
        filters={filters}
        me={me}
        users={users.data}
        onChange={setFilters}
      />
      <Group gap={6} mih={22} aria-live="polite">
        {list.data && (
          <Text size="sm" data-testid="deals-count">
            {deals.length} {deals.length === 1 ? 'deal' : 'deals'} shown
            {list.hasNextPage ? ', more to load' : ''}.
          </Text>
        )}
        {list.isFetching && !list.isPending && (
          <Group gap={4}>
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Updating…
            </Text>
          </Group>
        )}
      </Group>
      {list.isPending && <LoadingState label="Loading the deals…" />}
      {list.isError && (
        <ErrorState title="Could not load the deals" error={list.error} onRetry={() => list.refetch()} />
      )}
      {list.isSuccess && deals.length === 0 && !list.isPlaceholderData && (
        <Paper withBorder p="sm">
          <EmptyState title="No deals match these filters">
            {filters.ownerId === me && me !== null
              ? 'You own none: choose “Anyone’s” to see the deals of others you may see, or clear a filter.'
              : 'Clear a filter to see more deals.'}
          </EmptyState>
        </Paper>
      )}
      {deals.length > 0 && (
        <Paper
          withBorder
          aria-busy={list.isFetching}
          data-testid="deals-table"
          style={{ opacity: list.isPlaceholderData ? 0.5 : 1, overflowX: 'auto' }}
        >
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Deal</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Close date</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Type</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deals.map((deal) => (
                <DealRow key={deal.id} deal={deal} playbook={playbook} users={users.data} />
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
    </Stack>
  );
}

/** `/deals`: the deals the caller may see, filtered in the address. `mineFirst`: the caller's own by default. */
export function DealsPage({ mineFirst = false }: { mineFirst?: boolean }) {
  const playbook = usePlaybook();
  if (playbook.isPending) return <LoadingState label="Loading the playbook…" />;
  if (playbook.isError) return <ErrorState title="Could not load the playbook" error={playbook.error} />;
  return <DealsList playbook={playbook.data} mineFirst={mineFirst} />;
}
