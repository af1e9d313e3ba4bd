import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../domain/access/roles.js';
import { approvalProgress } from '../../domain/closing/approval-chain.js';
import type { ClosingEvidence } from '../../domain/closing/closing-evidence.js';
import type {
  ApprovalDecision,
  AwsOfferStatus,
  Offer,
  OfferStatus,
  OfferVersion,
  PricingOption,
  ResolvedStep,
} from '../../domain/closing/offer.js';
import type { Database } from '../schema.js';
import type { OfferApprovalsTable, OfferVersionsTable } from '../schema-closing.js';

function toDecision(row: Selectable<OfferApprovalsTable>): ApprovalDecision {
  return {
    stepKey: row.step_key,
    stepIndex: row.step_index,
    decision: row.decision,
    decidedBy: row.decided_by,
    decidedRole: row.decided_role as Role,
    decidedAt: row.decided_at,
    comment: row.comment,
  };
}

function toVersion(row: Selectable<OfferVersionsTable>, decisions: ApprovalDecision[]): OfferVersion {
  const chosen =
    row.chosen_option && row.chosen_contact_id && row.chosen_confirmed_at && row.chosen_recorded_by
      ? {
          optionName: row.chosen_option,
          confirmedByContactId: row.chosen_contact_id,
          confirmedAt: row.chosen_confirmed_at,
          recordedBy: row.chosen_recorded_by,
          recordedAt: row.chosen_recorded_at ?? row.chosen_confirmed_at,
        }
      : null;
  return {
    number: row.number,
    status: row.status as OfferStatus,
    awsOfferStatus: row.aws_offer_status as AwsOfferStatus,
    currency: row.currency,
    validUntil: row.valid_until,
    notes: row.notes,
    options: row.options as unknown as PricingOption[],
    basedOn: row.based_on,
    origin: row.origin as OfferVersion['origin'],
    createdBy: row.created_by,
    createdAt: row.created_at,
    chain: row.chain as unknown as ResolvedStep[] | null,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    decisions,
    presentedBy: row.presented_by,
    presentedAt: row.presented_at,
    chosen,
    evidence: row.closing_evidence as unknown as ClosingEvidence,
  };
}

/** The columns of a version that may change after it is written (its status and what happened to it). */
function changingColumns(version: OfferVersion) {
  return {
    status: version.status,
    aws_offer_status: version.awsOfferStatus,
    chain: version.chain === null ? null : JSON.stringify(version.chain),
    submitted_by: version.submittedBy,
    submitted_at: version.submittedAt,
    awaiting_role: approvalProgress(version).next?.role ?? null,
    presented_by: version.presentedBy,
    presented_at: version.presentedAt,
    chosen_option: version.chosen?.optionName ?? null,
    chosen_contact_id: version.chosen?.confirmedByContactId ?? null,
    chosen_confirmed_at: version.chosen?.confirmedAt ?? null,
    chosen_recorded_by: version.chosen?.recordedBy ?? null,
    chosen_recorded_at: version.chosen?.recordedAt ?? null,
    closing_evidence: JSON.stringify(version.evidence),
    envelope_id: version.evidence.envelope?.envelopeId ?? null,
    marketplace_offer_id: version.evidence.awsOffer?.marketplaceOfferId ?? null,
  };
}

/** Offers with their versions and decisions, in three queries whatever their number. */
export async function loadOffers(
  db: Kysely<Database>,
  rows: Array<Selectable<Database['offers']>>,
): Promise<Offer[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const versions = await db
    .selectFrom('offer_versions')
    .selectAll()
    .where('offer_id', 'in', ids)
    .orderBy('number')
    .execute();
  const decisions = await db
    .selectFrom('offer_approvals')
    .selectAll()
    .where('offer_id', 'in', ids)
    .orderBy('version_number')
    .orderBy('step_index')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    opportunityId: row.opportunity_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    versions: versions
      .filter((version) => version.offer_id === row.id)
      .map((version) =>
        toVersion(
          version,
          decisions
            .filter((d) => d.offer_id === row.id && d.version_number === version.number)
            .map(toDecision),
        ),
      ),
  }));
}

/** One offer with its history; `lock` takes the offer row's lock (every change to an offer starts there). */
export async function findOffer(
  db: Kysely<Database>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Offer | undefined> {
  const query = db.selectFrom('offers').selectAll().where('id', '=', id);
  const row = await (options.lock ? query.forUpdate() : query).executeTakeFirst();
  const [offer] = await loadOffers(db, row ? [row] : []);
  return offer;
}

/** The offers of a deal, oldest first, each with its versions and decisions. */
export async function listOffersOfDeal(db: Kysely<Database>, opportunityId: string): Promise<Offer[]> {
  const rows = await db
    .selectFrom('offers')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return loadOffers(db, rows);
}

/** Another offer of the deal whose live version records a chosen option, if any. */
export async function findOtherChosenOffer(
  db: Kysely<Database>,
  opportunityId: string,
  exceptOfferId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('offer_versions')
    .innerJoin('offers', 'offers.id', 'offer_versions.offer_id')
    .select('offers.id')
    .where('offers.opportunity_id', '=', opportunityId)
    .where('offers.id', '<>', exceptOfferId)
    .where('offer_versions.chosen_option', 'is not', null)
    .where('offer_versions.status', 'not in', ['superseded', 'rejected'])
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Writes what changed from `previous` (absent: a new offer): the offer row, new versions whole, changed
 * versions' status columns (their terms never change), new decisions (append-only).
 */
export async function saveOffer(db: Kysely<Database>, next: Offer, previous?: Offer): Promise<void> {
  if (previous) {
    await db
      .updateTable('offers')
      .set({ version: next.version, updated_at: next.updatedAt })
      .where('id', '=', next.id)
      .execute();
  } else {
    await db
      .insertInto('offers')
      .values({
        id: next.id,
        opportunity_id: next.opportunityId,
        created_by: next.createdBy,
        created_at: next.createdAt,
        updated_at: next.updatedAt,
        version: next.version,
      })
      .execute();
  }
  const before = new Map((previous?.versions ?? []).map((version) => [version.number, version]));
  for (const version of next.versions) {
    const old = before.get(version.number);
    if (!old) await insertVersion(db, next.id, version);
    else if (JSON.stringify(old) !== JSON.stringify(version))
      await db
        .updateTable('offer_versions')
        .set(changingColumns(version))
        .where('offer_id', '=', next.id)
        .where('number', '=', version.number)
        .execute();
    const added = version.decisions.slice(old?.decisions.length ?? 0);
    if (added.length > 0)
      await db
        .insertInto('offer_approvals')
        .values(
          added.map((decision) => ({
            offer_id: next.id,
            version_number: version.number,
            step_index: decision.stepIndex,
            step_key: decision.stepKey,
            decision: decision.decision,
            decided_by: decision.decidedBy,
            decided_role: decision.decidedRole,
            decided_at: decision.decidedAt,
            comment: decision.comment,
          })),
        )
        .execute();
  }
}

async function insertVersion(db: Kysely<Database>, offerId: string, version: OfferVersion) {
  await db
    .insertInto('offer_versions')
    .values({
      offer_id: offerId,
      number: version.number,
      currency: version.currency,
      valid_until: version.validUntil,
      notes: version.notes,
      options: JSON.stringify(version.options),
      based_on: version.basedOn,
      origin: version.origin,
      created_by: version.createdBy,
      created_at: version.createdAt,
      ...changingColumns(version),
    })
    .execute();
}
