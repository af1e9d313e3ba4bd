import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Permission, TerritoryActivated, TerritoryModelSummary } from '../../api';
import { ErrorState, LoadingState } from '../../shared/states';
import { ActivationPreview } from './ActivationPreview';
import { CoverageResult, PeopleTable } from './CoveragePanel';
import { DraftRules } from './DraftRules';
import { useTerritoryModel } from './queries';
import { TerritoryMap } from './TerritoryMap';

/** One version: its coverage proof, map, rules and people; a draft's editing and activation for admins. */
export function VersionDetail({
  version,
  edit,
  onActivated,
}: {
  version: TerritoryModelSummary;
  edit: Permission;
  onActivated: (result: TerritoryActivated) => void;
}) {
  const detail = useTerritoryModel(version.id);
  const [previewing, setPreviewing] = useState(false);
  if (detail.isError)
    return (
      <ErrorState
        title="Could not load this version"
        error={detail.error}
        onRetry={() => void detail.refetch()}
      />
    );
  if (!detail.data) return <LoadingState label="Loading the version…" />;
  const data = detail.data;
  const editable = data.status === 'draft' && edit.allowed;
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={2} size="h3">
          Version {data.version}: {data.name}
        </Title>
        <Badge variant="light" color={{ draft: 'yellow', active: 'green', archived: 'gray' }[data.status]}>
          {data.status}
        </Badge>
      </Group>
      {!edit.allowed && (
        <Text size="sm" c="dimmed" data-testid="who-may">
          RevOps admins edit territories. {edit.who}
        </Text>
      )}
      {data.status !== 'draft' && edit.allowed && (
        <Text size="sm" c="dimmed">
          An {data.status} version is not edited: copy it into a draft to change it.
        </Text>
      )}
      <CoverageResult coverage={data.coverage} model={data.model} />
      <TerritoryMap detail={data} />
      <DraftRules key={`${data.id}/${data.rowVersion}`} detail={data} editable={editable} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          People
        </Title>
        <PeopleTable people={data.people} model={data.model} />
      </Paper>
      {editable &&
        (previewing ? (
          <ActivationPreview draft={data} onActivated={onActivated} />
        ) : (
          <Alert color="blue" title="Activate this draft">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                Activation re-routes every account and its open deals to the AE this draft names. Preview
                first who gains and loses what.
              </Text>
              <Button onClick={() => setPreviewing(true)}>Preview activation</Button>
            </Stack>
          </Alert>
        ))}
    </Stack>
  );
}
