import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActivityDetailSchema,
  ActivityListSchema,
  ExpectedListSchema,
  ChecklistTemplateListSchema,
  SupervisorAssignmentsSchema,
  type ActivityDetail,
  type AttendanceBody,
  type CreateActivity,
  type ReviewBody,
  type UpdateActivity,
  type VoteBody,
  type AppraisalBody,
  type ActivityListQuery,
  type LedgerQuery,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';

export type { ActivityDetail };
export type Activity = ReturnType<typeof ActivityListSchema.parse>['items'][number];
export type ReviewStatus = Activity['reviewStatus'];
export type AttendanceState = ActivityDetail['attendances'][number]['state'];
export type AttendanceRecord = AttendanceBody['records'][number];
export type ActivityFile = ActivityDetail['files'][number];
export type FileCategory = ActivityFile['category'];
export type Checklist = ActivityDetail['checklists'][number];
export type ChecklistItem = Checklist['items'][number];
export type ChecklistTemplate = ReturnType<typeof ChecklistTemplateListSchema.parse>['items'][number];
export type ActivityDocument = 'minutes.docx' | 'minutes.pdf' | 'signin.docx' | 'signin.pdf' | 'dengta.zip';

export const activityKeys = {
  all: ['activities'] as const,
  lists: ['activities', 'list'] as const,
  list: (query: ActivityListQuery) => ['activities', 'list', query] as const,
  detail: (id: number) => ['activities', 'detail', id] as const,
  templates: ['activities', 'checklist-templates'] as const,
  assignments: ['activities', 'supervision-assignments'] as const,
};

