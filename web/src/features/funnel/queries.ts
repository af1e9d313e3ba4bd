import { useQuery } from '@tanstack/react-query';
import { type Funnel, getJson } from '../../api';

export function useFunnel(pipeline: string | null) {
  return useQuery({
    queryKey: ['funnel', pipeline],
    queryFn: ({ signal }) => getJson<Funnel>('/funnel', { pipeline }, signal),
    enabled: pipeline !== null,
  });
}
