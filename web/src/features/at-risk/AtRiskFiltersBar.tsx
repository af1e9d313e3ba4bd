import { Group, Input, SegmentedControl } from '@mantine/core';
import type { Playbook } from '../../api';
import { OwnerRegionFilters } from '../../shared/OwnerRegionFilters';
import type { AtRiskFilters } from './queries';

const ALL = 'all';

export type AtRiskView = 'list' | 'owners';

interface Props {
  playbook: Playbook | undefined;
  filters: AtRiskFilters;
  onChange: (filters: AtRiskFilters) => void;
  view: AtRiskView;
  onView: (view: AtRiskView) => void;
}

/**
 * Pipeline, owner and the owner's region — the server applies them before it picks the deals at risk — and
 * the view: the list alone, or the owners' cards above it.
 */
export function AtRiskFiltersBar({ playbook, filters, onChange, view, onView }: Props) {
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
      <Input.Wrapper label="View" labelElement="div" labelProps={{ id: 'at-risk-view-label' }}>
        <SegmentedControl
          aria-labelledby="at-risk-view-label"
          fullWidth
          data={[
            { value: 'list', label: 'List' },
            { value: 'owners', label: 'By owner' },
          ]}
          value={view}
          onChange={(value) => onView(value === 'owners' ? 'owners' : 'list')}
        />
      </Input.Wrapper>
    </Group>
  );
}
