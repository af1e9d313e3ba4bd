import { type Kysely, sql } from 'kysely';
import type { DealMove, KeyMove } from '../../domain/playbook/check-playbook-change.js';
import type { KeyCount, PlaybookUsage } from '../../domain/playbook/playbook-usage.js';
import type { Database } from '../schema.js';

const counted = (rows: Array<{ key: string | null; count: string | number | bigint }>): KeyCount[] =>
  rows.flatMap((row) => (row.key === null ? [] : [{ key: row.key, count: Number(row.count) }]));

/** Every playbook key the records use, counted, in a handful of grouped reads. */
export async function readPlaybookUsage(db: Kysely<Database>): Promise<PlaybookUsage> {
  const count = sql<string>`count(*)`.as('count');
  const deals = await db
    .selectFrom('opportunities')
    .select(['type', 'pipeline', 'stage', 'probability', 'forecast_category', count])
    .groupBy(['type', 'pipeline', 'stage', 'probability', 'forecast_category'])
    .execute();
  const attestations = await db
    .selectFrom('opportunity_attestations as a')
    .innerJoin('opportunities as o', 'o.id', 'a.opportunity_id')
    .select(['o.type', 'o.pipeline', 'a.criterion', count])
    .groupBy(['o.type', 'o.pipeline', 'a.criterion'])
    .execute();
  const elements = await db
    .selectFrom('opportunity_meddpicc')
    .select(['element as key', count])
    .groupBy('element')
    .execute();
  const milestones = await db
    .selectFrom('opportunity_milestones')
    .select(['milestone as key', count])
    .groupBy('milestone')
    .execute();
  const sources = await db
    .selectFrom('opportunities')
    .select(['source as key', count])
    .groupBy('source')
    .execute();
  const lossReasons = await db
    .selectFrom('opportunities')
    .select(['loss_reason as key', count])
    .where('loss_reason', 'is not', null)
    .groupBy('loss_reason')
    .execute();
  return {
    deals: deals.map((row) => ({
      type: row.type,
      pipeline: row.pipeline,
      stage: row.stage,
      probability: row.probability,
      forecastCategory: row.forecast_category,
      count: Number(row.count),
    })),
    attestations: attestations.map((row) => ({
      type: row.type,
      pipeline: row.pipeline,
      criterion: row.criterion,
      count: Number(row.count),
    })),
    qualificationElements: counted(elements),
    milestones: counted(milestones),
    leadSources: counted(sources),
    lossReasons: counted(lossReasons),
  };
}

export interface MoveAudit {
  at: Date;
  actorId: string;
  requestId: string | null;
  playbookVersion: number;
}

/**
 * Moves one group of deals to its place under the new version (type, pipeline, stage and the stage's
 * probability and forecast category), bumping each deal's version, with one `opportunity.playbook_mapped`
 * event (and outbox row) per deal naming the version: each deal's history says why it moved.
 */
export async function moveDeals(db: Kysely<Database>, move: DealMove, audit: MoveAudit): Promise<number> {
  const { from, to } = move;
  const before = JSON.stringify({ ...from, playbookVersion: audit.playbookVersion - 1 });
  const after = JSON.stringify({ ...to, playbookVersion: audit.playbookVersion });
  const result = await sql<{ moved: string }>`
    with moved as (
      update opportunities
         set type = ${to.type}, pipeline = ${to.pipeline}, stage = ${to.stage},
             probability = ${to.probability}, forecast_category = ${to.forecastCategory},
             version = version + 1, updated_at = ${audit.at}
       where type = ${from.type} and pipeline = ${from.pipeline} and stage = ${from.stage}
         and probability = ${from.probability} and forecast_category = ${from.forecastCategory}
      returning id
    ), event as (
      insert into events (occurred_at, actor_id, request_id, entity_type, entity_id, opportunity_id, action, before, after)
      select ${audit.at}, ${audit.actorId}, ${audit.requestId}, 'opportunity', id, id, 'opportunity.playbook_mapped',
             ${before}::jsonb, ${after}::jsonb
        from moved
      returning id, action, entity_type, entity_id, occurred_at
    ), outboxed as (
      insert into outbox (event_id, topic, payload, created_at)
      select id, action,
             jsonb_build_object('eventId', id, 'action', action, 'entityType', entity_type, 'entityId', entity_id),
             occurred_at
        from event
      returning event_id
    )
    select count(*) as moved from outboxed`.execute(db);
  return Number(result.rows[0]?.moved ?? 0);
}

const KEY_TABLES = {
  criterion: { table: 'opportunity_attestations', column: 'criterion' },
  qualificationElement: { table: 'opportunity_meddpicc', column: 'element' },
  milestone: { table: 'opportunity_milestones', column: 'milestone' },
} as const;

/**
 * Gives the records of one key the new key, or deletes them (`to: null`). A deal that already holds the new key
 * keeps that record and loses the old one (two criteria merged into one). Sources and loss reasons are fields
 * of the deal, renamed with a version bump.
 */
export async function moveKey(db: Kysely<Database>, move: KeyMove, at: Date): Promise<void> {
  if (move.kind === 'leadSource' || move.kind === 'lossReason') {
    const column = move.kind === 'leadSource' ? 'source' : 'loss_reason';
    await db
      .updateTable('opportunities')
      .set({ [column]: move.to, version: sql`version + 1`, updated_at: at })
      .where(column, '=', move.from)
      .execute();
    return;
  }
  const { table, column } = KEY_TABLES[move.kind];
  const name = sql.table(table);
  const key = sql.ref(column);
  if (move.to !== null) {
    await sql`delete from ${name} as old where ${sql.ref(`old.${column}`)} = ${move.from}
      and exists (select 1 from ${name} as kept where kept.opportunity_id = old.opportunity_id
                  and ${sql.ref(`kept.${column}`)} = ${move.to})`.execute(db);
    await sql`update ${name} set ${key} = ${move.to} where ${key} = ${move.from}`.execute(db);
  } else {
    await sql`delete from ${name} where ${key} = ${move.from}`.execute(db);
  }
}
