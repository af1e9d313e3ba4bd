import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { storeInspections } from '../../src/app/inspection/store-inspections.js';
import type { Database } from '../../src/db/schema.js';
import { testContext } from './factories.js';

const T0 = new Date('2026-11-02T09:00:00.000Z');
const newTestId = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

/** Inserts a user row straight through the schema (for database-layer tests, below the repositories). */
export async function insertUserRow(
  db: Kysely<Database>,
  overrides: Partial<Insertable<Database['users']>> = {},
) {
  const id = overrides.id ?? newTestId('user');
  const row = {
    id,
    email: `${id}@example.com`,
    name: 'Ada',
    role: 'ae' as const,
    created_at: T0,
    ...overrides,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

export async function insertAccountRow(
  db: Kysely<Database>,
  overrides: Partial<Insertable<Database['accounts']>> = {},
) {
  const row = {
    id: newTestId('acct'),
    name: 'Acme',
    segment: 'enterprise' as const,
    country: 'FR',
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
  await db.insertInto('accounts').values(row).execute();
  return row;
}

/**
 * Inserts a deal row straight through the schema — and, as every write of a deal does, stores its inspection
 * (under the Firebolt playbook of the test context, as of the row's `updated_at`), so an open deal has its row.
 */
export async function insertOpportunityRow(
  db: Kysely<Database>,
  refs: { accountId: string; ownerId: string },
  overrides: Partial<Insertable<Database['opportunities']>> = {},
) {
  const row = {
    id: newTestId('opp'),
    account_id: refs.accountId,
    owner_id: refs.ownerId,
    name: 'Acme expansion',
    type: 'new_business',
    pipeline: 'new_business',
    stage: 'created',
    probability: 10,
    forecast_category: 'pipeline',
    amount_minor: 12_345_600,
    currency: 'EUR',
    close_date: '2026-12-31',
    source: 'ae',
    stage_entered_at: T0,
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
  await db.insertInto('opportunities').values(row).execute();
  const { context } = testContext(db, new Date(row.updated_at));
  await storeInspections(context, db, [row.id]);
  return row;
}