export function useActivities(query: ActivityListQuery, enabled = true) {
  return useQuery({
    queryKey: activityKeys.list(query),
    queryFn: ({ signal }) => apiGet('/api/activities', ActivityListSchema, { ...query }, signal),
    enabled,
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
}

export function useActivity(id: number | undefined) {
  return useQuery({
    queryKey: activityKeys.detail(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/activities/${id}`, ActivityDetailSchema, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useChecklistTemplates(enabled = true) {
  return useQuery({
    queryKey: activityKeys.templates,
    queryFn: ({ signal }) => apiGet('/api/checklist-templates', ChecklistTemplateListSchema, undefined, signal),
    enabled,
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export function useSupervisorCandidates(enabled = true) {
  return useQuery({
    queryKey: activityKeys.assignments,
    queryFn: ({ signal }) => apiGet('/api/supervision/assignments', SupervisorAssignmentsSchema, undefined, signal),
    enabled,
    select: (data) => data.supervisors,
  });
}

// Plain request functions: the theme-day form runs them one after another.
export const activityRequests = {
  create: (body: CreateActivity) => apiSend('POST', '/api/activities', ActivityDetailSchema, body),
  update: (id: number, body: UpdateActivity) => apiSend('PATCH', `/api/activities/${id}`, ActivityDetailSchema, body),
  attendance: (id: number, records: AttendanceRecord[]) =>
    apiSend('PUT', `/api/activities/${id}/attendance`, ActivityDetailSchema, { records }),
  upload: (id: number, category: FileCategory, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiUpload(`/api/activities/${id}/files`, ActivityDetailSchema, form, { category });
  },
  removeFile: (id: number, fileId: number) => apiSend('DELETE', `/api/activities/${id}/files/${fileId}`, ActivityDetailSchema),
  check: (id: number, body: { templateId: number; itemKey: string; done: boolean; note?: string | null }) =>
    apiSend('POST', `/api/activities/${id}/checks`, ActivityDetailSchema, body),
  dengta: (id: number, body: { uploadedOn: string; uploadedBy: string; reference: string }) =>
    apiSend('PUT', `/api/activities/${id}/dengta-upload`, ActivityDetailSchema, body),
  supervisor: (id: number, userId: number | null) =>
    apiSend('PUT', `/api/activities/${id}/supervisor`, ActivityDetailSchema, { userId }),
  review: (id: number, body: ReviewBody) => apiSend('POST', `/api/activities/${id}/reviews`, ActivityDetailSchema, body),
  vote: (id: number, body: VoteBody) => apiSend('POST', `/api/activities/${id}/votes`, ActivityDetailSchema, body),
  appraisal: (id: number, body: AppraisalBody) => apiSend('PUT', `/api/activities/${id}/appraisal`, ActivityDetailSchema, body),
};

/** Every answer is the fresh detail: store it, and let lists (calendar, compliance) refetch. */
export function useOnActivityChanged() {
  const queryClient = useQueryClient();
  return async (detail: ActivityDetail) => {
    queryClient.setQueryData(activityKeys.detail(detail.id), detail);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: activityKeys.lists }),
      queryClient.invalidateQueries({ queryKey: ['compliance'] }),
    ]);
  };
}

function useActivityMutation<V>(run: (vars: V) => Promise<ActivityDetail>) {
  const onChanged = useOnActivityChanged();
  return useMutation({ mutationFn: run, onSuccess: onChanged });
}

export const useCreateActivity = () => useActivityMutation((body: CreateActivity) => activityRequests.create(body));
export const useUpdateActivity = () =>
  useActivityMutation(({ id, body }: { id: number; body: UpdateActivity }) => activityRequests.update(id, body));
export const useSaveAttendance = () =>
  useActivityMutation(({ id, records }: { id: number; records: AttendanceRecord[] }) => activityRequests.attendance(id, records));
export const useUploadFile = () =>
  useActivityMutation(({ id, category, file }: { id: number; category: FileCategory; file: File }) =>
    activityRequests.upload(id, category, file),
  );
export const useRemoveFile = () =>
  useActivityMutation(({ id, fileId }: { id: number; fileId: number }) => activityRequests.removeFile(id, fileId));
export const useCheckItem = () =>
  useActivityMutation(({ id, ...body }: { id: number; templateId: number; itemKey: string; done: boolean }) =>
    activityRequests.check(id, body),
  );
export const useRecordDengta = () =>
  useActivityMutation(({ id, ...body }: { id: number; uploadedOn: string; uploadedBy: string; reference: string }) =>
    activityRequests.dengta(id, body),
  );
export const useSetSupervisor = () =>
  useActivityMutation(({ id, userId }: { id: number; userId: number | null }) => activityRequests.supervisor(id, userId));
export const useReview = () => useActivityMutation(({ id, ...body }: { id: number } & ReviewBody) => activityRequests.review(id, body));
export const useSaveAppraisal = () => useActivityMutation(({ id, ...body }: { id: number } & AppraisalBody) => activityRequests.appraisal(id, body));
export const useRecordVote = () => useActivityMutation(({ id, ...body }: { id: number } & VoteBody) => activityRequests.vote(id, body));

export function fileUrl(activityId: number, fileId: number, thumb = false): string {
  return `/api/activities/${activityId}/files/${fileId}${thumb ? '?thumb=1' : ''}`;
}

export function useDownloadDocument() {
  return useMutation({
    mutationFn: ({ id, doc }: { id: number; doc: ActivityDocument }) =>
      downloadFile(`/api/activities/${id}/documents/${doc}`, doc),
  });
}

export function useDownloadFile() {
  return useMutation({
    mutationFn: ({ activityId, file }: { activityId: number; file: ActivityFile }) =>
      downloadFile(fileUrl(activityId, file.id), file.filename),
  });
}

export function useDownloadLedger() {
  return useMutation({
    mutationFn: ({ orgId, period, format }: LedgerQuery) =>
      downloadFile('/api/ledger', `组织生活台账-${period}.${format}`, { orgId, period, format }),
  });
}

/** Members expected at an activity not recorded yet (the branch roster on that date, as the server counts it). */
export function useExpected(query: { orgId?: number; kind: string; heldOn?: string }, enabled: boolean) {
  return useQuery({
    queryKey: ['activities', 'expected', query],
    queryFn: () => apiGet(`/api/activities/expected?orgId=${query.orgId}&kind=${query.kind}&heldOn=${query.heldOn}`, ExpectedListSchema),
    enabled: enabled && !!query.orgId && !!query.heldOn,
  });
}
