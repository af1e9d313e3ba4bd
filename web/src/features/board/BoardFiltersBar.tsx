import { Group, Input, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import type { Playbook } from '../../api';
import { quartersAround } from '../../shared/format';
import { OwnerRegionFilters } from '../../shared/OwnerRegionFilters';
import type { BoardFilters, BoardSort } from './board-query';

interface Props {
  pipeline: string;
  playbook: Playbook;
  filters: BoardFilters;
  /** The signed-in user's id: "My deals" is the owner filter set to them. */
  me: string | null;
  onChange: (filters: BoardFilters) => void;
}

const MINE = 'mine';
const ALL = 'all';

/** "My deals" or "All deals I can see": the owner filter set to the caller, or cleared. */
function WhoseDeals({ me, filters, onChange }: Pick<Props, 'me' | 'filters' | 'onChange'>) {
  if (!me) return null;
  // Another person picked in the Owner filter: neither segment is chosen.
  const value = filters.ownerId === me ? MINE : filters.ownerId === null ? ALL : '';
  return (
    <Input.Wrapper label="Deals" labelElement="div" labelProps={{ id: 'board-whose-deals-label' }}>
      <SegmentedControl
        fullWidth
        aria-labelledby="board-whose-deals-label"
        data={[
          { value: MINE, label: 'My deals' },
          { value: ALL, label: 'All deals I can see' },
        ]}
        value={value}
        onChange={(next) => onChange({ ...filters, ownerId: next === MINE ? me : null })}
        data-testid="whose-deals"
      />
    </Input.Wrapper>
  );
}

const SORTS: Array<{ value: BoardSort; label: string }> = [
  { value: 'closeDate', label: 'Close date, soonest first' },
  { value: 'health', label: 'Health, worst first' },
  { value: 'velocity', label: 'Velocity, At Risk first' },
];

/** Whose deals, owner, owner's region, type, close quarter and text; the server applies them to cards and totals. */
export function BoardFiltersBar({ pipeline, playbook, filters, me, onChange }: Props) {
  const [text, setText] = useState(filters.q);
  const sendText = useDebouncedCallback((q: string) => onChange({ ...filters, q }), 300);
  // The address changed by other means (a link to the board, Back): the box follows it.
  useEffect(() => setText(filters.q), [filters.q]);
  const types = playbook.opportunityTypes
    .filter((type) => type.pipeline === pipeline)
    .map((type) => ({ value: type.key, label: type.name }));
  const quarters = useMemo(() => quartersAround(new Date(), 4, 6), []);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter the board">
      <WhoseDeals me={me} filters={filters} onChange={onChange} />
      <TextInput
        label="Search"
        placeholder="Deal or account name"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          sendText(event.currentTarget.value);
        }}
        w={200}
      />
      <OwnerRegionFilters
        ownerId={filters.ownerId}
        region={filters.region}
        onChange={(change) => onChange({ ...filters, ...change })}
      />
      <Select
        label="Type"
        placeholder="Any type"
        data={types}
        value={filters.type}
        onChange={(type) => onChange({ ...filters, type })}
        clearable
        w={150}
      />
      <Select
        label="Close quarter"
        placeholder="Any quarter"
        data={quarters}
        value={filters.closeQuarter}
        onChange={(closeQuarter) => onChange({ ...filters, closeQuarter })}
        clearable
        w={140}
      />
      <Select
        label="Order cards by"
        description="Health and velocity as last inspected"
        data={SORTS}
        value={filters.sort}
        onChange={(sort) => onChange({ ...filters, sort: (sort as BoardSort | null) ?? 'closeDate' })}
        allowDeselect={false}
        w={210}
        data-testid="board-sort"
      />
    </Group>
  );
}
