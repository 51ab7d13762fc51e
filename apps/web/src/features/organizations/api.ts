import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CommitteeSchema,
  MemberListSchema,
  OrganizationDetailSchema,
  OrganizationHistorySchema,
  OrganizationListSchema,
  type CloseOrganization,
  type CreateOrganization,
  type OrganizationDetail,
  type Range,
  type SaveCommittee,
  type UpdateOrganization,
} from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';
import { orgKeys } from '../../lib/organizations';

export function useOrganizationRange(rootId: number | undefined, range: Range, includeClosed: boolean) {
  return useQuery({
    queryKey: orgKeys.list({ rootId, range, includeClosed }),
    queryFn: ({ signal }) =>
      apiGet('/api/organizations', OrganizationListSchema, { rootId, range, includeClosed: String(includeClosed) }, signal),
    enabled: rootId !== undefined,
    select: (data) => data.items,
  });
}

export function useOrganization(id: number | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/organizations/${id}`, OrganizationDetailSchema, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useOrganizationHistory(id: number | undefined) {
  return useQuery({
    queryKey: orgKeys.history(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/organizations/${id}/history`, OrganizationHistorySchema, undefined, signal),
    enabled: id !== undefined,
    select: (data) => data.items,
  });
}

/** Every change can move counts, warnings and permissions anywhere in the tree, so all organisation queries refresh. */
function useOnOrganizationChanged() {
  const queryClient = useQueryClient();
  return async (detail: OrganizationDetail) => {
    queryClient.setQueryData(orgKeys.detail(detail.id), detail);
    await queryClient.invalidateQueries({ queryKey: orgKeys.all });
  };
}

export function useCreateOrganization() {
  const onChanged = useOnOrganizationChanged();
  return useMutation({
    mutationFn: (body: CreateOrganization) => apiSend('POST', '/api/organizations', OrganizationDetailSchema, body),
    onSuccess: onChanged,
  });
}

export function useUpdateOrganization() {
  const onChanged = useOnOrganizationChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateOrganization }) =>
      apiSend('PATCH', `/api/organizations/${id}`, OrganizationDetailSchema, body),
    onSuccess: onChanged,
  });
}

export function useCloseOrganization() {
  const onChanged = useOnOrganizationChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CloseOrganization }) =>
      apiSend('POST', `/api/organizations/${id}/close`, OrganizationDetailSchema, body),
    onSuccess: onChanged,
  });
}

/** The 支部委员会 of a branch with each seat's 任职/离任 dates (a 支委会 expects those seated on its date). */
export function useCommittee(branchId: number | undefined) {
  return useQuery({
    queryKey: [...orgKeys.all, 'committee', branchId ?? 0],
    queryFn: ({ signal }) => apiGet(`/api/branch-committee/${branchId}`, CommitteeSchema, undefined, signal),
    enabled: branchId !== undefined,
  });
}

/** The branch's members to seat (name and id; a village branch rarely has more than a hundred). */
export function useBranchRoster(branchId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...orgKeys.all, 'committee-roster', branchId ?? 0],
    queryFn: ({ signal }) => apiGet('/api/members', MemberListSchema, { orgId: branchId, range: 'self', pageSize: 100 }, signal),
    enabled: branchId !== undefined && enabled,
    select: (data) => data.items,
  });
}

export function useSaveCommittee(branchId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveCommittee) => apiSend('PUT', `/api/branch-committee/${branchId}`, CommitteeSchema, body),
    onSuccess: (data) => queryClient.setQueryData([...orgKeys.all, 'committee', branchId], data),
  });
}
