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

/** One (owner, currency) group of the deals at risk, as the grouped statement counts and sums them. */
export interface OwnerCurrencyGroup {
  ownerId: string;
  currency: string;
  deals: number;
  /** Minor units as a decimal string. */
  amountMinor: string;
}

function sumByCurrency(groups: readonly OwnerCurrencyGroup[]): MoneyTotal[] {
  const sums = new Map<string, bigint>();
  for (const group of groups)
    sums.set(group.currency, (sums.get(group.currency) ?? 0n) + BigInt(group.amountMinor));
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => ({ currency, amountMinor: sum.toString() }));
}

/**
 * How many deals are at risk and for how much, in all and per owner (most deals first, then owner id), from the
 * per-owner-and-currency groups the database counted.
 */
export function totalAtRisk(groups: readonly OwnerCurrencyGroup[]): {
  totals: AtRiskTotals;
  byOwner: OwnerTotals[];
} {
  const owners = new Map<string, OwnerCurrencyGroup[]>();
  for (const group of groups) owners.set(group.ownerId, [...(owners.get(group.ownerId) ?? []), group]);
  const count = (some: readonly OwnerCurrencyGroup[]) => some.reduce((sum, group) => sum + group.deals, 0);
  const byOwner = [...owners.entries()]
    .map(([ownerId, owned]) => ({ ownerId, deals: count(owned), amounts: sumByCurrency(owned) }))
    .sort((a, b) => b.deals - a.deals || a.ownerId.localeCompare(b.ownerId));
  return { totals: { deals: count(groups), amounts: sumByCurrency(groups) }, byOwner };
}
