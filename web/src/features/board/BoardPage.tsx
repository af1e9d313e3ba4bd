import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { BoardCard, Pipeline, PipelineBoard, Playbook } from '../../api';
import { MoveReasonDialog } from '../../shared/MoveReasonDialog';
import { formatTotal, sumAmounts } from '../../shared/money-totals';
import { paths } from '../../shared/paths';
import { findPipeline, usePlaybook } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { frameworkOf } from '../../shared/words';
import { useSession } from '../auth';
import { BoardColumn } from './BoardColumn';
import { BoardFiltersBar } from './BoardFiltersBar';
import { useBoard } from './board-query';
import { CardFace } from './DealCard';
import { MissingPanel } from './MissingPanel';
import { MoveToDialog } from './MoveToDialog';
import { useBoardFilters } from './use-board-filters';
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

/** Amounts summed per currency over every column: the board's total and weighted amount. */
function boardTotals(board: PipelineBoard) {
  const totals = board.columns.flatMap((column) => column.totals);
  const weighted = new Map(
    sumAmounts(totals.map(({ currency, weightedMinor }) => ({ currency, amountMinor: weightedMinor }))).map(
      (sum) => [sum.currency, sum.amountMinor],
    ),
  );
  return sumAmounts(totals.map(({ currency, totalMinor }) => ({ currency, amountMinor: totalMinor }))).map(
    (sum) => ({
      currency: sum.currency,
      totalMinor: sum.amountMinor,
      weightedMinor: weighted.get(sum.currency) ?? '0',
    }),
  );
}

/** "52 deals · $10.2M total · $3.1M weighted", one amount pair per currency, over all the columns. */
function BoardTotals({ board, fetching }: { board: PipelineBoard; fetching: boolean }) {
  const totals = boardTotals(board);
  return (
    <Text size="sm" aria-live="polite" data-testid="board-totals">
      <b>
        {board.total} {board.total === 1 ? 'deal' : 'deals'}
      </b>
      {totals.map((total) => (
        <span key={total.currency} data-currency={total.currency}>
          {' · '}
          {formatTotal({ currency: total.currency, amountMinor: total.totalMinor })} total ·{' '}
          {formatTotal({ currency: total.currency, amountMinor: total.weightedMinor })} weighted
          {totals.length > 1 && ` (${total.currency})`}
        </span>
      ))}
      {board.truncated && ` (showing the first ${board.cards.length}; narrow the filters)`}
      {fetching && ' · updating…'}
    </Text>
  );
}

/** The types a card names in a badge: every type of the pipeline but its first (its own). */
function badgeTypes(playbook: Playbook, pipeline: Pipeline): ReadonlyMap<string, string> {
  const types = playbook.opportunityTypes.filter((type) => type.pipeline === pipeline.key);
  return new Map(types.slice(1).map((type) => [type.key, type.name]));
}

interface BoardProps {
  pipeline: Pipeline;
  playbook: Playbook;
  mineFirst: boolean;
}

function Board({ pipeline, playbook, mineFirst }: BoardProps) {
  const session = useSession().data;
  const me = session?.user.id ?? null;
  const mayCreate = session?.permissions.createDeals.allowed ?? false;
  const [filters, setFilters] = useBoardFilters(me, mineFirst);
  const board = useBoard(pipeline.key, filters);
  const moves = useBoardMoves(pipeline);
  const [dragged, setDragged] = useState<BoardCard | null>(null);
  // Pointer only: the keyboard moves a deal through its card's ⋯ button and the move-to dialog.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const byStage = useMemo(
    () => groupByStage(board.data?.cards ?? [], moves.moving),
    [board.data, moves.moving],
  );
  const [askingMove, setAskingMove] = useState<BoardCard | null>(null);
  const typeNames = useMemo(() => badgeTypes(playbook, pipeline), [playbook, pipeline]);
  const mineOnly = me !== null && filters.ownerId === me;

  const onDragStart = (event: DragStartEvent) =>
    setDragged((event.active.data.current?.card as BoardCard) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const card = event.active.data.current?.card as BoardCard | undefined;
    if (card?.mayMove && event.over) moves.request(card, String(event.over.id));
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {pipeline.name} pipeline
          </Title>
          {board.data && <BoardTotals board={board.data} fetching={board.isFetching} />}
        </Stack>
        {mayCreate && (
          <Button
            component={Link}
            href={paths.newDeal({ pipeline: pipeline.key })}
            data-requires="createDeals"
          >
            New deal
          </Button>
        )}
      </Group>
      <BoardFiltersBar
        pipeline={pipeline.key}
        playbook={playbook}
        filters={filters}
        me={me}
        onChange={setFilters}
      />
      {moves.blocked && (
        <MissingPanel
          blocked={moves.blocked}
          pipeline={pipeline}
          framework={frameworkOf(playbook)}
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
          <EmptyState title={mineOnly ? 'You own no deals here that match' : 'No deals match'}>
            {mineOnly
              ? 'Choose “All deals I can see” to see the rest of the pipeline, or clear a filter.'
              : 'Clear a filter to see more of the pipeline.'}
            {mayCreate && ' Or start a new deal.'}
          </EmptyState>
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
                typeNames={typeNames}
                onAskMove={setAskingMove}
              />
            ))}
          </Group>
          <DragOverlay dropAnimation={null}>
            {dragged && (
              <Paper withBorder p={8} w={224} shadow="md" radius="sm">
                <CardFace card={dragged} typeName={typeNames.get(dragged.type)} />
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

/**
 * A pipeline's board. `mineFirst`: without an owner in the address it shows the caller's own deals (the
 * roles that own the work of this pipeline; the app decides).
 */
export function BoardPage({
  pipeline: pipelineKey,
  mineFirst = false,
}: {
  pipeline: string;
  mineFirst?: boolean;
}) {
  const playbook = usePlaybook();
  if (playbook.isPending) return <LoadingState label="Loading the playbook…" />;
  if (playbook.isError) return <ErrorState title="Could not load the playbook" error={playbook.error} />;
  const pipeline = findPipeline(playbook.data, pipelineKey);
  if (!pipeline)
    return <EmptyState title="No such pipeline">The playbook has no pipeline “{pipelineKey}”.</EmptyState>;
  return <Board key={pipeline.key} pipeline={pipeline} playbook={playbook.data} mineFirst={mineFirst} />;
}
