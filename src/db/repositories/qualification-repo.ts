import type { Kysely } from 'kysely';
import type { AttestationRecord, MeddpiccRecord } from '../../domain/opportunity/opportunity.js';
import type { MeddpiccLevel } from '../../domain/playbook/playbook.js';
import type { Database } from '../schema.js';

export async function listMeddpicc(db: Kysely<Database>, opportunityId: string): Promise<MeddpiccRecord[]> {
  const rows = await db
    .selectFrom('opportunity_meddpicc')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .execute();
  return rows.map((row) => ({
    element: row.element,
    level: row.level as MeddpiccLevel,
    summary: row.summary,
    contactId: row.contact_id,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  }));
}

export async function saveMeddpicc(db: Kysely<Database>, opportunityId: string, record: MeddpiccRecord) {
  const values = {
    level: record.level,
    summary: record.summary,
    contact_id: record.contactId,
    updated_by: record.updatedBy,
    updated_at: record.updatedAt,
  };
  await db
    .insertInto('opportunity_meddpicc')
    .values({ opportunity_id: opportunityId, element: record.element, ...values })
    .onConflict((conflict) => conflict.columns(['opportunity_id', 'element']).doUpdateSet(values))
    .execute();
}

export async function listAttestations(
  db: Kysely<Database>,
  opportunityId: string,
): Promise<AttestationRecord[]> {
  const rows = await db
    .selectFrom('opportunity_attestations')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .execute();
  return rows.map((row) => ({
    criterion: row.criterion,
    attestedBy: row.attested_by,
    attestedAt: row.attested_at,
    note: row.note,
    evidenceUrl: row.evidence_url,
  }));
}

export async function saveAttestation(
  db: Kysely<Database>,
  opportunityId: string,
  record: AttestationRecord,
) {
  const values = {
    attested_by: record.attestedBy,
    attested_at: record.attestedAt,
    note: record.note,
    evidence_url: record.evidenceUrl,
  };
  await db
    .insertInto('opportunity_attestations')
    .values({ opportunity_id: opportunityId, criterion: record.criterion, ...values })
    .onConflict((conflict) => conflict.columns(['opportunity_id', 'criterion']).doUpdateSet(values))
    .execute();
}

export async function deleteAttestation(db: Kysely<Database>, opportunityId: string, criterion: string) {
  await db
    .deleteFrom('opportunity_attestations')
    .where('opportunity_id', '=', opportunityId)
    .where('criterion', '=', criterion)
    .execute();
}
