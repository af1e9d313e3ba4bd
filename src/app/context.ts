import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Playbook } from '../domain/playbook/playbook.js';

/** Who is acting. Until sign-in exists (issue 3) the API acts as `anonymous`, the CLI as `cli`. */
export interface Actor {
  id: string;
  canOverride: boolean;
  canReopen: boolean;
  requestId?: string;
}

/** What every use case is given: the database, the playbook in force, the clock and an id source. */
export interface AppContext {
  db: Kysely<Database>;
  playbook: Playbook;
  now: () => Date;
  newId: (prefix: string) => string;
}
