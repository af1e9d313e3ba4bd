import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getJson, type Revenue } from '../../api';

export type PeriodKind = Revenue['period'];

/** Bookings and retention of a range of periods; the answer on screen stays while another loads. */
export function useRevenue(range: { period: PeriodKind; from: string; to: string }) {
  return useQuery({
    queryKey: ['revenue', range],
    queryFn: ({ signal }) => getJson<Revenue>('/revenue', { ...range }, signal),
    placeholderData: keepPreviousData,
  });
}
