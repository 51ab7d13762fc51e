import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BranchCompletenessSchema,
  ImportReportSchema,
  MemberDetailSchema,
  MemberExportPreviewSchema,
  MemberExportRequestListSchema,
  MemberExportRequestSchema,
  MemberListSchema,
  RecordEventResultSchema,
  RevealResultSchema,
  type MemberDetail,
  type MemberExportFilter,
  type MemberImportQuery,
  type MemberExportQuery,
  type CreateMemberExportRequest,
  type MemberExportDecision,
  type RevealBody,
  type MemberProfileInput,
  type RecordEvent,
  type UpdateMember,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { orgKeys } from '../../lib/organizations';
import { memberKeys } from '../../lib/query-keys';
import type { RosterQuery } from './roster-params';

export const IMPORT_TEMPLATE_NAME = '党员信息导入模板.xlsx';
export const EXPORT_NAME = '党员名册.xlsx';

export function useMemberList(query: RosterQuery, enabled = true) {
  return useQuery({
    queryKey: memberKeys.list(query),
    queryFn: ({ signal }) => apiGet('/api/members', MemberListSchema, { ...query }, signal),
    enabled,
    // Paging and filtering keep the old rows on screen (dimmed by the loading state) instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: number | undefined) {
  return useQuery({
    queryKey: memberKeys.detail(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/members/${id}`, MemberDetailSchema, undefined, signal),
    enabled: id !== undefined,
  });
}

/** A roster change moves counts on the organisation page too, so both refresh. */
function useOnMembersChanged() {
  const queryClient = useQueryClient();
  return async (detail?: MemberDetail) => {
    if (detail) queryClient.setQueryData(memberKeys.detail(detail.id), detail);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: memberKeys.lists }),
      queryClient.invalidateQueries({ queryKey: orgKeys.all }),
    ]);
  };
}

export function useCreateMember() {
  const onChanged = useOnMembersChanged();
  return useMutation({
    mutationFn: (body: MemberProfileInput) => apiSend('POST', '/api/members', MemberDetailSchema, body),
    onSuccess: (detail) => onChanged(detail),
  });
}

export function useUpdateMember() {
  const onChanged = useOnMembersChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateMember }) =>
      apiSend('PATCH', `/api/members/${id}`, MemberDetailSchema, body),
    onSuccess: (detail) => onChanged(detail),
  });
}

/** Full personal numbers are never cached: each look is a fresh, audited request. */
export function useRevealField() {
  return useMutation({
    mutationFn: ({ id, field, reason }: { id: number } & RevealBody) =>
      apiSend('POST', `/api/members/${id}/reveal`, RevealResultSchema, { field, reason }),
  });
}

export function useRecordEvent() {
  const queryClient = useQueryClient();
  const onChanged = useOnMembersChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RecordEvent }) =>
      apiSend('POST', `/api/members/${id}/events`, RecordEventResultSchema, body),
    onSuccess: async ({ member }, { id }) => {
      // null: a transfer took the member out of this user's sight; forget what we had.
      if (!member) queryClient.removeQueries({ queryKey: memberKeys.detail(id) });
      await onChanged(member ?? undefined);
    },
  });
}

export function useImportMembers() {
  const onChanged = useOnMembersChanged();
  return useMutation({
    // The query comes from the route's contract; the file travels as the multipart body.
    mutationFn: ({ file, orgId, dryRun }: MemberImportQuery & { file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload('/api/members/import', ImportReportSchema, form, { orgId, dryRun: String(dryRun) });
    },
    onSuccess: async (report) => {
      if (!report.dryRun) await onChanged();
    },
  });
}

export function useDownloadTemplate() {
  return useMutation({ mutationFn: () => downloadFile('/api/members/import-template', IMPORT_TEMPLATE_NAME) });
}

export type ExportQuery = Pick<RosterQuery, 'orgId' | 'range' | 'filter' | 'q'>;

/** Drops empty values, so a stored export request carries only what narrows the roster. */
export function exportFilter(query: ExportQuery): MemberExportFilter {
  const out: MemberExportFilter = {};
  if (query.orgId) out.orgId = query.orgId;
  if (query.range) out.range = query.range;
  if (query.filter) out.filter = query.filter;
  if (query.q) out.q = query.q;
  return out;
}

/** masked: masked ID numbers and phones (always allowed, no approval needed). */
export function useExportRoster() {
  return useMutation({
    mutationFn: (query: ExportQuery & Pick<MemberExportQuery, 'masked'>) => downloadFile('/api/members/export', EXPORT_NAME, query),
  });
}

/** Asked right before an export: size, full numbers or not, approval needed, exports left today. */
export function useExportPreview() {
  return useMutation({
    mutationFn: (query: ExportQuery) => apiGet('/api/members/export/preview', MemberExportPreviewSchema, { ...query }),
  });
}

export const exportRequestKeys = { all: ['member-exports'] as const };

export function useExportRequests() {
  return useQuery({
    queryKey: exportRequestKeys.all,
    queryFn: ({ signal }) => apiGet('/api/member-exports', MemberExportRequestListSchema, undefined, signal),
  });
}

export function useCreateExportRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    // The roster's query is turned into the stored filter here (exportFilter); the reason is the contract's.
    mutationFn: ({ query, reason }: { query: ExportQuery } & Pick<CreateMemberExportRequest, 'reason'>) =>
      apiSend('POST', '/api/member-exports', MemberExportRequestSchema, { query: exportFilter(query), reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportRequestKeys.all }),
  });
}

export function useDecideExportRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: number; decision: 'approve' | 'reject' } & MemberExportDecision) =>
      apiSend('POST', `/api/member-exports/${id}/${decision}`, MemberExportRequestSchema, note ? { note } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportRequestKeys.all }),
  });
}

export function useDownloadApprovedExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => downloadFile(`/api/member-exports/${id}/file`, EXPORT_NAME),
    onSettled: () => queryClient.invalidateQueries({ queryKey: exportRequestKeys.all }),
  });
}

export function useBranchCompleteness(orgId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['members', 'completeness', orgId ?? 0] as const,
    queryFn: ({ signal }) => apiGet('/api/members/completeness', BranchCompletenessSchema, orgId ? { orgId } : {}, signal),
    enabled,
  });
}
