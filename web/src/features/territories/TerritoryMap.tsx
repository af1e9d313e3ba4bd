import { Box, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { TerritoryModelDetail } from '../../api';
import { ErrorState, LoadingState } from '../../shared/states';
import { type FocusedGeography, MapSvg } from './MapSvg';
import { useAtlas } from './map-atlas';
import {
  EXCLUDED_FILL,
  GAP_FILL,
  type HatchPattern,
  type MapPaint,
  OVERLAP_FILL,
  paintMap,
  UNNAMED_FILL,
} from './map-paint';

function Swatch({ fill, patterns }: { fill: string; patterns?: HatchPattern[] }) {
  const pattern = patterns?.find((candidate) => `url(#${candidate.id})` === fill);
  const background = pattern
    ? `repeating-linear-gradient(45deg, ${pattern.colours.map((colour, index) => `${colour} ${index * 5}px ${(index + 1) * 5}px`).join(', ')})`
    : fill;
  return (
    <Box
      aria-hidden
      w={18}
      h={14}
      style={{ background, border: '1px solid #868e96', borderRadius: 2, flex: 'none' }}
    />
  );
}

const MARKS = [
  { fill: GAP_FILL, label: 'Gap: no rule covers it (activation is refused)' },
  { fill: OVERLAP_FILL, label: 'Overlap: two territories of the same precedence claim it (refused)' },
  { fill: EXCLUDED_FILL, label: 'Excluded: the company does not sell there' },
  { fill: UNNAMED_FILL, label: 'Not a geography of the model (no ISO 3166 code, or not drawn)' },
];

function Legend({ paint }: { paint: MapPaint }) {
  return (
    <Stack gap="xs">
      <Table aria-label="Map legend" withRowBorders={false} verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Colour</Table.Th>
            <Table.Th>AE</Table.Th>
            <Table.Th>Territories</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paint.legend.map((owner) => (
            <Table.Tr key={owner.ae}>
              <Table.Td>
                <Swatch fill={owner.colour} />
              </Table.Td>
              <Table.Td>{owner.aeName}</Table.Td>
              <Table.Td>{owner.territories.map((territory) => territory.name).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="md">
        {paint.patterns.length > 0 && (
          <Group gap={6} wrap="nowrap">
            <Swatch fill={`url(#${paint.patterns[0]?.id})`} patterns={paint.patterns} />
            <Text size="xs">Hatched: split between AEs (by segment or by subdivision)</Text>
          </Group>
        )}
        {MARKS.map((mark) => (
          <Group key={mark.fill} gap={6} wrap="nowrap">
            <Swatch fill={mark.fill} />
            <Text size="xs">{mark.label}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

function Listed({ title, items }: { title: string; items: MapPaint['splits'] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <Title order={4} size="h6">
        {title}
      </Title>
      <List size="sm" spacing={2}>
        {items.map((item) => (
          <List.Item key={item.geography}>
            <strong>{item.name}</strong>: {item.lines.join('; ')}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

/**
 * The version's map: the world's countries and the US states coloured by AE, with a legend, the segment
 * splits and metro overrides listed, and what the geography under the pointer or the focus is (territory,
 * AE, the rule). The atlas loads on first use.
 */
export function TerritoryMap({ detail }: { detail: TerritoryModelDetail }) {
  const atlas = useAtlas();
  const paint = useMemo(() => paintMap(detail), [detail]);
  const [shown, setShown] = useState<FocusedGeography | null>(null);
  const paintOf = (code: string | null) => (code ? paint.byGeography.get(code) : undefined);
  return (
    <Paper withBorder p="md" aria-labelledby="territory-map-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="territory-map-title">
          Map
        </Title>
        <Text size="sm" c="dimmed">
          Hover over a country or state, or tab to the map and move with the arrow keys, to see its territory,
          AE and the rule that gives it to them.
        </Text>
        <Paper bg="gray.0" p="xs" mih={56} aria-live="polite" data-testid="map-focus">
          {shown ? (
            <Text size="sm">
              <strong>{shown.name}</strong>: {shown.lines.join('; ')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Nothing under the pointer.
            </Text>
          )}
        </Paper>
        {atlas.isError ? (
          <ErrorState
            title="Could not load the map"
            error={atlas.error}
            onRetry={() => void atlas.refetch()}
          />
        ) : atlas.data ? (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <MapSvg
              sheet={atlas.data.world}
              sheetId="world"
              label="World map: countries by AE"
              paintOf={paintOf}
              patterns={paint.patterns}
              onShow={setShown}
            />
            <MapSvg
              sheet={atlas.data.us}
              sheetId="us"
              label="United States map: states by AE"
              paintOf={paintOf}
              patterns={paint.patterns}
              onShow={setShown}
            />
          </SimpleGrid>
        ) : (
          <LoadingState label="Loading the map…" />
        )}
        <Legend paint={paint} />
        <Listed title="Split between AEs by segment" items={paint.splits} />
        <Listed title="Metro overrides (they beat the state they sit in)" items={paint.metros} />
      </Stack>
    </Paper>
  );
}
