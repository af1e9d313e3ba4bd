import { z } from 'zod';
import { listOpenDealsInStages } from '../../db/repositories/opportunities-repo.js';
import { readPlaybookUsage } from '../../db/repositories/playbook-usage-repo.js';
import { findLatestVersion } from '../../db/repositories/playbook-versions-repo.js';
import type { MissingRequirement } from '../../domain/gates/requirement-check.js';
import { newlyUnmet, stagesAskingMore } from '../../domain/gates/unmet-after-change.js';
import {
  checkPlaybookChange,
  type PlaybookChangePlan,
  type PlaybookChangeProblem,
} from '../../domain/playbook/check-playbook-change.js';
import { diffPlaybooks, type PlaybookDiff } from '../../domain/playbook/diff-playbooks.js';
import { findPipeline, findStage } from '../../domain/playbook/lookup.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { loadQualification, toFacts } from '../opportunities/load-opportunity-facts.js';
import { contentHash } from './content-hash.js';
import { parsePlaybook } from './load-playbook.js';
import { refuseUnlessPlaybookManager } from './require-playbook-right.js';

/** The candidate: a whole playbook file as text, YAML or JSON (at most 1 MB). */
export const previewInput = z
  .object({ source: z.string().min(1).max(1_000_000).describe('The candidate playbook file, YAML or JSON') })
  .strict();
export type PreviewInput = z.infer<typeof previewInput>;

export interface DealFallingShort {
  id: string;
  name: string;
  pipeline: string;
  stage: string;
  stageName: string;
  missing: MissingRequirement[];
}

export interface PlaybookPreview {
  inForce: { number: number | null; playbookId: string; name: string };
  candidate: { playbookId: string; name: string; contentHash: string; sameAsInForce: boolean };
  diff: PlaybookDiff;
  /** Whether the server would start with it: every key the records use is in it or mapped. */
  check: { accepted: boolean; problems: PlaybookChangeProblem[]; plan: PlaybookChangePlan | null };
  /** Open deals whose (mapped) stage now asks for something they have not met. */
  unmet: { deals: DealFallingShort[]; checked: number; total: number; truncated: boolean };
}

/** How many open deals one preview judges one by one (the check itself counts every record). */
export const PREVIEW_DEAL_LIMIT = 200;

async function dealsFallingShort(context: AppContext, previous: Playbook, next: Playbook) {
  const stages = stagesAskingMore(previous, next);
  const { deals, total } = await listOpenDealsInStages(context.db, stages, PREVIEW_DEAL_LIMIT);
  const now = context.now();
  const short: DealFallingShort[] = [];
  for (const deal of deals) {
    const facts = toFacts(previous, deal, await loadQualification(context.db, deal, now));
    const missing = newlyUnmet(previous, next, facts);
    if (missing.length === 0) continue;
    const pipeline = findPipeline(previous, deal.pipeline);
    const stageName = (pipeline && findStage(pipeline, deal.stage)?.name) ?? deal.stage;
    short.push({
      id: deal.id,
      name: deal.name,
      pipeline: deal.pipeline,
      stage: deal.stage,
      stageName,
      missing,
    });
  }
  return { deals: short, checked: deals.length, total, truncated: total > deals.length };
}

/**
 * What loading a candidate playbook would do, changing nothing: the diff against the version in force, the
 * check of every record against it (the refusal the server would give, with counts, or the moves it would make)
 * and the open deals that would fall short at their stage.
 */
export async function previewPlaybookChange(
  context: AppContext,
  actor: Actor,
  input: PreviewInput,
): Promise<Result<PlaybookPreview, AppError>> {
  const refusal = refuseUnlessPlaybookManager(actor);
  if (refusal) return err(refusal);
  const parsed = parsePlaybook(input.source, 'candidate');
  if (!parsed.ok) {
    return err(
      invalid(
        parsed.error.map((problem) => ({
          path: problem.path ? `source.${problem.path}` : 'source',
          message: problem.message,
        })),
      ),
    );
  }
  const next = parsed.value;
  const latest = await findLatestVersion(context.db);
  const previous = latest?.playbook ?? context.playbook;
  const hash = contentHash(next);
  return ok({
    inForce: { number: latest?.number ?? null, playbookId: previous.id, name: previous.name },
    candidate: {
      playbookId: next.id,
      name: next.name,
      contentHash: hash,
      sameAsInForce: latest?.contentHash === hash,
    },
    diff: diffPlaybooks(previous, next),
    ...(await judgeChange(context, previous, next)),
  });
}

/** The live-data half of a preview: the check of every record, and the open deals that would fall short. */
export async function judgeChange(
  context: AppContext,
  previous: Playbook,
  next: Playbook,
): Promise<Pick<PlaybookPreview, 'check' | 'unmet'>> {
  const checked = checkPlaybookChange(next, await readPlaybookUsage(context.db), previous);
  return {
    check: checked.ok
      ? { accepted: true, problems: [], plan: checked.value }
      : { accepted: false, problems: checked.error, plan: null },
    unmet: await dealsFallingShort(context, previous, next),
  };
}
