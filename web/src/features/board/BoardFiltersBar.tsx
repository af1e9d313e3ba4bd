import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { Playbook } from '../../api';
import { quartersAround } from '../../shared/format';
import { OwnerRegionFilters } from '../../shared/OwnerRegionFilters';
import type { BoardFilters } from './board-query';

interface Props {
  pipeline: string;
  playbook: Playbook;
  filters: BoardFilters;
  onChange: (filters: BoardFilters) => void;
}

/** Owner, owner's region, type, close quarter and text; the server applies them to cards and totals. */
export function BoardFiltersBar({ pipeline, playbook, filters, onChange }: Props) {
  const [text, setText] = useState(filters.q);
  const sendText = useDebouncedCallback((q: string) => onChange({ ...filters, q }), 300);
  const types = playbook.opportunityTypes
    .filter((type) => type.pipeline === pipeline)
    .map((type) => ({ value: type.key, label: type.name }));
  const quarters = useMemo(() => quartersAround(new Date(), 4, 6), []);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter the board">
      <TextInput
        label="Search"
        placeholder="Deal or account name"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          sendText(event.currentTarget.value);
        }}
        w={220}
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
        w={150}
      />
    </Group>
  );
}
