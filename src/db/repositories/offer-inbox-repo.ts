import { type Kysely, sql } from 'kysely';
import type { Role } from '../../domain/access/roles.js';
import type { Offer } from '../../domain/closing/offer.js';
import type { Database } from '../schema.js';
import { loadOffers } from './offers-repo.js';

/** The deal of an offer waiting for approval, as the approvals inbox shows it. */
export interface AwaitingDeal {
  id: string;
  name: string;
  pipeline: string;
  stage: string;
  amountMinor: number;
  currency: string;
  open: boolean;
  ownerId: string;
  ownerName: string;
  accountId: string;
  accountName: string;
}

/**
 * The offers whose current version waits for a step of `role` (the indexed `awaiting_role` column) and whose
 * chain has a step of that role the caller's region can hold: `any` scope, or `deal_region` for their region.
 * A coarse filter: which step waits and the four-eyes rule are judged by the domain on what this returns.
 */
export async function listOffersAwaiting(
  db: Kysely<Database>,
  role: Role,
  region: string | null,
): Promise<Array<{ offer: Offer; deal: AwaitingDeal }>> {
  const anyScope = JSON.stringify([{ role, scope: 'any' }]);
  const regional = JSON.stringify([{ role, scope: 'deal_region', region }]);
  const rows = await db
    .selectFrom('offer_versions as v')
    .innerJoin('offers', 'offers.id', 'v.offer_id')
    .innerJoin('opportunities as o', 'o.id', 'offers.opportunity_id')
    .innerJoin('accounts as a', 'a.id', 'o.account_id')
    .innerJoin('users as u', 'u.id', 'o.owner_id')
    .selectAll('offers')
    .select([
      'o.name as deal_name',
      'o.pipeline',
      'o.stage',
      'o.amount_minor',
      'o.currency as deal_currency',
      'o.closed_at',
      'o.owner_id',
      'u.name as owner_name',
      'o.account_id',
      'a.name as account_name',
    ])
    .where('v.status', '=', 'in_approval')
    .where('v.awaiting_role', '=', role)
    .where((eb) =>
      eb.or([
        sql<boolean>`v.chain @> ${anyScope}::jsonb`,
        ...(region === null ? [] : [sql<boolean>`v.chain @> ${regional}::jsonb`]),
      ]),
    )
    .orderBy('offers.id')
    .execute();
  const offers = new Map((await loadOffers(db, rows)).map((offer) => [offer.id, offer]));
  return rows.flatMap((row) => {
    const offer = offers.get(row.id);
    if (!offer) return [];
    const deal: AwaitingDeal = {
      id: row.opportunity_id,
      name: row.deal_name,
      pipeline: row.pipeline,
      stage: row.stage,
      amountMinor: row.amount_minor,
      currency: row.deal_currency,
      open: row.closed_at === null,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      accountId: row.account_id,
      accountName: row.account_name,
    };
    return [{ offer, deal }];
  });
}
