/** Money summed per currency, in minor units as decimal strings: a sum of many deals may pass 2^53. */
export interface MoneyTotal {
  currency: string;
  amountMinor: string;
}

export interface AtRiskTotals {
  deals: number;
  amounts: MoneyTotal[];
}

export interface OwnerTotals extends AtRiskTotals {
  ownerId: string;
}

type Deal = { ownerId: string; amountMinor: number; currency: string };

function sumByCurrency(deals: readonly Deal[]): MoneyTotal[] {
  const sums = new Map<string, bigint>();
  for (const deal of deals)
    sums.set(deal.currency, (sums.get(deal.currency) ?? 0n) + BigInt(deal.amountMinor));
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => ({ currency, amountMinor: sum.toString() }));
}

/** How many deals are at risk and for how much, in all and per owner (most deals first, then owner id). */
export function totalAtRisk(deals: readonly Deal[]): { totals: AtRiskTotals; byOwner: OwnerTotals[] } {
  const owners = new Map<string, Deal[]>();
  for (const deal of deals) owners.set(deal.ownerId, [...(owners.get(deal.ownerId) ?? []), deal]);
  const byOwner = [...owners.entries()]
    .map(([ownerId, owned]) => ({ ownerId, deals: owned.length, amounts: sumByCurrency(owned) }))
    .sort((a, b) => b.deals - a.deals || a.ownerId.localeCompare(b.ownerId));
  return { totals: { deals: deals.length, amounts: sumByCurrency(deals) }, byOwner };
}
