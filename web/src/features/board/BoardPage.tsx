import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { BoardCard, Pipeline, Playbook } from '../../api';
import { MoveReasonDialog } from '../../shared/MoveReasonDialog';
import { findPipeline, findStage, usePlaybook } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { useDealsAtRisk } from './at-risk-query';
import { BoardColumn } from './BoardColumn';
import { BoardFiltersBar } from './BoardFiltersBar';
import { type BoardFilters, NO_FILTERS, useBoard } from './board-query';
import { CardFace } from './DealCard';
import { MissingPanel } from './MissingPanel';
import { MoveToDialog } from './MoveToDialog';
import { useBoardMoves } from './use-board-moves';

function groupByStage(cards: BoardCard[], moving: { id: string; to: string } | null) {
  const byStage = new Map<string, BoardCard[]>();
  for (const card of cards) {
    const stage = moving?.id === card.id ? moving.to : card.stage;
    const list = byStage.get(stage);
    if (list) list.push(card);
    else byStage.set(stage, [card]);
  }
  return byStage;
}

function Board({ pipeline, playbook }: { pipeline: Pipeline; playbook: Playbook }) {
  const [filters, setFilters] = useState<BoardFilters>(NO_FILTERS);
  const board = useBoard(pipeline.key, filters);
  const moves = useBoardMoves(pipeline);
  const risks = useDealsAtRisk(pipeline.key, board.isSuccess);
  const [dragged, setDragged] = useState<BoardCard | null>(null);
  // Pointer only: the keyboard moves a deal through its card's ⋯ button and the move-to dialog.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const byStage = useMemo(
    () => groupByStage(board.data?.cards ?? [], moves.moving),
    [board.data, moves.moving],
  );
  const [askingMove, setAskingMove] = useState<BoardCard | null>(null);

  const onDragStart = (event: DragStartEvent) =>
    setDragged((event.active.data.current?.card as BoardCard) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const card = event.active.data.current?.card as BoardCard | undefined;
    if (card && event.over) moves.request(card, String(event.over.id));
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {pipeline.name} pipeline
        </Title>
        {board.data && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {board.data.total} deals
            {board.data.truncated && ` (showing the first ${board.data.cards.length}; narrow the filters)`}
            {board.isFetching && ' · updating…'}
          </Text>
        )}
      </Group>
      <BoardFiltersBar pipeline={pipeline.key} playbook={playbook} filters={filters} onChange={setFilters} />
      {moves.blocked && (
        <MissingPanel
          blocked={moves.blocked}
          stageName={(key) => findStage(pipeline, key)?.name ?? key}
          onClose={moves.dismissBlocked}
        />
      )}
      {moves.failure !== null && (
        <ErrorState title="The deal did not move" error={moves.failure} onRetry={moves.dismissFailure} />
      )}
      {board.isPending && <LoadingState label="Loading the board…" />}
      {board.isError && (
        <ErrorState title="Could not load the board" error={board.error} onRetry={() => board.refetch()} />
      )}
      {board.data?.total === 0 && (
        <Paper withBorder p="sm">
          <EmptyState title="No deals match">Clear a filter, or create a deal from an account.</EmptyState>
        </Paper>
      )}
      {board.data && (
        <DndContext
          sensors={sensors}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragged(null)}
        >
          <Group
            gap="xs"
            align="flex-start"
            wrap="nowrap"
            style={{ overflowX: 'auto' }}
            pb="xs"
            data-testid="board"
          >
            {board.data.columns.map((column) => (
              <BoardColumn
                key={column.stage}
                column={column}
                cards={byStage.get(column.stage) ?? []}
                pendingId={moves.moving?.id ?? null}
                risks={risks}
                onAskMove={setAskingMove}
              />
            ))}
          </Group>
          <DragOverlay dropAnimation={null}>
            {dragged && (
              <Paper withBorder p={8} w={224} shadow="md" radius="sm">
                <CardFace card={dragged} />
              </Paper>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {askingMove && (
        <MoveToDialog
          card={askingMove}
          pipeline={pipeline}
          onClose={() => setAskingMove(null)}
          onPick={(to) => {
            setAskingMove(null);
            moves.request(askingMove, to);
          }}
        />
      )}
      {moves.asked && (
        <MoveReasonDialog
          playbook={playbook}
          kind={moves.asked.kind}
          dealName={moves.asked.card.name}
          toName={moves.asked.toName}
          onCancel={moves.cancel}
          onConfirm={moves.confirm}
        />
      )}
    </Stack>
  );
}

export function BoardPage({ pipeline: pipelineKey }: { pipeline: string }) {
  const playbook = usePlaybook();
  if (playbook.isPending) return <LoadingState label="Loading the playbook…" />;
  if (playbook.isError) return <ErrorState title="Could not load the playbook" error={playbook.error} />;
  const pipeline = findPipeline(playbook.data, pipelineKey);
  if (!pipeline)
    return <EmptyState title="No such pipeline">The playbook has no pipeline “{pipelineKey}”.</EmptyState>;
  return <Board key={pipeline.key} pipeline={pipeline} playbook={playbook.data} />;
}
