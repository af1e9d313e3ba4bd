import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getJson,
  type ReassignmentPreview,
  request,
  type TerritoryActivated,
  type TerritoryModel,
  type TerritoryModelDetail,
  type TerritoryModelSummary,
} from '../../api';

const LIST = ['territory-models'] as const;
const detailKey = (id: string) => ['territory-model', id] as const;
const path = (id: string) => `/territory-models/${encodeURIComponent(id)}`;

/** Every version of the territory model, newest first. */
export function useTerritoryModels(enabled: boolean) {
  return useQuery({
    queryKey: LIST,
    queryFn: ({ signal }) =>
      getJson<{ items: TerritoryModelSummary[] }>('/territory-models', undefined, signal),
    enabled,
  });
}

/** One version: its model, coverage proof, people and map entries. */
export function useTerritoryModel(id: string | null) {
  return useQuery({
    queryKey: detailKey(id ?? ''),
    queryFn: ({ signal }) => getJson<TerritoryModelDetail>(path(id ?? ''), undefined, signal),
    enabled: id !== null,
  });
}

/** What activating a draft would move (changes nothing); read again whenever the draft is saved. */
export function useActivationPreview(draft: TerritoryModelSummary, enabled: boolean) {
  return useQuery({
    queryKey: [...detailKey(draft.id), 'preview', draft.rowVersion],
    queryFn: ({ signal }) => getJson<ReassignmentPreview>(`${path(draft.id)}/preview`, undefined, signal),
    enabled,
  });
}

function useRemember() {
  const queryClient = useQueryClient();
  return async (detail: TerritoryModelDetail) => {
    queryClient.setQueryData(detailKey(detail.id), detail);
    await queryClient.invalidateQueries({ queryKey: LIST });
  };
}

/** A new draft: imported from a file's text, or a copy of a version. */
export function useCreateDraft() {
  const remember = useRemember();
  return useMutation({
    mutationFn: async (body: { source: string } | { copyOf: string }) =>
      (await request<TerritoryModelDetail>('/territory-models', { method: 'POST', body })).data,
    onSuccess: remember,
  });
}

/** Saves a draft's model with the row version read (a concurrent save is refused, not lost). */
export function useSaveDraft() {
  const remember = useRemember();
  return useMutation({
    mutationFn: async ({
      id,
      model,
      rowVersion,
    }: {
      id: string;
      model: TerritoryModel;
      rowVersion: number;
    }) =>
      (await request<TerritoryModelDetail>(path(id), { method: 'PUT', body: { model, rowVersion } })).data,
    onSuccess: remember,
  });
}

/**
 * Activates a draft: the old active version is archived and every move applied, in one transaction.
 * `onActivated` is told before the screens read again (the preview that asked is gone once they have).
 */
export function useActivate(onActivated: (result: TerritoryActivated) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (draft: TerritoryModelSummary) =>
      (
        await request<TerritoryActivated>(`${path(draft.id)}/activate`, {
          method: 'POST',
          body: { rowVersion: draft.rowVersion },
        })
      ).data,
    onSuccess: async (result) => {
      onActivated(result);
      await queryClient.invalidateQueries({ queryKey: LIST });
      await queryClient.invalidateQueries({ queryKey: ['territory-model'] });
      // Owners changed: the accounts and deals screens read again.
      await queryClient.invalidateQueries({ queryKey: ['accounts'] });
      await queryClient.invalidateQueries({ queryKey: ['account'] });
    },
  });
}
