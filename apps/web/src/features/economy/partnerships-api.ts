import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PartnershipDetailSchema, PartnershipListSchema, PartnershipReceivedSchema, type PartnershipCreate, type PartnershipUpdate, type PartnershipYearsInput,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';
import { economyKeys } from './api';

/** Under economyKeys.all: an income write refetches the received-money note, a partnership write refetches the list. */
export const partnershipKeys = {
  all: [...economyKeys.all, 'partnerships'] as const,
  detail: (id: number) => [...economyKeys.all, 'partnerships', 'detail', id] as const,
  received: (orgId: number, year: number) => [...economyKeys.all, 'partnerships', 'received', orgId, year] as const,
};

export function usePartnerships() {
  return useQuery({ queryKey: partnershipKeys.all, queryFn: ({ signal }) => apiGet('/api/economy/partnerships', PartnershipListSchema, undefined, signal) });
}

export function usePartnership(id: number | null) {
  return useQuery({
    queryKey: partnershipKeys.detail(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/economy/partnerships/${id}`, PartnershipDetailSchema, undefined, signal),
    enabled: id !== null,
  });
}

export function usePartnershipReceived(target: { orgId: number; year: number } | null) {
  return useQuery({
    queryKey: partnershipKeys.received(target?.orgId ?? 0, target?.year ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/economy/villages/${target!.orgId}/years/${target!.year}/partnerships`, PartnershipReceivedSchema, undefined, signal),
    enabled: target !== null,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: partnershipKeys.all });
}

export function useCreatePartnership() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: PartnershipCreate) => apiSend('POST', '/api/economy/partnerships', PartnershipDetailSchema, body), onSuccess });
}

export function useUpdatePartnership(id: number) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: PartnershipUpdate) => apiSend('PATCH', `/api/economy/partnerships/${id}`, PartnershipDetailSchema, body), onSuccess });
}

export function useSavePartnershipYears(id: number) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: PartnershipYearsInput) => apiSend('PUT', `/api/economy/partnerships/${id}/years`, PartnershipDetailSchema, body), onSuccess });
}

export function useAgreementFiles(id: number) {
  const onSuccess = useInvalidate();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload(`/api/economy/partnerships/${id}/files`, PartnershipDetailSchema, form);
    },
    onSuccess,
  });
  const remove = useMutation({ mutationFn: (fileId: number) => apiSend('DELETE', `/api/economy/partnerships/${id}/files/${fileId}`, PartnershipDetailSchema), onSuccess });
  return { upload, remove };
}
