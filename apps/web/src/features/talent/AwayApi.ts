import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  AwayLiaisonListSchema, AwayLiaisonSchema, AwayListSchema, AwayTalentDetailSchema,
  type AwayContactInput, type AwayCoverage, type AwayHandoverInput, type AwayListQuery, type AwayReturnInput, type CreateAwayLiaison, type CreateAwayTalent,
  type UpdateAwayTalent,
} from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';

export const awayKeys = {
  all: ['talent-away'] as const,
  list: (q: AwayListQuery) => ['talent-away', 'list', q] as const,
  detail: (id: number) => ['talent-away', 'detail', id] as const,
  liaisons: (orgId?: number) => ['talent-away', 'liaisons', orgId ?? 0] as const,
  candidates: (orgId: number) => ['talent-away', 'candidates', orgId] as const,
};

export function useAwayList(q: AwayListQuery) {
  return useQuery({ queryKey: awayKeys.list(q), queryFn: ({ signal }) => apiGet('/api/talent/away', AwayListSchema, { ...q }, signal) });
}

export function useAwayDetail(id: number | undefined) {
  return useQuery({
    queryKey: awayKeys.detail(id ?? 0), enabled: id !== undefined,
    queryFn: ({ signal }) => apiGet(`/api/talent/away/${id}`, AwayTalentDetailSchema, undefined, signal),
  });
}

export function useAwayLiaisons(orgId?: number) {
  return useQuery({ queryKey: awayKeys.liaisons(orgId), queryFn: ({ signal }) => apiGet('/api/talent/away-liaisons', AwayLiaisonListSchema, { orgId }, signal) });
}

const CandidatesSchema = z.array(z.object({ personId: z.number(), name: z.string(), isMember: z.boolean() }));
export function useAwayCandidates(orgId: number | undefined) {
  return useQuery({
    queryKey: awayKeys.candidates(orgId ?? 0), enabled: orgId !== undefined,
    queryFn: ({ signal }) => apiGet('/api/talent/away/candidates', CandidatesSchema, { orgId }, signal),
  });
}

/** Every write changes the lists, the person's drawer and 待办's counts: all are fetched again. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: awayKeys.all }), queryClient.invalidateQueries({ queryKey: ['tasks'] })]);
}

export function useCreateAway() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateAwayTalent) => apiSend('POST', '/api/talent/away', AwayTalentDetailSchema, body), onSuccess: invalidate });
}

export function useUpdateAway(id: number) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: UpdateAwayTalent) => apiSend('PATCH', `/api/talent/away/${id}`, AwayTalentDetailSchema, body), onSuccess: invalidate });
}

export function useAddContact(id: number) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: AwayContactInput) => apiSend('POST', `/api/talent/away/${id}/contacts`, AwayTalentDetailSchema, body), onSuccess: invalidate });
}

export function useRecordReturn(id: number) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: AwayReturnInput) => apiSend('POST', `/api/talent/away/${id}/return`, AwayTalentDetailSchema, body), onSuccess: invalidate });
}

export function useRecordHandover(id: number) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: AwayHandoverInput) => apiSend('POST', `/api/talent/away/${id}/handover`, AwayTalentDetailSchema, body), onSuccess: invalidate });
}

export function useCreateLiaison() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateAwayLiaison) => apiSend('POST', '/api/talent/away-liaisons', AwayLiaisonSchema, body), onSuccess: invalidate });
}

export function useUpdateCoverage(id: number) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: AwayCoverage) => apiSend('PUT', `/api/talent/away-liaisons/${id}/coverage`, AwayLiaisonSchema, body), onSuccess: invalidate });
}
