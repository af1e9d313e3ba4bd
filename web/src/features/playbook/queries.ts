import { useMutation, useQuery } from '@tanstack/react-query';
import { getJson, type PlaybookPreview, type PlaybookVersion, request } from '../../api';

/** The versions the server has run, newest (the one in force) first. */
export function usePlaybookVersions(enabled: boolean) {
  return useQuery({
    queryKey: ['playbook', 'versions'],
    queryFn: ({ signal }) => getJson<{ items: PlaybookVersion[] }>('/playbook/versions', undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

/** Judges a candidate file against the version in force and the live data; changes nothing. */
export function usePreviewPlaybook() {
  return useMutation({
    mutationFn: async (source: string) =>
      (await request<PlaybookPreview>('/playbook/preview', { method: 'POST', body: { source } })).data,
  });
}
