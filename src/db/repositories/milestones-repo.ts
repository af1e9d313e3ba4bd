import type { Kysely } from 'kysely';
import type { MilestoneRecord } from '../../domain/poc/milestones.js';
import type { Database } from '../schema.js';

export async function listMilestones(
  db: Kysely<Database>,
  opportunityId: string,
): Promise<MilestoneRecord[]> {
  const rows = await db
    .selectFrom('opportunity_milestones')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .orderBy('achieved_at')
    .execute();
  return rows.map((row) => ({
    milestone: row.milestone,
    achievedAt: row.achieved_at,
    recordedBy: row.recorded_by,
    evidenceUrl: row.evidence_url,
    note: row.note,
  }));
}

export async function saveMilestone(
  db: Kysely<Database>,
  opportunityId: string,
  record: MilestoneRecord,
  now: Date,
) {
  const values = {
    achieved_at: record.achievedAt,
    recorded_by: record.recordedBy,
    evidence_url: record.evidenceUrl,
    note: record.note,
    recorded_at: now,
  };
  await db
    .insertInto('opportunity_milestones')
    .values({ opportunity_id: opportunityId, milestone: record.milestone, ...values })
    .onConflict((conflict) => conflict.columns(['opportunity_id', 'milestone']).doUpdateSet(values))
    .execute();
}

export async function deleteMilestone(db: Kysely<Database>, opportunityId: string, milestone: string) {
  await db
    .deleteFrom('opportunity_milestones')
    .where('opportunity_id', '=', opportunityId)
    .where('milestone', '=', milestone)
    .execute();
}

/** Every stage the deal has entered (its history), for "has the deal reached stage X". */
export async function listStagesReached(db: Kysely<Database>, opportunityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('opportunity_stage_changes')
    .select('to_stage')
    .distinct()
    .where('opportunity_id', '=', opportunityId)
    .execute();
  return rows.map((row) => row.to_stage);
}
