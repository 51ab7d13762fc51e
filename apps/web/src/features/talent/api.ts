import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ImportReportSchema, RevealResultSchema, TalentDetailSchema, TalentListSchema, TalentProgressSchema,
  type CreateTalent, type TalentListQuery, type TalentSupportInput, type TalentTargetsInput, type UpdateTalent,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';

export const talentKeys = {
  all: ['talent'] as const,
  list: (q: TalentListQuery) => ['talent', 'list', q] as const,
  detail: (id: number) => ['talent', 'detail', id] as const,
  progress: (year: number) => ['talent', 'progress', year] as const,
};

export function useTalentList(query: TalentListQuery) {
  return useQuery({ queryKey: talentKeys.list(query), queryFn: ({ signal }) => apiGet('/api/talent', TalentListSchema, query, signal) });
}

export function useTalent(id: number | null) {
  return useQuery({
    queryKey: talentKeys.detail(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/talent/${id}`, TalentDetailSchema, undefined, signal),
    enabled: id !== null,
  });
}

export function useTalentProgress(year: number) {
  return useQuery({ queryKey: talentKeys.progress(year), queryFn: ({ signal }) => apiGet('/api/talent/progress', TalentProgressSchema, { year }, signal) });
}

/** Every write changes the list, the drawer and the progress: all are fetched again. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: talentKeys.all });
}

export function useCreateTalent() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: CreateTalent) => apiSend('POST', '/api/talent', TalentDetailSchema, body), onSuccess });
}

export function useUpdateTalent(id: number) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: UpdateTalent) => apiSend('PATCH', `/api/talent/${id}`, TalentDetailSchema, body), onSuccess });
}

export function useAddSupport(id: number) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: TalentSupportInput) => apiSend('POST', `/api/talent/${id}/support`, TalentDetailSchema, body), onSuccess });
}

export function useSetTargets(year: number) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: TalentTargetsInput) => apiSend('PUT', `/api/talent/targets/${year}`, TalentProgressSchema, body), onSuccess });
}

export function useRevealTalent(id: number) {
  return useMutation({ mutationFn: (body: { field: 'idNumber' | 'phone'; reason: string }) => apiSend('POST', `/api/talent/${id}/reveal`, RevealResultSchema, body) });
}

export function useImportTalents() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ orgId, file, dryRun }: { orgId: number; file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload('/api/talent/import', ImportReportSchema, form, { orgId, dryRun });
    },
    onSuccess,
  });
}
