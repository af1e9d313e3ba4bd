import { readFile } from 'node:fs/promises';
import { systemActor } from '../../app/access/actors.js';
import type { AppContext } from '../../app/context.js';
import { activateTerritoryModel } from '../../app/territory/activate-territory-model.js';
import { importTerritoryModel } from '../../app/territory/import-territory-model.js';
import { previewReassignment } from '../../app/territory/preview-reassignment.js';
import { valueOrThrow } from '../cli-input.js';

/**
 * `closepath territory import FILE [--activate]`: the file as a new draft version, then (with --activate) the
 * reassignment preview's totals and the activation, as RevOps does it on the Territories page. Returns the exit
 * code: 0, or 1 when activation is refused (each reason printed).
 */
export async function importTerritoryFile(
  context: AppContext,
  file: string,
  activate: boolean,
): Promise<number> {
  const actor = systemActor('cli');
  const draft = valueOrThrow(await importTerritoryModel(context, actor, await readFile(file, 'utf8')));
  const { coverage } = draft;
  console.log(
    `${file}: draft version ${draft.version} (${draft.id}); coverage: ${
      coverage.ok
        ? `every leaf has exactly one AE (${coverage.leaves} checked)`
        : `${coverage.gaps.length} gap(s), ${coverage.overlaps.length} overlap(s)`
    }`,
  );
  if (!activate) return 0;
  const preview = valueOrThrow(await previewReassignment(context, actor, draft.id));
  if (!preview.canActivate) {
    for (const refusal of preview.refusals) console.error(`refused: ${refusal}`);
    return 1;
  }
  console.log(
    `preview: ${preview.accounts.moving} of ${preview.accounts.total} account(s) and ${preview.deals.moving} open deal(s) change owner; ${preview.accounts.kept} account(s) kept`,
  );
  const activated = valueOrThrow(
    await activateTerritoryModel(context, actor, draft.id, { rowVersion: draft.rowVersion }),
  );
  console.log(
    `version ${activated.model.version} is active: ${activated.accountsMoved} account(s) and ${activated.dealsMoved} deal(s) moved`,
  );
  return 0;
}
