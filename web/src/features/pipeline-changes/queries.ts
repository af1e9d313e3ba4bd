import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type DealSnapshot, type ForecastChanges, getJson, request } from '../../api';

export interface ChangesFilters {
  from: string;
  to: string;
  /** 2026-11, 2026-Q4 or 2026; empty: the quarter of `to`. */
  period: string;
}

const KEY = ['forecast-changes'] as const;

export function useForecastChanges(filters: ChangesFilters) {
  return useQuery({
    queryKey: [...KEY, filters],
    queryFn: ({ signal }) =>
      getJson<ForecastChanges>(
        '/forecast/changes',
        { from: filters.from, to: filters.to, period: filters.period || null },
        signal,
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** RevOps: snapshot the open pipeline now (what the weekly job does). */
export function useTakeSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await request<DealSnapshot>('/forecast/snapshots', { method: 'POST' })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
