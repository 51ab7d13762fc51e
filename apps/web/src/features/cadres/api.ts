import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CadreBoardSchema, SecretaryAdjustmentSchema, ServiceTeamMemberSchema, TownStructureSchema, VillageCadresSchema,
  type CadreEmploymentInput, type CadreProfileInput, type EmploymentReviewInput, type ServiceTeamMemberInput, type CadreTermInput, type DecideAdjustment, type MarkAdjustment, type RecordCadreChange,
} from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';

export const cadreKeys = {
  all: ['cadres'] as const,
  village: (orgId: number) => ['cadres', 'village', orgId] as const,
  board: ['cadres', 'board'] as const,
  structure: ['cadres', 'structure'] as const,
};

export function useTownStructure() {
  return useQuery({ queryKey: cadreKeys.structure, queryFn: ({ signal }) => apiGet('/api/cadres/structure', TownStructureSchema, undefined, signal) });
}

export function useVillageCadres(orgId: number | undefined) {
  return useQuery({
    queryKey: cadreKeys.village(orgId ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/cadres/villages/${orgId}`, VillageCadresSchema, undefined, signal),
    enabled: orgId !== undefined,
  });
}

export function useCadreBoard(enabled: boolean) {
  return useQuery({ queryKey: cadreKeys.board, queryFn: ({ signal }) => apiGet('/api/cadres/board', CadreBoardSchema, undefined, signal), enabled });
}

/** Every cadre write changes the village's page and the town board: both are fetched again. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: cadreKeys.all });
}

export function useRecordChange(orgId: number) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: RecordCadreChange) => apiSend('POST', `/api/cadres/villages/${orgId}/changes`, VillageCadresSchema, body),
    onSuccess: invalidate,
  });
}

export function useRecordTerm(orgId: number) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: CadreTermInput) => apiSend('POST', `/api/cadres/villages/${orgId}/terms`, VillageCadresSchema, body),
    onSuccess: invalidate,
  });
}

export function useMarkAdjustment() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: (body: MarkAdjustment) => apiSend('POST', '/api/cadres/adjustments', SecretaryAdjustmentSchema, body), onSuccess: invalidate });
}

export function useDecideAdjustment() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: DecideAdjustment }) => apiSend('POST', `/api/cadres/adjustments/${id}/decision`, SecretaryAdjustmentSchema, body),
    onSuccess: invalidate,
  });
}

export function useUpdateProfile(orgId: number) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ personId, body }: { personId: number; body: CadreProfileInput }) => apiSend('PUT', `/api/cadres/villages/${orgId}/people/${personId}/profile`, VillageCadresSchema, body),
    onSuccess: invalidate,
  });
}

export function useSetEmployment(orgId: number) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CadreEmploymentInput }) => apiSend('PUT', `/api/cadres/villages/${orgId}/holdings/${id}/employment`, VillageCadresSchema, body),
    onSuccess: invalidate,
  });
}

export function useAddReview(orgId: number) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: EmploymentReviewInput }) => apiSend('POST', `/api/cadres/villages/${orgId}/holdings/${id}/employment/reviews`, VillageCadresSchema, body),
    onSuccess: invalidate,
  });
}

export function useSaveServiceMember() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ServiceTeamMemberInput }) => (id
      ? apiSend('PUT', `/api/cadres/service-team/${id}`, ServiceTeamMemberSchema, body)
      : apiSend('POST', '/api/cadres/service-team', ServiceTeamMemberSchema, body)),
    onSuccess: invalidate,
  });
}
