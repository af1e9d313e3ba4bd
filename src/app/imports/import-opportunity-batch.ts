import { appendEvents, keepGateSnapshots, type NewEvent } from '../../db/repositories/events-repo.js';
import {
  findAccountsByExternalIds,
  findOpportunitiesByExternalIds,
  type ImportedRecord,
  upsertImportedOpportunities,
} from '../../db/repositories/imports-repo.js';
import { insertStageChanges } from '../../db/repositories/stage-changes-repo.js';
import { factsAsRulesSeeThem } from '../../domain/gates/derived-rules.js';
import { importedSnapshot } from '../../domain/gates/imported-snapshot.js';
import {
  type ImportedOpportunity,
  mapSalesforceOpportunity,
} from '../../domain/imports/salesforce-opportunity-row.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { deriveStageFacts } from '../../domain/opportunity/stage-facts.js';
import { findPipeline, findStage } from '../../domain/playbook/lookup.js';
import { storeInspections } from '../inspection/store-inspections.js';
import { loadQualification, type Qualification, toFacts } from '../opportunities/load-opportunity-facts.js';
import { isIso4217, MAX_AMOUNT_MINOR } from '../shared/fields.js';
import type { NumberedRow } from './csv-batches.js';
import { type ImportDb, type ImportScope, ownerByEmail } from './import-scope.js';
import type { SharedGate } from './shared-gate-snapshots.js';

const FILE = 'Opportunity.csv';

interface Judged {
  line: number;
  mapped: ImportedOpportunity;
  accountId: string;
  ownerId: string;
}

const noQualification = (asOf: Date): Qualification => ({
  meddpicc: [],
  attestations: [],
  poc: null,
  milestones: [],
  customer: { selfServeUsage: false, contracts: [] },
  activities: [],
  offers: [],
  asOf,
});

/** The account (this run's, or imported before) and owner (named, else the account's) of good rows. */
async function judgeRows(scope: ImportScope, db: ImportDb, batch: NumberedRow[]): Promise<Judged[]> {
  const limits = { maxAmountMinor: MAX_AMOUNT_MINOR, isCurrency: isIso4217 };
  const mapped = batch.map(({ line, row }) => ({
    line,
    result: mapSalesforceOpportunity(row, scope.mapping, scope.context.playbook, limits),
  }));
  const unknown = mapped.flatMap(({ result }) =>
    result.ok && !scope.accounts.has(result.value.accountExternalId) ? [result.value.accountExternalId] : [],
  );
  const earlier = await findAccountsByExternalIds(db, scope.mapping.source, unknown);
  const judged: Judged[] = [];
  for (const { line, result } of mapped) {
    if (!result.ok) {
      scope.tally.reject(FILE, line, result.error);
      continue;
    }
    const account =
      scope.accounts.get(result.value.accountExternalId) ?? earlier.get(result.value.accountExternalId);
    if (!account) {
      const message = `${result.value.accountExternalId} is neither a good row of Account.csv nor imported before`;
      scope.tally.reject(FILE, line, [{ field: 'AccountId', message }]);
      continue;
    }
    const named = result.value.ownerEmail ? ownerByEmail(scope, result.value.ownerEmail, 'OwnerId') : null;
    if (named && 'field' in named) {
      scope.tally.reject(FILE, line, [named]);
      continue;
    }
    const ownerId = named?.id ?? account.ownerId;
    if (!ownerId) {
      const message = 'no owner named, and the account has none (no territory model routed it)';
      scope.tally.reject(FILE, line, [{ field: 'OwnerId', message }]);
      continue;
    }
    judged.push({ line, mapped: result.value, accountId: account.id, ownerId });
  }
  return judged;
}

interface Planned {
  opportunity: Opportunity;
  externalId: string;
  before: ImportedRecord | undefined;
  /** The imported snapshot: a new deal, or one whose stage the re-import changes. */
  gate: SharedGate | null;
}

