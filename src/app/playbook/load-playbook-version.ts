import { moveDeals, moveKey, readPlaybookUsage } from '../../db/repositories/playbook-usage-repo.js';
import {
  findLatestVersion,
  insertVersion,
  lockPlaybookVersions,
  type PlaybookVersion,
} from '../../db/repositories/playbook-versions-repo.js';
import {
  checkPlaybookChange,
  type PlaybookChangePlan,
  type PlaybookChangeProblem,
} from '../../domain/playbook/check-playbook-change.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { contentHash } from './content-hash.js';

/** Why a playbook was not put in force: every problem with its count, and the version in force it was judged by. */
export interface VersionRefusal {
  problems: PlaybookChangeProblem[];
  inForce: { number: number; playbookId: string } | null;
}

export interface LoadedVersion {
  version: PlaybookVersion;
  /** False when the playbook is the version already in force (same content): nothing was written. */
  created: boolean;
  plan: PlaybookChangePlan | null;
}

/**
 * Puts a playbook in force over the database: the same content as the latest version is that version; other
 * content is checked against every record (the pure checkPlaybookChange) and refused with every problem and its
 * count, or stored as the next version with its mappings applied to the records — deals moved (one audit event
 * each), keys renamed or retired, stage probabilities refreshed — and one `playbook.version_loaded` event, all
 * in one transaction.
 */
export async function loadPlaybookVersion(
  context: Pick<AppContext, 'db' | 'now' | 'newId'>,
  actor: Actor,
  playbook: Playbook,
): Promise<Result<LoadedVersion, VersionRefusal>> {
  const hash = contentHash(playbook);
  return context.db.transaction().execute(async (trx) => {
    await lockPlaybookVersions(trx);
    const latest = await findLatestVersion(trx);
    if (latest?.contentHash === hash) return ok({ version: latest, created: false, plan: null });
    const checked = checkPlaybookChange(playbook, await readPlaybookUsage(trx), latest?.playbook);
    if (!checked.ok) {
      const inForce = latest ? { number: latest.number, playbookId: latest.playbookId } : null;
      return err({ problems: checked.error, inForce });
    }
    const plan = checked.value;
    const now = context.now();
    const version: PlaybookVersion = {
      id: context.newId('pbv'),
      number: (latest?.number ?? 0) + 1,
      playbookId: playbook.id,
      contentHash: hash,
      playbook,
      mappings: playbook.mappings ?? null,
      summary: plan.summary,
      loadedAt: now,
      loadedBy: actor.id,
    };
    const audit = {
      at: now,
      actorId: actor.id,
      requestId: actor.requestId ?? null,
      playbookVersion: version.number,
    };
    for (const move of plan.keys) await moveKey(trx, move, now);
    for (const move of plan.deals) await moveDeals(trx, move, audit);
    await insertVersion(trx, version);
    await recordEvent(trx, actor, now, {
      entityType: 'playbook',
      entityId: version.id,
      action: 'playbook.version_loaded',
      before: latest ? { number: latest.number, contentHash: latest.contentHash } : null,
      after: {
        number: version.number,
        playbookId: version.playbookId,
        contentHash: hash,
        mappings: version.mappings,
        summary: plan.summary,
        deals: plan.deals,
        keys: plan.keys,
      },
    });
    return ok({ version, created: true, plan });
  });
}

/** The refusal, for a person reading a terminal: every problem on a line, and what to do. */
export function describeChangeRefusal(file: string, playbookId: string, refusal: VersionRefusal): string {
  const { problems, inForce } = refusal;
  const another =
    inForce && inForce.playbookId !== playbookId
      ? [
          `This database runs the playbook "${inForce.playbookId}" (version ${inForce.number}); "${playbookId}" is another one:`,
          `give it its own database (another DATA_DIR, e.g. DATA_DIR=.closepath-${playbookId}, or another DATABASE_URL), or`,
        ]
      : [];
  return [
    `closepath: the playbook ${file} does not fit the records in this database:`,
    ...problems.map((problem) => `  - ${problem.message}`),
    ...another,
    'Add the mappings to the file (`mappings:`, see docs/decisions/010-playbook-versions.md), or preview the',
    `change with \`closepath playbook diff --current ${file}\`.`,
  ].join('\n');
}
