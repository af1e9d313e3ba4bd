import { useEffect } from 'react';
import { useSearchParams } from 'wouter';
import type { BoardFilters } from './board-query';

/** The owner value in the address that means "every deal I can see" where the default is one's own. */
export const ALL_OWNERS = 'all';

/**
 * The board's filters live in the address (`?owner=…&region=…&type=…&quarter=…&q=…`), so a reload, Back
 * from a deal and a shared link keep them. Without an owner in the address the board shows the caller's own
 * deals when `mineFirst` (and writes that into the address, so a link to it says whose deals it shows);
 * `owner=all` is every deal the caller can see.
 */
export function useBoardFilters(
  me: string | null,
  mineFirst: boolean,
): [BoardFilters, (next: BoardFilters) => void] {
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner');
  const defaultsToMe = owner === null && mineFirst && me !== null;
  const filters: BoardFilters = {
    ownerId: owner === ALL_OWNERS ? null : defaultsToMe ? me : owner,
    region: params.get('region'),
    type: params.get('type'),
    closeQuarter: params.get('quarter'),
    q: params.get('q') ?? '',
  };

  const write = (next: BoardFilters) => {
    const entries = Object.entries({
      owner: next.ownerId ?? (mineFirst ? ALL_OWNERS : null),
      region: next.region,
      type: next.type,
      quarter: next.closeQuarter,
      q: next.q.trim() === '' ? null : next.q,
    }).filter((entry): entry is [string, string] => Boolean(entry[1]));
    setParams(entries, { replace: true });
  };

  // The default made explicit in the address (once, without a history entry).
  useEffect(() => {
    if (!defaultsToMe || !me) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('owner', me);
        return next;
      },
      { replace: true },
    );
  }, [defaultsToMe, me, setParams]);

  return [filters, write];
}
