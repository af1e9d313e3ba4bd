import type { Kysely } from 'kysely';
import type { ImportError } from '../../db/repositories/import-runs-repo.js';
import type { User } from '../../db/repositories/users-repo.js';
import type { Database } from '../../db/schema.js';
import type { ImportMapping } from '../../domain/imports/import-mapping.js';
import type { FieldProblem } from '../../domain/imports/row-values.js';
import type { Actor, AppContext } from '../context.js';
import type { ActiveTerritories } from '../territory/compiled-territories.js';
import type { SharedGateSnapshots } from './shared-gate-snapshots.js';

/** The first errors a run keeps (the count goes on). */
export const MAX_KEPT_ERRORS = 1000;

/** What every batch of one import shares: who, when, the mapping, the users and the territory model. */
export interface ImportScope {
  context: AppContext;
  actor: Actor;
  mapping: ImportMapping;
  now: Date;
  /** Write the rows, or (dry run) only judge them. */
  write: boolean;
  usersByEmail: ReadonlyMap<string, User>;
  territories: ActiveTerritories | null;
  /** The accounts of this run by external id: their Closepath id and owner (a dry run writes none of them). */
  accounts: Map<string, { id: string; ownerId: string | null }>;
  tally: ImportTally;
  /** The imported deals' gate snapshots, judged and written once each (decision 023). */
  gates: SharedGateSnapshots;
}

/** Counts and the kept errors of one run. */
export class ImportTally {
  rowsDone = 0;
  created = 0;
  updated = 0;
  rejected = 0;
  errorCount = 0;
  readonly errors: ImportError[] = [];

  reject(file: string, line: number, problems: readonly FieldProblem[]): void {
    this.rejected++;
    for (const problem of problems) {
      this.errorCount++;
      if (this.errors.length < MAX_KEPT_ERRORS) this.errors.push({ file, line, ...problem });
    }
  }

  /** Rows written are un-counted when their transaction is rolled back. */
  reset(): void {
    this.created = 0;
    this.updated = 0;
  }
}

/** The active user with this e-mail (case-insensitive), else why not, at the owner column. */
export function ownerByEmail(scope: ImportScope, email: string, field: string): User | FieldProblem {
  const user = scope.usersByEmail.get(email.toLowerCase());
  if (!user) return { field, message: `no Closepath user has the e-mail ${email}` };
  if (!user.active) return { field, message: `${email} is disabled` };
  return user;
}

export type ImportDb = Kysely<Database>;
