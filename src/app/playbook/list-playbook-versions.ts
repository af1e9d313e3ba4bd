import { listVersions, type PlaybookVersion } from '../../db/repositories/playbook-versions-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { refuseUnlessPlaybookManager } from './require-playbook-right.js';

export type PlaybookVersionEntry = Omit<PlaybookVersion, 'playbook'> & { name: string; inForce: boolean };

/** Every version the database has run, newest (the one in force) first. */
export async function listPlaybookVersions(
  context: AppContext,
  actor: Actor,
): Promise<Result<{ items: PlaybookVersionEntry[] }, AppError>> {
  const refusal = refuseUnlessPlaybookManager(actor);
  if (refusal) return err(refusal);
  const versions = await listVersions(context.db);
  return ok({ items: versions.map((version, index) => ({ ...version, inForce: index === 0 })) });
}
