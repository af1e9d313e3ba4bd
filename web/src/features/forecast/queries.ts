import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Forecast,
  type ForecastAdjustmentInput,
  type ForecastCall,
  type ForecastSubmissionInput,
  getJson,
  request,
} from '../../api';

export type PeriodKind = Forecast['period'];

export interface ForecastRange {
  period: PeriodKind;
  from: string;
  to: string;
}

/** The forecast of a range of periods; the one on screen stays while another loads. */
export function useForecast(range: ForecastRange) {
  return useQuery({
    queryKey: ['forecast', range],
    queryFn: ({ signal }) => getJson<Forecast>('/forecast', { ...range }, signal),
    placeholderData: keepPreviousData,
  });
}

function useCallMutation<T>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: T) => (await request<ForecastCall>(path, { method: 'POST', body: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: ['forecast'] }),
  });
}

export const useSubmitForecast = () => useCallMutation<ForecastSubmissionInput>('/forecast/submissions');
export const useAdjustForecast = () => useCallMutation<ForecastAdjustmentInput>('/forecast/adjustments');
