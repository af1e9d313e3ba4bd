import { saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import {
  deleteAttestation,
  listAttestations,
  saveAttestation,
} from '../../db/repositories/qualification-repo.js';
import type { AttestationRecord } from '../../domain/opportunity/opportunity.js';
import { findCriterion } from '../../domain/playbook/lookup.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lockOpportunity } from '../access/authorize.js';
import { type AppError, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import { recordEvent } from '../shared/record-event.js';
import type { AttestationInput } from './opportunity-inputs.js';

type Change = { kind: 'attest'; input: AttestationInput } | { kind: 'withdraw' };

/** Ticks (or withdraws) an attested criterion of the deal's pipeline: who, when, note, evidence link. */
export async function attestCriterion(
  context: AppContext,
  actor: Actor,
  id: string,
  criterionKey: string,
  change: Change,
  expectedVersion?: number,
): Promise<Result<AttestationRecord | null, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOpportunity(trx, actor, id, 'qualify', expectedVersion);
    if (!locked.ok) return locked;
    const opportunity = locked.value;
    const found = findCriterion(context.playbook, opportunity.pipeline, criterionKey);
    if (!found) {
      return err(
        invalid([
          {
            path: 'criterion',
            message: `no criterion "${criterionKey}" in the ${opportunity.pipeline} pipeline`,
          },
        ]),
      );
    }
    const { criterion } = found;
    if (criterion.source.kind === 'derived') {
      return err(
        invalid([
          {
            path: 'criterion',
            message: `"${criterion.text}" is derived from the deal's data; it cannot be ticked`,
          },
        ]),
      );
    }
    if (change.kind === 'attest' && criterion.source.evidenceRequired && !change.input.evidenceUrl) {
      return err(invalid([{ path: 'evidenceUrl', message: `"${criterion.text}" needs an evidence link` }]));
    }
    const now = context.now();
    const before =
      (await listAttestations(trx, id)).find((entry) => entry.criterion === criterion.key) ?? null;
    if (change.kind === 'withdraw' && !before) return ok(null);
    const record: AttestationRecord | null =
      change.kind === 'attest'
        ? {
            criterion: criterion.key,
            attestedBy: actor.id,
            attestedAt: now,
            note: change.input.note ?? null,
            evidenceUrl: change.input.evidenceUrl ?? null,
          }
        : null;
    if (record) await saveAttestation(trx, id, record);
    else await deleteAttestation(trx, id, criterion.key);
    await saveOpportunity(trx, { ...opportunity, version: opportunity.version + 1, updatedAt: now });
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: id,
      action: record ? 'opportunity.criterion_attested' : 'opportunity.criterion_withdrawn',
      before,
      after: record,
    });
    await storeInspections(context, trx, [id]);
    return ok(record);
  });
}
