import type { Kysely, Selectable } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { Account, ClosingRole, Contact, Segment } from '../../domain/account/account.js';
import type { Database } from '../schema.js';
import { visibleTo } from './visibility-filter.js';

function toAccount(row: Selectable<Database['accounts']>): Account {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    segment: row.segment as Segment,
    industry: row.industry,
    country: row.country,
    subdivision: row.subdivision,
    city: row.city,
    postalCode: row.postal_code,
    county: row.county,
    csmId: row.csm_id,
    ownerId: row.owner_id,
    ownerPinned: row.owner_pinned,
    selfServeUsage: row.self_serve_usage,
    awsAccountId: row.aws_account_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function accountRow(account: Account) {
  return {
    id: account.id,
    name: account.name,
    domain: account.domain,
    segment: account.segment,
    industry: account.industry,
    country: account.country,
    subdivision: account.subdivision,
    city: account.city,
    postal_code: account.postalCode,
    county: account.county,
    csm_id: account.csmId,
    owner_id: account.ownerId,
    owner_pinned: account.ownerPinned,
    self_serve_usage: account.selfServeUsage,
    aws_account_id: account.awsAccountId,
    version: account.version,
    created_at: account.createdAt,
    updated_at: account.updatedAt,
  };
}

export async function insertAccount(db: Kysely<Database>, account: Account): Promise<void> {
  await db.insertInto('accounts').values(accountRow(account)).execute();
}

export async function saveAccount(db: Kysely<Database>, account: Account): Promise<void> {
  const { id, created_at: _created, ...fields } = accountRow(account);
  await db.updateTable('accounts').set(fields).where('id', '=', id).execute();
}

export async function findAccount(db: Kysely<Database>, id: string, options: { lock?: boolean } = {}) {
  const query = db.selectFrom('accounts').selectAll().where('id', '=', id);
  const row = await (options.lock ? query.forUpdate() : query).executeTakeFirst();
  return row && toAccount(row);
}

export interface AccountFilter {
  search?: string;
  country?: string;
  segment?: Segment;
  ownerId?: string;
}

/** A page in (lower(name), id) order. */
/** The names of the given accounts, by id (one query). */
export async function findAccountNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function listAccounts(
  db: Kysely<Database>,
  filter: AccountFilter,
  visibility: Visibility,
  page: { limit: number; after?: { name: string; id: string } },
): Promise<Account[]> {
  let query = db.selectFrom('accounts').selectAll().where(visibleTo('accounts', visibility));
  if (filter.search) query = query.where('name', 'ilike', `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`);
  if (filter.country) query = query.where('country', '=', filter.country);
  if (filter.segment) query = query.where('segment', '=', filter.segment);
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.tuple(eb.fn('lower', ['name']), eb.ref('id')), '>', eb.tuple(after.name.toLowerCase(), after.id)),
    );
  }
  const rows = await query
    .orderBy((eb) => eb.fn('lower', ['name']))
    .orderBy('id')
    .limit(page.limit)
    .execute();
  return rows.map(toAccount);
}

const closingRolesOf = (row: { docusign_signer: boolean; aws_admin: boolean }): ClosingRole[] => [
  ...(row.docusign_signer ? (['docusign_signer'] as const) : []),
  ...(row.aws_admin ? (['aws_admin'] as const) : []),
];

function toContact(row: Selectable<Database['contacts']>): Contact {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    email: row.email,
    title: row.title,
    phone: row.phone,
    closingRoles: closingRolesOf(row),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function contactRow(contact: Contact) {
  return {
    id: contact.id,
    account_id: contact.accountId,
    name: contact.name,
    email: contact.email,
    title: contact.title,
    phone: contact.phone,
    docusign_signer: contact.closingRoles.includes('docusign_signer'),
    aws_admin: contact.closingRoles.includes('aws_admin'),
    version: contact.version,
    created_at: contact.createdAt,
    updated_at: contact.updatedAt,
  };
}

export async function insertContact(db: Kysely<Database>, contact: Contact): Promise<void> {
  await db.insertInto('contacts').values(contactRow(contact)).execute();
}

export async function saveContact(db: Kysely<Database>, contact: Contact): Promise<void> {
  const { id, created_at: _created, ...fields } = contactRow(contact);
  await db.updateTable('contacts').set(fields).where('id', '=', id).execute();
}

export async function findContact(db: Kysely<Database>, id: string, options: { lock?: boolean } = {}) {
  const query = db.selectFrom('contacts').selectAll().where('id', '=', id);
  const row = await (options.lock ? query.forUpdate() : query).executeTakeFirst();
  return row && toContact(row);
}

export async function listContacts(db: Kysely<Database>, accountId: string): Promise<Contact[]> {
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('name')
    .execute();
  return rows.map(toContact);
}
