import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Principal } from '../domain/access/principal.js';
import type { Playbook } from '../domain/playbook/playbook.js';
import type { TargetRules } from '../domain/webhooks/webhook-url.js';
import type { ESignature } from './integrations/e-signature.js';
import type { PrivateOffers } from './integrations/private-offers.js';

/**
 * Who is acting: a signed-in user (session or API token), or the system (CLI, seed) acting as an admin.
 * `canOverride`/`canReopen` come from the role (the gate reads them); `readOnly` is set for read-scoped tokens.
 */
export interface Actor {
  id: string;
  principal: Principal;
  canOverride: boolean;
  canReopen: boolean;
  readOnly: boolean;
  requestId?: string;
}

/** What every use case is given: the database, the playbook in force, the clock and an id source. */
export interface AppContext {
  db: Kysely<Database>;
  playbook: Playbook;
  /** The number of the playbook version in force (stored with each inspection; absent in tests: 0). */
  playbookVersion?: number;
  now: () => Date;
  newId: (prefix: string) => string;
  /** Where webhook subscriptions may point (https, public addresses) unless configured otherwise. */
  webhookTargets?: TargetRules;
  /** The vendor ports of the closing steps (absent: not configured on this server; tests pass fakes). */
  integrations?: { eSignature: ESignature; privateOffers: PrivateOffers };
}
