import { useLocation, useSearchParams } from 'wouter';
import { BOARD_SORTS, type BoardFilters, type BoardSort } from './board-query';

const isSort = (value: string | null): value is BoardSort =>
  (BOARD_SORTS as readonly (string | null)[]).includes(value);

/** The owner value in the address that means "every deal I can see" where the default is one's own. */
export const ALL_OWNERS = 'all';

/**
 * The board's filters and order live in the address (`?owner=…&region=…&type=…&quarter=…&q=…&sort=…`), so a reload, Back
 * from a deal and a shared link keep them. Without an owner in the address the board shows the caller's own
 * deals when `mineFirst` (the links to it name the owner); `owner=all` is every deal the caller can see.
 */
export function useBoardFilters(
  me: string | null,
  mineFirst: boolean,
): [BoardFilters, (next: BoardFilters) => void] {
  const [here] = useLocation();
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner');
  const sort = params.get('sort');
  const filters: BoardFilters = {
    sort: isSort(sort) ? sort : 'closeDate',
    ownerId: owner === ALL_OWNERS ? null : owner === null && mineFirst ? me : owner,
    region: params.get('region'),
    type: params.get('type'),
    closeQuarter: params.get('quarter'),
    q: params.get('q') ?? '',
  };

  const write = (next: BoardFilters) => {
    // A change that lands after the person has left the board (the search box's debounce) is dropped:
    // writing it would take them back.
    if (window.location.pathname !== here) return;
    const entries = Object.entries({
      owner: next.ownerId ?? (mineFirst ? ALL_OWNERS : null),
      region: next.region,
      type: next.type,
      quarter: next.closeQuarter,
      q: next.q.trim() === '' ? null : next.q,
      sort: next.sort === 'closeDate' ? null : next.sort,
    }).filter((entry): entry is [string, string] => Boolean(entry[1]));
    setParams(entries, { replace: true });
  };

  return [filters, write];
}
