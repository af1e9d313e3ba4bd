import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../schema.js';

export type DisabledReason = 'admin' | 'gone';

/** A subscription as the API shows it: never its secrets. */
export interface WebhookSubscription {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  active: boolean;
  /** `admin` (disabled by a person) or `gone` (the receiver answered 410 Gone); null while active. */
  disabledReason: DisabledReason | null;
  /** Until when messages also carry a signature with the secret before the last rotation. */
  previousSecretUntil: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** What signing needs: the secret, and the previous one while its grace lasts. */
export interface SubscriptionSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

type Row = Selectable<Database['webhook_subscriptions']>;

export function toSubscription(row: Row): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types as string[],
    active: row.active,
    disabledReason: row.disabled_reason as DisabledReason | null,
    previousSecretUntil: row.previous_secret_until,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export async function insertSubscription(
  db: Kysely<Database>,
  subscription: WebhookSubscription,
  secret: string,
): Promise<void> {
  await db
    .insertInto('webhook_subscriptions')
    .values({
      id: subscription.id,
      url: subscription.url,
      description: subscription.description,
      event_types: JSON.stringify(subscription.eventTypes),
      secret,
      created_by: subscription.createdBy,
      created_at: subscription.createdAt,
      updated_at: subscription.updatedAt,
    })
    .execute();
}

/** The subscription, locked for the change about to be made (call inside its transaction). */
export async function lockSubscription(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? { subscription: toSubscription(row), secrets: secretsOf(row) } : undefined;
}

const secretsOf = (row: Row): SubscriptionSecrets => ({
  secret: row.secret,
  previousSecret: row.previous_secret,
  previousSecretUntil: row.previous_secret_until,
});

export async function findSubscription(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toSubscription(row) : undefined;
}

/** Oldest first, after the keyset `after` (created_at, id). */
export async function listSubscriptions(
  db: Kysely<Database>,
  page: { limit: number; after?: { createdAt: Date; id: string } | undefined },
): Promise<WebhookSubscription[]> {
  let query = db.selectFrom('webhook_subscriptions').selectAll();
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '>', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('created_at').orderBy('id').limit(page.limit).execute();
  return rows.map(toSubscription);
}

/** The active subscriptions with their filters: what a fan-out batch matches messages against. */
export async function listActiveSubscriptions(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'event_types', 'created_at'])
    .where('active', '=', true)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventTypes: row.event_types as string[],
    createdAt: row.created_at,
  }));
}

export interface SubscriptionChange {
  url?: string;
  description?: string | null;
  eventTypes?: string[];
  active?: boolean;
  disabledReason?: DisabledReason | null;
  secret?: string;
  previousSecret?: string | null;
  previousSecretUntil?: Date | null;
}

/** Writes a change and bumps the version; answers the subscription as it now is. */
export async function updateSubscription(
  db: Kysely<Database>,
  id: string,
  change: SubscriptionChange,
  at: Date,
): Promise<WebhookSubscription> {
  const row = await db
    .updateTable('webhook_subscriptions')
    .set((eb) => ({
      ...(change.url !== undefined && { url: change.url }),
      ...(change.description !== undefined && { description: change.description }),
      ...(change.eventTypes !== undefined && { event_types: JSON.stringify(change.eventTypes) }),
      ...(change.active !== undefined && { active: change.active }),
      ...(change.disabledReason !== undefined && { disabled_reason: change.disabledReason }),
      ...(change.secret !== undefined && { secret: change.secret }),
      ...(change.previousSecret !== undefined && { previous_secret: change.previousSecret }),
      ...(change.previousSecretUntil !== undefined && { previous_secret_until: change.previousSecretUntil }),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSubscription(row);
}
