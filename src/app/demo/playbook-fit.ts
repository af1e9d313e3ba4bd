import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { findOpportunityType, findPipeline, findStage } from '../../domain/playbook/lookup.js';
import type { Playbook } from '../../domain/playbook/playbook.js';

export interface DealsOffPlaybook {
  /** Deals whose type, pipeline or stage the playbook does not have. */
  deals: number;
  /** Up to three of their type/pipeline/stage combinations, as `type pipeline/stage`. */
  examples: string[];
}

/**
 * The deals a playbook would strand: their type, pipeline or stage is not one of its own (the database was
 * filled under another playbook, e.g. the demo of another company). Nothing records which playbook seeded a
 * database, so this reads the deals themselves.
 */
export async function dealsOffPlaybook(db: Kysely<Database>, playbook: Playbook): Promise<DealsOffPlaybook> {
  const rows = await db
    .selectFrom('opportunities')
    .select(['type', 'pipeline', 'stage', (eb) => eb.fn.countAll<string>().as('deals')])
    .groupBy(['type', 'pipeline', 'stage'])
    .orderBy('deals', 'desc')
    .execute();
  const off = rows.filter((row) => {
    const pipeline = findPipeline(playbook, row.pipeline);
    return !findOpportunityType(playbook, row.type) || !pipeline || !findStage(pipeline, row.stage);
  });
  return {
    deals: off.reduce((sum, row) => sum + Number(row.deals), 0),
    examples: off.slice(0, 3).map((row) => `${row.type} ${row.pipeline}/${row.stage}`),
  };
}

/** The refusal to run a playbook over data it would strand, or null when every deal fits it. */
export async function offPlaybookRefusal(db: Kysely<Database>, playbook: Playbook): Promise<string | null> {
  const { deals, examples } = await dealsOffPlaybook(db, playbook);
  if (deals === 0) return null;
  return [
    `closepath: this database holds ${deals} deal(s) whose type, pipeline or stage the playbook "${playbook.id}" does not have (${examples.join(', ')}):`,
    'it was filled under another playbook. Run that playbook on it, or give this one its own database',
    `(another DATA_DIR, e.g. DATA_DIR=.closepath-${playbook.id}, or another DATABASE_URL).`,
  ].join('\n');
}
