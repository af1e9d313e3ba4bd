import { Group, List, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Revenue } from '../../api';
import { formatDate } from '../../shared/format';
import { explainRetention, money, percent } from './revenue-words';

const RANGE = 'range';

/** GRR and NRR of the whole range or one period, with the inputs that make them, in plain words. */
export function RetentionPanel({ revenue }: { revenue: Revenue }) {
  const [chosen, setChosen] = useState<string>(RANGE);
  const period = revenue.periods.find((p) => p.start === chosen);
  const figures = period?.retention ?? revenue.range;
  const m = (minor: string) => money(minor, revenue.companyCurrency);
  const options = [
    {
      value: RANGE,
      label: `The whole range (${formatDate(revenue.range.from)} – ${formatDate(revenue.range.to)})`,
    },
    ...revenue.periods.map((p) => ({ value: p.start, label: p.label })),
  ];
  const inputs: Array<[string, string]> = [
    ['Starting revenue', m(figures.startingMinor)],
    ['Churn', `− ${m(figures.churnMinor)}`],
    ['Contraction', `− ${m(figures.contractionMinor)}`],
    ['Retained (GRR’s top)', m(figures.retainedMinor)],
    ['Expansion', `+ ${m(figures.expansionMinor)}`],
    ['Ending (NRR’s top)', m(figures.endingMinor)],
    ['New accounts (left out)', m(figures.newMinor)],
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="retention-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Text fw={600} id="retention-title">
          Revenue retention (GRR and NRR)
        </Text>
        <Select
          label="Measured over"
          data={options}
          value={chosen}
          onChange={(value) => setChosen(value ?? RANGE)}
          allowDeselect={false}
          w={320}
        />
      </Group>
      {!revenue.keepsContracts ? (
        <Text size="sm" c="dimmed">
          This playbook keeps no contracts, so there is no recurring revenue to measure retention on.
        </Text>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <div>
              <Text size="xs" c="dimmed">
                Gross revenue retention
              </Text>
              <Text fz="xl" fw={700} data-testid="grr">
                GRR {percent(figures.grr)}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Net revenue retention
              </Text>
              <Text fz="xl" fw={700} data-testid="nrr">
                NRR {percent(figures.nrr)}
              </Text>
            </div>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <List size="sm" spacing={4} aria-label="How these were worked out">
              {explainRetention(figures, revenue.companyCurrency).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto auto', gap: '2px 16px' }}>
              {inputs.map(([label, value]) => (
                <div key={label} style={{ display: 'contents' }}>
                  <Text component="dt" size="sm">
                    {label}
                  </Text>
                  <Text component="dd" size="sm" ta="right" m={0}>
                    {value}
                  </Text>
                </div>
              ))}
            </dl>
          </SimpleGrid>
        </Stack>
      )}
    </Paper>
  );
}
