import { useDroppable } from '@dnd-kit/core';
import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { BoardCard, BoardColumn as Column } from '../../api';
import { formatTotal } from '../../shared/money-totals';
import { CARD_HEIGHT, DealCard } from './DealCard';

interface Props {
  column: Column;
  cards: BoardCard[];
  pendingId: string | null;
  /** The types a card names in a badge (those other than its pipeline's own), by key. */
  typeNames: ReadonlyMap<string, string>;
  onAskMove: (card: BoardCard) => void;
}

function ColumnTotals({ column }: { column: Column }) {
  if (column.totals.length === 0)
    return (
      <Text size="xs" c="dimmed">
        No deals
      </Text>
    );
  return (
    <>
      {column.totals.map((total) => (
        <Text size="xs" key={total.currency} data-testid="column-totals">
          {formatTotal({ currency: total.currency, amountMinor: total.totalMinor })} total ·{' '}
          {formatTotal({ currency: total.currency, amountMinor: total.weightedMinor })} weighted
        </Text>
      ))}
    </>
  );
}

/** A stage: its totals from the server, and its cards in a virtualized list (only the visible ones render). */
function BoardColumnView({ column, cards, pendingId, typeNames, onAskMove }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: column.stage });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 4,
    getItemKey: (index) => cards[index]?.id ?? index,
  });

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      bg={isOver ? 'indigo.0' : 'gray.0'}
      w={236}
      miw={236}
      data-testid="board-column"
      data-stage={column.stage}
      aria-label={`${column.name}: ${column.count} deals`}
      role="region"
    >
      <Stack gap={2} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm" truncate="end">
            {column.name}
          </Text>
          <Text size="xs" c="dimmed">
            {column.probability}%
          </Text>
        </Group>
        <Text size="xs" data-testid="column-count">
          {column.count} {column.count === 1 ? 'deal' : 'deals'}
        </Text>
        <ColumnTotals column={column} />
      </Stack>
      <Box ref={scrollRef} h="calc(100vh - 300px)" mih={240} style={{ overflowY: 'auto' }} px={6} pt={6}>
        {cards.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="md">
            No deals in this stage
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index];
              if (!card) return null;
              return (
                <div
                  key={item.key}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  <DealCard
                    card={card}
                    pending={card.id === pendingId}
                    typeName={typeNames.get(card.type)}
                    onAskMove={onAskMove}
                  />
                </div>
              );
            })}
          </div>
        )}
      </Box>
    </Paper>
  );
}

/** Memoized: a drag re-renders only the columns it passes over. */
export const BoardColumn = memo(BoardColumnView);
