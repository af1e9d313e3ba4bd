import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getJson,
  type ImportMappingTemplate,
  type ImportRun,
  type ImportRunSummary,
  type ImportUpload,
  request,
  type StartImport,
} from '../../api';

const RUNS = ['imports', 'runs'] as const;

/** The mapping file to start from, made for the playbook in force. */
export function useMappingTemplate(enabled: boolean) {
  return useQuery({
    queryKey: ['imports', 'mapping-template'],
    queryFn: ({ signal }) => getJson<ImportMappingTemplate>('/imports/mapping-template', undefined, signal),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const isSettled = (run: Pick<ImportRun, 'status'> | undefined) =>
  run?.status === 'succeeded' || run?.status === 'failed';

/**
 * One run, read every half second until it has finished (its progress bar moves with rowsDone); once it has,
 * the recent runs are read again so the list agrees.
 */
export function useImportRun(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['imports', 'run', id],
    queryFn: async ({ signal }) => {
      const run = await getJson<ImportRun>(`/imports/${encodeURIComponent(id ?? '')}`, undefined, signal);
      if (isSettled(run)) await client.invalidateQueries({ queryKey: RUNS });
      return run;
    },
    enabled: id !== null,
    refetchInterval: (query) => (isSettled(query.state.data) ? false : 500),
  });
}

/** The files' ids once uploaded (a dry run keeps them for the import that follows it). */
export interface UploadIds {
  accountsUploadId?: string;
  opportunitiesUploadId?: string;
}

/** Uploads each chosen file as it is (text/csv, streamed from disk), one after the other. */
export function useUploadFiles() {
  return useMutation({
    mutationFn: async (files: { accounts?: Blob; opportunities?: Blob }): Promise<UploadIds> => {
      const ids: UploadIds = {};
      for (const kind of ['accounts', 'opportunities'] as const) {
        const file = files[kind];
        if (!file) continue;
        const { data } = await request<ImportUpload>('/imports/uploads', {
          method: 'POST',
          query: { file: kind, name: file instanceof File ? file.name : undefined },
          upload: { file, contentType: 'text/csv' },
        });
        ids[`${kind}UploadId`] = data.id;
      }
      return ids;
    },
  });
}

/** Queues a run (202): the answer is the run, read on with useImportRun. */
export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: StartImport) =>
      (await request<ImportRun>('/imports', { method: 'POST', body: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: RUNS }),
  });
}

/** The latest runs, newest first; read again every two seconds while one of them has not finished. */
export function useImportRuns(enabled: boolean) {
  return useQuery({
    queryKey: RUNS,
    queryFn: ({ signal }) => getJson<{ items: ImportRunSummary[] }>('/imports', { limit: 10 }, signal),
    enabled,
    refetchInterval: (query) => (query.state.data?.items.some((run) => !isSettled(run)) ? 2000 : false),
  });
}
