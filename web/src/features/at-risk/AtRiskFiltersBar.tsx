import { Group, Input, SegmentedControl } from '@mantine/core';
import type { Playbook } from '../../api';
import { OwnerRegionFilters } from '../../shared/OwnerRegionFilters';
import type { AtRiskFilters } from './queries';

const ALL = 'all';

interface Props {
  playbook: Playbook | undefined;
  filters: AtRiskFilters;
  onChange: (filters: AtRiskFilters) => void;
}

/** Pipeline, owner and the owner's region; the server applies them before it picks the deals at risk. */
export function AtRiskFiltersBar({ playbook, filters, onChange }: Props) {
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
      <OwnerRegionFilters
        ownerId={filters.ownerId}
        region={filters.region}
        onChange={(change) => onChange({ ...filters, ...change })}
      />
    </Group>
  );
}
