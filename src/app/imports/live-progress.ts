import type { ImportRun } from '../../db/repositories/import-runs-repo.js';

/**
 * The all-or-nothing runs this process is importing, as they stand. Such a run works in one transaction, so
 * what it writes of its progress is seen only when it ends — and on the embedded engine (one connection) a
 * read would wait for it. getImportRun answers these runs from here, without the database.
 */
const runs = new Map<string, ImportRun>();

export const liveProgress = {
  start: (run: ImportRun) => runs.set(run.id, run),
  advance: (runId: string, rowsDone: number, rejected: number) => {
    const run = runs.get(runId);
    if (run) runs.set(runId, { ...run, rowsDone, rejected });
  },
  of: (runId: string): ImportRun | undefined => runs.get(runId),
  end: (runId: string) => runs.delete(runId),
};
