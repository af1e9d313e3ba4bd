import { Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { FunnelStage } from '../../api';
import { ForecastViews } from '../../shared/ForecastViews';
import { usePlaybook } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { useSession } from '../auth';
import { useFunnel } from './queries';

const percent = (value: number | null) => (value === null ? '—' : `${value}%`);

function ConversionBars({ stages }: { stages: FunnelStage[] }) {
  const data = stages.map((stage) => ({ name: stage.name, conversion: stage.conversion ?? 0 }));
  return (
    <figure style={{ margin: 0 }} aria-label="Conversion to the next stage or beyond, per stage">
      <BarChart width={760} height={260} data={data} margin={{ top: 10, right: 10, bottom: 10, left: 10 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fill: '#212529', fontSize: 12 }} />
        <YAxis domain={[0, 100]} unit="%" tick={{ fill: '#212529', fontSize: 12 }} />
        <Tooltip formatter={(value) => `${value}%`} labelStyle={{ color: '#212529' }} />
        <Bar dataKey="conversion" name="Conversion" fill="#1864ab" isAnimationActive={false} />
      </BarChart>
      <figcaption>
        {stages.map((stage) => `${stage.name}: ${percent(stage.conversion)}`).join(' · ')}
      </figcaption>
    </figure>
  );
}

export function FunnelPage() {
  const permissions = useSession().data?.permissions;
  const playbook = usePlaybook();
  const pipelines = playbook.data?.pipelines ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const pipeline = picked ?? pipelines[0]?.key ?? null;
  const funnel = useFunnel(pipeline);
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        Funnel
      </Title>
      <ForecastViews permissions={permissions} />
      <Text size="sm" c="dimmed" maw={900}>
        From every deal's stage history (only deals you may see): of the deals that entered a stage, how many
        later reached the next stage or beyond; how many days a stay in the stage usually lasts (the median);
        and, of the closed deals that were ever in it, the share won — shown beside the playbook's
        probability, which forecasts keep using.
      </Text>
      <Select
        label="Pipeline"
        data={pipelines.map((entry) => ({ value: entry.key, label: entry.name }))}
        value={pipeline}
        onChange={setPicked}
        allowDeselect={false}
        maw={320}
      />
      {(playbook.isPending || funnel.isPending) && <LoadingState label="Reading the stage history…" />}
      {funnel.isError && (
        <ErrorState title="Could not load the funnel" error={funnel.error} onRetry={() => funnel.refetch()} />
      )}
      {funnel.data && funnel.data.deals === 0 && (
        <EmptyState title="No history yet">No deal you may see has entered this pipeline.</EmptyState>
      )}
      {funnel.data && funnel.data.deals > 0 && (
        <>
          <Text size="sm">{funnel.data.deals} deals with history</Text>
          <ConversionBars stages={funnel.data.stages} />
          <Table striped aria-label="Per stage">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Entered</Table.Th>
                <Table.Th>Reached the next or beyond</Table.Th>
                <Table.Th>Conversion</Table.Th>
                <Table.Th>Median days</Table.Th>
                <Table.Th>Closed (won)</Table.Th>
                <Table.Th>Win rate from history</Table.Th>
                <Table.Th>Playbook probability</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {funnel.data.stages.map((stage) => (
                <Table.Tr key={stage.stage}>
                  <Table.Td>{stage.name}</Table.Td>
                  <Table.Td>{stage.entered}</Table.Td>
                  <Table.Td>{stage.advanced}</Table.Td>
                  <Table.Td>{percent(stage.conversion)}</Table.Td>
                  <Table.Td>
                    {stage.medianDays === null ? '—' : `${stage.medianDays} (${stage.completedStays} stays)`}
                  </Table.Td>
                  <Table.Td>
                    {stage.closed} ({stage.won})
                  </Table.Td>
                  <Table.Td>{percent(stage.calibratedWinRate)}</Table.Td>
                  <Table.Td>{stage.playbookProbability}%</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
