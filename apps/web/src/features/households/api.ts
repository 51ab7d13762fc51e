import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  HouseholdDetailSchema, HouseholdImportReportSchema, HouseholdListSchema, MyHouseholdsSchema,
  type CreateHousehold, type HouseholdInput, type ProxyVisit, type HouseholdVisitInput,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';

/** Every 联户 query sits under `households`: a write refetches the list, the household and 我的联户 together. */
const ALL = ['households'] as const;
const MyHouseholdSchema = MyHouseholdsSchema.shape.items.element;

export interface HouseholdFilter { orgId?: number; hamlet?: string; personId?: number; due?: boolean; page?: number }

export function useHouseholds(f: HouseholdFilter) {
  const query = { orgId: f.orgId, hamlet: f.hamlet, personId: f.personId, due: f.due ? 'true' : undefined, page: f.page ?? 1 };
  return useQuery({ queryKey: ['households', 'list', query], queryFn: ({ signal }) => apiGet('/api/households', HouseholdListSchema, query, signal) });
}

export function useHousehold(id: number | null) {
  return useQuery({
    queryKey: ['households', 'one', id], enabled: id !== null,
    queryFn: ({ signal }) => apiGet(`/api/households/${id}`, HouseholdDetailSchema, undefined, signal),
  });
}

export function useMyHouseholds() {
  return useQuery({ queryKey: ['households', 'my'], queryFn: ({ signal }) => apiGet('/api/my/households', MyHouseholdsSchema, undefined, signal) });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ALL });
}

export function useCreateHousehold() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: CreateHousehold) => apiSend('POST', '/api/households', HouseholdDetailSchema, body), onSuccess });
}

export function useUpdateHousehold() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: number; body: HouseholdInput }) => apiSend('PATCH', `/api/households/${id}`, HouseholdDetailSchema, body), onSuccess });
}

export function useSetLinks() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: ({ id, personIds }: { id: number; personIds: number[] }) => apiSend('PUT', `/api/households/${id}/links`, HouseholdDetailSchema, { personIds }), onSuccess });
}

export function useProxyVisit() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: number; body: ProxyVisit }) => apiSend('POST', `/api/households/${id}/visits`, HouseholdDetailSchema, body), onSuccess });
}

export function useMyVisit() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: number; body: HouseholdVisitInput }) => apiSend('POST', `/api/my/households/${id}/visits`, MyHouseholdSchema, body), onSuccess });
}

/** 转为村民说事: the village's route (the secretary's drawer) or the member's own (我的联户). */
export function useVisitToMatter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, visitId, own }: { id: number; visitId: number; own: boolean }) => own
      ? apiSend('POST', `/api/my/households/${id}/visits/${visitId}/matter`, MyHouseholdSchema, {})
      : apiSend('POST', `/api/households/${id}/visits/${visitId}/matter`, HouseholdDetailSchema, {}),
    // The new case also shows on 村民说事's list and on 待办.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ALL }), client.invalidateQueries({ queryKey: ['matters'] })]),
  });
}

export function useImportHouseholds() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ orgId, file, dryRun }: { orgId: number; file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload('/api/households/import', HouseholdImportReportSchema, form, { orgId, dryRun: String(dryRun) });
    },
    onSuccess,
  });
}
