import type { OpenedPglite } from '../../db/pglite/open-pglite.js';
import { workerDatabase } from '../../db/pglite/worker-database.js';
import type { WorkerQuery } from '../../db/pglite/worker-protocol.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import type { AppContext } from '../context.js';
import { newId } from '../open-app.js';
import { type SeedOptions, type SeedSummary, seedDemo } from './seed-demo.js';

// The demo seed plays ~5,600 use cases, ~50,000 statements. On PGlite it runs inside the database's worker
// thread (this module is the job), so no statement pays the thread hop; the use cases are the same.

interface SeedJobInput {
  playbook: Playbook;
  /** The playbook version in force, stored with each deal's inspection. */
  playbookVersion: number | undefined;
  anchor: Date;
  accounts?: number | undefined;
  opportunities?: number | undefined;
}

interface SeedProgress {
  done: number;
  total: number;
}

/** The worker's entry point (WorkerJobModule): seedDemo over the worker's PGlite. */
export async function runInDatabaseWorker(
  query: WorkerQuery,
  input: unknown,
  report: (progress: unknown) => void,
): Promise<SeedSummary> {
  const { playbook, playbookVersion, anchor, accounts, opportunities } = input as SeedJobInput;
  const context = { db: workerDatabase(query), playbook, playbookVersion, now: () => anchor, newId };
  return seedDemo(context, {
    anchor,
    ...(accounts === undefined ? {} : { accounts }),
    ...(opportunities === undefined ? {} : { opportunities }),
    onProgress: (done, total) => report({ done, total } satisfies SeedProgress),
  });
}

/** seedDemo, run inside the PGlite worker thread of `database`. */
export async function seedDemoInWorker(
  database: OpenedPglite,
  { playbook, playbookVersion }: Pick<AppContext, 'playbook' | 'playbookVersion'>,
  options: Pick<SeedOptions, 'anchor' | 'accounts' | 'opportunities' | 'onProgress'>,
): Promise<SeedSummary> {
  const { anchor, accounts, opportunities } = options;
  const input: SeedJobInput = { playbook, playbookVersion, anchor, accounts, opportunities };
  const summary = await database.runInWorker(new URL(import.meta.url), input, (progress) => {
    const { done, total } = progress as SeedProgress;
    options.onProgress?.(done, total);
  });
  return summary as SeedSummary;
}
