import { Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ExportLink } from '../../shared/ExportLink';
import { FiguresError } from '../../shared/FiguresError';
import { ForecastViews } from '../../shared/ForecastViews';
import { PeriodRangePicker, usePeriodRange } from '../../shared/PeriodRange';
import { WhoMay } from '../../shared/permission';
import { EmptyState, LoadingState } from '../../shared/states';
import { useSession } from '../auth';
import { CallForm } from './CallForm';
import { CategoryChart } from './CategoryChart';
import { useForecast } from './queries';
import { RollUpTable } from './RollUpTable';

/**
 * The forecast: the company's categories by period as a chart, the roll-up owner → region → company of one
 * period, and the caller's part in it — an AE's call, an RVP's adjustment of their owners' calls.
 */
export function ForecastPage() {
  const session = useSession().data;
  const [range, setRange] = usePeriodRange();
  const { period, from, to } = range;
  const [chosen, setChosen] = useState<string | null>(null);
  const forecast = useForecast({ period, from, to });
  const data = forecast.data;
  const today = new Date().toISOString().slice(0, 10);
  // The period chosen, else the one today is in, else the first.
  const index = Math.max(
    0,
    data?.periods.findIndex((p) => (chosen ? p.start === chosen : p.start <= today && today <= p.end)) ?? 0,
  );
  const shownPeriod = data?.periods[index];
  const permissions = session?.permissions;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Forecast
      </Title>
      <ForecastViews permissions={session?.permissions} />
      <Text size="sm" c="dimmed">
        Deals you may see, in the period of their close date, converted to the company currency. A deal counts
        in Closed, Commit, Best Case or Pipeline by its stage; Omitted deals are left out.
      </Text>
      <PeriodRangePicker range={range} onChange={setRange}>
        <ExportLink path="/exports/forecast.csv" query={{ period, from, to }} what="this forecast" />
      </PeriodRangePicker>
      {forecast.isError ? (
        <FiguresError title="Could not load the forecast" error={forecast.error} />
      ) : !data ? (
        <LoadingState label="Loading the forecast…" />
      ) : data.owners.length === 0 ? (
        <EmptyState title="No deals in these periods">
          No deal you may see closes between these dates, and no quota is set for them.
        </EmptyState>
      ) : (
        <>
          <CategoryChart forecast={data} />
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" mb="sm">
              <Text fw={600}>Roll-up</Text>
              <Select
                label="Period"
                data={data.periods.map((p) => ({ value: p.start, label: p.label }))}
                value={shownPeriod?.start ?? null}
                onChange={setChosen}
                allowDeselect={false}
              />
            </Group>
            <RollUpTable forecast={data} index={index} />
          </Paper>
          {shownPeriod && permissions && (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md" radius="md">
                <Text fw={600} mb="xs">
                  Your call
                </Text>
                {permissions.submitForecast.allowed ? (
                  <CallForm forecast={data} period={shownPeriod} mode="submit" />
                ) : (
                  <WhoMay permission={permissions.submitForecast} what="Submitting a call" />
                )}
              </Paper>
              <Paper withBorder p="md" radius="md">
                <Text fw={600} mb="xs">
                  Adjust an owner's call
                </Text>
                {permissions.adjustForecast.allowed && data.owners.some((o) => o.mayAdjust) ? (
                  <CallForm forecast={data} period={shownPeriod} mode="adjust" />
                ) : permissions.adjustForecast.allowed ? (
                  <Text size="sm" c="dimmed">
                    None of the owners shown is in your region.
                  </Text>
                ) : (
                  <WhoMay permission={permissions.adjustForecast} what="Adjusting a call" />
                )}
              </Paper>
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}
