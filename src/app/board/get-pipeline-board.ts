import {
  type BoardCardRow,
  type BoardFilter,
  listBoardCards,
  type StageTotalsRow,
  summarizeBoard,
} from '../../db/repositories/board-repo.js';
import { opportunityAccess, visibilityFor } from '../../domain/access/record-access.js';
import { findPipeline } from '../../domain/playbook/lookup.js';
import type { ForecastCategory, Pipeline, StageOutcome } from '../../domain/playbook/playbook.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { type BoardQuery, quarterRange } from './board-inputs.js';

/** The most cards one board answer carries; columns still count every deal. */
export const BOARD_CARD_LIMIT = 5000;

export interface CurrencyTotals {
  currency: string;
  totalMinor: string;
  weightedMinor: string;
}

export interface BoardColumn {
  stage: string;
  name: string;
  probability: number;
  outcome: StageOutcome;
  count: number;
  /** One entry per currency present in the column (amounts are never converted). */
  totals: CurrencyTotals[];
}

export type BoardCard = Omit<
  BoardCardRow,
  'ownerRegion' | 'ownerManagerId' | 'createdBy' | 'forecastCategory'
> & {
  /** Whether the caller may move this deal (drag it); the board shows the others as fixed. */
  mayMove: boolean;
};

function toCard(principal: Actor['principal'], row: BoardCardRow): BoardCard {
  const { ownerRegion, ownerManagerId, createdBy, forecastCategory, ...card } = row;
  const access = opportunityAccess(principal, {
    ownerId: row.ownerId,
    ownerRegion,
    ownerManagerId,
    createdBy,
    forecastCategory: forecastCategory as ForecastCategory,
  });
  return { ...card, mayMove: access.edit };
}

export interface PipelineBoard {
  pipeline: { key: string; name: string };
  columns: BoardColumn[];
  cards: BoardCard[];
  /** Deals matching the filter; more than `cards.length` when the card limit was reached. */
  total: number;
  truncated: boolean;
}

function toColumns(pipeline: Pipeline, totals: StageTotalsRow[]): BoardColumn[] {
  return pipeline.stages.map((stage) => {
    const rows = totals.filter((row) => row.stage === stage.key);
    return {
      stage: stage.key,
      name: stage.name,
      probability: stage.probability,
      outcome: stage.outcome,
      count: rows.reduce((sum, row) => sum + row.count, 0),
      totals: rows.map(({ currency, totalMinor, weightedMinor }) => ({
        currency,
        totalMinor,
        weightedMinor,
      })),
    };
  });
}

function toFilter(pipeline: string, query: BoardQuery): BoardFilter {
  const range = query.closeQuarter ? quarterRange(query.closeQuarter) : undefined;
  return {
    pipeline,
    ownerId: query.ownerId,
    region: query.region,
    type: query.type,
    closeDateFrom: range?.from,
    closeDateTo: range?.to,
    text: query.q,
  };
}

/**
 * One pipeline as a board: a column per stage with count, total and weighted amount of the deals the actor
 * may read (filtered in SQL by the same rules as every list), and the cards themselves with their stored health
 * and velocity, in the order asked for.
 */
export async function getPipelineBoard(
  context: AppContext,
  actor: Actor,
  pipelineKey: string,
  query: BoardQuery,
): Promise<Result<PipelineBoard, AppError>> {
  const pipeline = findPipeline(context.playbook, pipelineKey);
  if (!pipeline) return err(notFound('Pipeline', pipelineKey));
  const visibility = visibilityFor(actor.principal, 'opportunity');
  const filter = toFilter(pipeline.key, query);
  const totals = await summarizeBoard(context.db, filter, visibility);
  const cards = await listBoardCards(context.db, filter, visibility, BOARD_CARD_LIMIT, query.sort);
  const columns = toColumns(pipeline, totals);
  const total = columns.reduce((sum, column) => sum + column.count, 0);
  return ok({
    pipeline: { key: pipeline.key, name: pipeline.name },
    columns,
    cards: cards.map((row) => toCard(actor.principal, row)),
    total,
    truncated: total > cards.length,
  });
}