async function plan(
  scope: ImportScope,
  db: ImportDb,
  row: Judged,
  before?: ImportedRecord,
): Promise<Planned> {
  const { playbook } = scope.context;
  const { mapped } = row;
  const now = scope.now;
  const stage = deriveStageFacts(playbook, mapped.pipeline, mapped.stage);
  const pipeline = findPipeline(playbook, mapped.pipeline);
  const to = pipeline && findStage(pipeline, mapped.stage);
  const closedAt = stage.outcome === 'open' ? null : new Date(`${mapped.closeDate}T00:00:00Z`);
  const opportunity: Opportunity = {
    id: before?.id ?? scope.context.newId('opp'),
    accountId: row.accountId,
    name: mapped.name,
    type: mapped.type,
    pipeline: stage.pipeline,
    stage: stage.stage,
    probability: stage.probability,
    forecastCategory: stage.forecastCategory,
    amountMinor: mapped.amountMinor,
    currency: mapped.currency,
    closeDate: mapped.closeDate,
    ownerId: row.ownerId,
    createdBy: scope.actor.id,
    source: mapped.source,
    nextStep: mapped.nextStep,
    description: mapped.description,
    lossReason: stage.outcome === 'lost' ? mapped.lossReason : null,
    winningCompetitor: null,
    stageEnteredAt: now,
    stallSnooze: null,
    closedAt,
    version: (before?.version ?? 0) + 1,
    createdAt: now,
    updatedAt: now,
  };
  if (before?.stage === opportunity.stage || !to || !pipeline) {
    return { opportunity, externalId: mapped.externalId, before, gate: null };
  }
  // A deal already here keeps its qualification; a new one has none yet, and the snapshot says what is missing.
  const qualification =
    before && scope.write ? await loadQualification(db, opportunity, now) : noQualification(now);
  const facts = toFacts(playbook, opportunity, qualification);
  const imported = {
    actorId: scope.actor.id,
    source: scope.mapping.source,
    lossReason: opportunity.lossReason,
  };
  const view = [imported.lossReason, factsAsRulesSeeThem(facts)];
  const gate = scope.gates.of(view, () => importedSnapshot(playbook, pipeline, to, facts, imported, now));
  return { opportunity, externalId: mapped.externalId, before, gate };
}

/** Judges a batch of Opportunity.csv rows and (unless a dry run) writes the good ones: deal, history, audit. */
export async function importOpportunityBatch(
  scope: ImportScope,
  db: ImportDb,
  batch: NumberedRow[],
): Promise<void> {
  const judged = await judgeRows(scope, db, batch);
  const existing = await findOpportunitiesByExternalIds(
    db,
    scope.mapping.source,
    judged.map((row) => row.mapped.externalId),
  );
  const planned: Planned[] = [];
  for (const row of judged) planned.push(await plan(scope, db, row, existing.get(row.mapped.externalId)));
  if (scope.write) {
    await upsertImportedOpportunities(db, scope.mapping.source, planned);
    await insertStageChanges(
      db,
      planned.flatMap(({ opportunity, before, gate }) =>
        gate
          ? [
              {
                opportunityId: opportunity.id,
                fromStage: before?.stage ?? null,
                toStage: opportunity.stage,
                kind: 'imported' as const,
                overridden: false,
                changedBy: scope.actor.id,
                changedAt: scope.now,
              },
            ]
          : [],
      ),
    );
    await keepGateSnapshots(db, scope.gates.unwritten(planned.map(({ gate }) => gate)));
    await appendEvents(
      db,
      planned.map((row) => opportunityEvent(scope, row)),
    );
    await storeInspections(
      scope.context,
      db,
      planned.map(({ opportunity }) => opportunity.id),
    );
  }
  for (const row of planned) row.before ? scope.tally.updated++ : scope.tally.created++;
}

function opportunityEvent(scope: ImportScope, row: Planned): NewEvent {
  const { opportunity: deal } = row;
  return {
    occurredAt: scope.now,
    actorId: scope.actor.id,
    requestId: scope.actor.requestId ?? null,
    entityType: 'opportunity',
    entityId: deal.id,
    opportunityId: deal.id,
    action: 'opportunity.imported',
    before: row.before ? { stage: row.before.stage } : null,
    after: {
      source: scope.mapping.source,
      externalId: row.externalId,
      updated: !!row.before,
      name: deal.name,
      type: deal.type,
      stage: deal.stage,
      probability: deal.probability,
      forecastCategory: deal.forecastCategory,
      amountMinor: deal.amountMinor,
      currency: deal.currency,
      closeDate: deal.closeDate,
      ownerId: deal.ownerId,
    },
    gate: null,
    gateSnapshotId: row.gate?.id ?? null,
  };
}
