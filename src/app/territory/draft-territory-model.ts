import {
  insertTerritoryModel,
  lockTerritoryModels,
  nextTerritoryModelNumber,
  type TerritoryModelVersion,
} from '../../db/repositories/territory-models-repo.js';
import type { TerritoryModel } from '../../domain/territory/territory-model.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';

/** Stores a model as the next version, a draft, with its `territory_model.created` event (one transaction). */
export async function draftTerritoryModel(
  context: AppContext,
  actor: Actor,
  model: TerritoryModel,
  origin: { source: string } | { copyOf: { id: string; version: number } },
): Promise<TerritoryModelVersion> {
  return context.db.transaction().execute(async (trx) => {
    await lockTerritoryModels(trx);
    const now = context.now();
    const version: TerritoryModelVersion = {
      id: context.newId('terr'),
      version: await nextTerritoryModelNumber(trx),
      name: model.name,
      status: 'draft',
      model,
      source: 'source' in origin ? origin.source : null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      activatedAt: null,
      activatedBy: null,
      archivedAt: null,
      rowVersion: 1,
    };
    await insertTerritoryModel(trx, version);
    await recordEvent(trx, actor, now, {
      entityType: 'territory_model',
      entityId: version.id,
      action: 'territory_model.created',
      after: {
        version: version.version,
        name: version.name,
        ...('copyOf' in origin ? { copyOf: origin.copyOf } : { imported: true }),
      },
    });
    return version;
  });
}
