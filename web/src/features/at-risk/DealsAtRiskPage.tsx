import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'wouter';
import type { DealsAtRisk } from '../../api';
import { formatDateTime } from '../../shared/format';
import { moneyLine } from '../../shared/money-totals';
import { usePlaybook } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { frameworkOf } from '../../shared/words';
import { AtRiskByOwner } from './AtRiskByOwner';
import { AtRiskFiltersBar, type AtRiskView } from './AtRiskFiltersBar';
import { AtRiskTable, SORT_LABELS } from './AtRiskTable';
import {
  AT_RISK_SORTS,
  type AtRiskFilters,
  type AtRiskSort,
  useAtRiskOwners,
  useDealsAtRiskList,
} from './queries';

const isSort = (value: string | null): value is AtRiskSort =>
  (AT_RISK_SORTS as readonly (string | null)[]).includes(value);

/** The order, filters and view live in the address, so a link (and Back from a deal) keeps them. */
function useFiltersInAddress(): [
  AtRiskFilters,
  AtRiskView,
  (filters: AtRiskFilters, view?: AtRiskView) => void,
] {
  const [params, setParams] = useSearchParams();
  const sort = params.get('sort');
  const filters: AtRiskFilters = {
    sort: isSort(sort) ? sort : 'health',
    pipeline: params.get('pipeline'),
    ownerId: params.get('owner'),
    region: params.get('region'),
  };
  const view: AtRiskView = params.get('view') === 'owners' ? 'owners' : 'list';
  const setFilters = (next: AtRiskFilters, nextView: AtRiskView = view) => {
    const entries = Object.entries({
      sort: next.sort === 'health' ? null : next.sort,
      pipeline: next.pipeline,
      owner: next.ownerId,
      region: next.region,
      view: nextView === 'owners' ? 'owners' : null,
    }).filter((entry): entry is [string, string] => Boolean(entry[1]));
    setParams(entries, { replace: true });
  };
  return [filters, view, setFilters];
}

const deals = (count: number) => `${count} ${count === 1 ? 'deal' : 'deals'}`;

/** "12 deals at risk · $4.2M": every deal at risk under the filters, not only the page shown. */
function TotalsLine({ answer, owner }: { answer: DealsAtRisk; owner: string | null }) {
  const money = moneyLine(answer.totals.amounts);
  return (
    <Text size="lg" fw={600} data-testid="at-risk-totals">
      {deals(answer.totals.deals)} at risk{owner ? ` owned by ${owner}` : ''}
      {money && ` · ${money}`}
    </Text>
  );
}

/**
 * "As of 1 Dec 2026, 00:05 UTC": when the oldest verdict shown was computed. Verdicts are stored with each deal,
 * recomputed by every change to it and daily for the passing of time.
 */
function AsOf({ items }: { items: DealsAtRisk['items'] }) {
  const oldest = items.reduce<string | null>(
    (min, item) => (min === null || item.inspection.computedAt < min ? item.inspection.computedAt : min),
    null,
  );
  if (!oldest) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="at-risk-as-of">
      As of {formatDateTime(oldest)} — each deal's verdict is recomputed when the deal changes and daily as
      time passes.
    </Text>
  );
}

function HelpText({ framework }: { framework: string }) {
  return (
    <Text size="sm" c="dimmed" maw={900}>
      A deal is <b>at risk</b> when it is open, you may see it, and either its <b>health</b> is in the red
      band (the score the playbook's indicators add up to is low: risks such as incomplete {framework}, a
      pushed close date or a lost stakeholder outweigh what is going well) or its <b>velocity</b> is At Risk
      (it has stayed in its stage well beyond the business days the stage is expected to take, or moved back a
      stage and not forward since). Each deal leads with the one thing to fix first, then its other reasons;
      open it to see every reason with its evidence.
    </Text>
  );
}

export function DealsAtRiskPage() {
  const [filters, view, setFilters] = useFiltersInAddress();
  const playbook = usePlaybook();
  const users = useUsers();
  const list = useDealsAtRiskList(filters);
  // With an owner picked the list's own per-owner totals hold only them: the cards are read without it.
  const owners = useAtRiskOwners(filters, view === 'owners' && filters.ownerId !== null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const first = list.data?.pages[0];
  const filtered = Boolean(filters.pipeline || filters.ownerId || filters.region);
  // Rows stay on screen while a new answer loads (focus stays on the control used): the list of another
  // order or filter is dimmed; the next page of the same list only marks the button.
  const outdated = list.isPlaceholderData;
  const change = (next: AtRiskFilters) => setFilters(next);
  const byOwner = filters.ownerId ? owners.data?.byOwner : first?.byOwner;

  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        Deals at risk
      </Title>
      <HelpText framework={frameworkOf(playbook.data)} />
      <AtRiskFiltersBar
        playbook={playbook.data}
        filters={filters}
        onChange={change}
        view={view}
        onView={(next) => setFilters(filters, next)}
      />
      {first && (
        <TotalsLine answer={first} owner={filters.ownerId ? nameOf(users.data, filters.ownerId) : null} />
      )}
      {view === 'owners' && byOwner && (
        <AtRiskByOwner
          byOwner={byOwner}
          users={users.data}
          selected={filters.ownerId}
          onSelect={(ownerId) => change({ ...filters, ownerId })}
          busy={owners.isFetching || list.isFetching}
        />
      )}
      {view === 'owners' && owners.isError && (
        <ErrorState title="Could not load the owners" error={owners.error} onRetry={() => owners.refetch()} />
      )}
      <AsOf items={items} />
      <Group gap="xs" mih={24} aria-live="polite">
        <Text size="sm" data-testid="at-risk-order">
          Sorted by {SORT_LABELS[filters.sort].column.toLowerCase()}: {SORT_LABELS[filters.sort].order}.
        </Text>
        {list.isFetching && !list.isPending && (
          <Group gap={4}>
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Updating…
            </Text>
          </Group>
        )}
      </Group>
      {list.isPending && <LoadingState label="Loading the deals at risk…" />}
      {list.isError && (
        <ErrorState
          title="Could not load the deals at risk"
          error={list.error}
          onRetry={() => list.refetch()}
        />
      )}
      {list.isSuccess && items.length === 0 && !list.isPlaceholderData && (
        <EmptyState
          title={
            filtered
              ? 'No deals at risk match these filters'
              : 'No deals at risk — every open deal you can see is healthy and on pace'
          }
        >
          {filtered
            ? 'Every open deal you can see under these filters is healthy and on pace.'
            : 'Every open deal is inspected when it changes and daily as time passes.'}
        </EmptyState>
      )}
      {items.length > 0 && (
        <Paper
          withBorder
          aria-busy={list.isFetching}
          data-testid="at-risk-table"
          style={{ opacity: outdated ? 0.5 : 1 }}
        >
          <AtRiskTable
            items={items}
            playbook={playbook.data}
            users={users.data}
            sort={filters.sort}
            onSort={(sort) => change({ ...filters, sort })}
            showPipeline={!filters.pipeline}
          />
        </Paper>
      )}
      {first && items.length > 0 && (
        <Stack gap={4} align="center">
          {list.hasNextPage && (
            <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Load more
            </Button>
          )}
          <Text size="xs" c="dimmed" data-testid="at-risk-count">
            {items.length} of {deals(first.totals.deals)} at risk shown.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
