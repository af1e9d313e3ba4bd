import { Group, Input, SegmentedControl, Select } from '@mantine/core';
import { useMemo } from 'react';
import type { Playbook } from '../../api';
import { ownerOptions, regionOptions, useUsers } from '../../shared/users';
import type { AtRiskFilters } from './queries';

const ALL = 'all';

interface Props {
  playbook: Playbook | undefined;
  filters: AtRiskFilters;
  onChange: (filters: AtRiskFilters) => void;
}

/** Pipeline, owner and the owner's region; the server applies them before it picks the deals at risk. */
export function AtRiskFiltersBar({ playbook, filters, onChange }: Props) {
  const users = useUsers();
  const owners = useMemo(() => ownerOptions(users.data), [users.data]);
  const regions = useMemo(() => regionOptions(users.data), [users.data]);
  const pipelines = [
    { value: ALL, label: 'All pipelines' },
    ...(playbook?.pipelines ?? []).map((pipeline) => ({ value: pipeline.key, label: pipeline.name })),
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter the deals at risk">
      <Input.Wrapper label="Pipeline" labelElement="div" labelProps={{ id: 'at-risk-pipeline-label' }}>
        <SegmentedControl
          aria-labelledby="at-risk-pipeline-label"
          fullWidth
          data={pipelines}
          value={filters.pipeline ?? ALL}
          onChange={(value) => onChange({ ...filters, pipeline: value === ALL ? null : value })}
        />
      </Input.Wrapper>
      <Select
        label="Owner"
        placeholder={users.isError ? 'Owners unavailable' : 'Anyone'}
        data={owners}
        value={filters.ownerId}
        onChange={(ownerId) => onChange({ ...filters, ownerId })}
        searchable
        clearable
        w={200}
      />
      <Select
        label="Region"
        placeholder={users.isError ? 'Regions unavailable' : 'Any region'}
        data={regions}
        value={filters.region}
        onChange={(region) => onChange({ ...filters, region })}
        clearable
        w={160}
      />
    </Group>
  );
}
