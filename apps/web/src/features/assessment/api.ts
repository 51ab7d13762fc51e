import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AssessmentSchemeDetailSchema, AssessmentSchemeListSchema, SchemePreviewSourcesSchema, type NewAssessmentVersion } from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';

export const assessmentKeys = {
  all: ['assessment'] as const,
  schemes: ['assessment', 'schemes'] as const,
  scheme: (id: number) => ['assessment', 'scheme', id] as const,
};

export function useSchemes() {
  return useQuery({ queryKey: assessmentKeys.schemes, queryFn: ({ signal }) => apiGet('/api/assessment/schemes', AssessmentSchemeListSchema, undefined, signal) });
}

export function useScheme(id: number | null) {
  return useQuery({
    queryKey: assessmentKeys.scheme(id ?? 0), enabled: id !== null,
    queryFn: ({ signal }) => apiGet(`/api/assessment/schemes/${id}`, AssessmentSchemeDetailSchema, undefined, signal),
  });
}

/** A new version leaves the older ones as they were; the list and the scheme are fetched again. */
export function useAddVersion(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAssessmentVersion) => apiSend('POST', `/api/assessment/schemes/${id}/versions`, AssessmentSchemeDetailSchema, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}

/** The ingredients of a village's month for the editor's preview: fetched once per village and month. */
export function useSchemePreviewSources(orgId: number | null, period: string) {
  return useQuery({
    queryKey: [...assessmentKeys.all, 'scheme-preview', orgId, period] as const, enabled: orgId !== null,
    queryFn: ({ signal }) => apiGet('/api/assessment/scheme-preview', SchemePreviewSourcesSchema, { orgId: String(orgId), period }, signal),
  });
}
