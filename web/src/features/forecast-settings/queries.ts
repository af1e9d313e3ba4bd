import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type FxRates,
  type FxRatesInput,
  getJson,
  type QuotaImportResult,
  type Quotas,
  type QuotasInput,
  request,
} from '../../api';

/** The rates table (only asked for when the caller may keep it). */
export function useFxRates(enabled: boolean) {
  return useQuery({
    queryKey: ['fx-rates'],
    queryFn: ({ signal }) => getJson<FxRates>('/fx-rates', {}, signal),
    enabled,
  });
}

/** The owners' quarterly quotas of from…to. */
export function useQuarterQuotas(range: { from: string; to: string }, enabled: boolean) {
  return useQuery({
    queryKey: ['quotas', range],
    queryFn: ({ signal }) => getJson<Quotas>('/quotas', { period: 'quarter', ...range }, signal),
    enabled,
  });
}

/** A change of rates or quotas moves the forecast's figures: both are read again. */
function useSettingsMutation<I, O>(method: 'PUT' | 'POST', path: string, key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: I) => (await request<O>(path, { method, body: input })).data,
    // Waits for the settings to be read again, so the screen never shows the old values after a save.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: [key] }),
        client.invalidateQueries({ queryKey: ['forecast'] }),
      ]),
  });
}

export const useSetFxRates = () => useSettingsMutation<FxRatesInput, FxRates>('PUT', '/fx-rates', 'fx-rates');
export const useSetQuotas = () =>
  useSettingsMutation<QuotasInput, { updated: number }>('PUT', '/quotas', 'quotas');
export const useImportQuotas = () =>
  useSettingsMutation<{ csv: string }, QuotaImportResult>('POST', '/quotas/import', 'quotas');
