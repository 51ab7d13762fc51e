import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  InspectionChecklistSchema,
  InspectionRoundDetailSchema,
  InspectionRoundListSchema,
  RectificationDetailSchema,
  RectificationListSchema,
  type CreateInspectionRound,
  type InspectionItem,
  type InspectionResult,
  type InspectionRoundDetail,
  type InspectionRoundSummary,
  type RecordInspectionResult,
  type RectificationDetail,
  type RectificationStatus,
  type RectificationSummary,
  type RectificationListQuery,
  type AcceptRectification,
  type RectificationEvidence,
  type ReopenRectification,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { useSettingValue } from '../../lib/settings';

export type {
  CreateInspectionRound, InspectionItem, InspectionResult, InspectionRoundDetail, InspectionRoundSummary, RecordInspectionResult,
  RectificationDetail, RectificationStatus, RectificationSummary,
};
export type InspectionFile = RectificationDetail['resultPhotos'][number];
export type RectificationEvent = RectificationDetail['events'][number];
export type ReportFormat = 'docx' | 'pdf';


export const inspectionKeys = {
  all: ['inspection'] as const,
  checklist: ['inspection', 'checklist'] as const,
  rounds: ['inspection', 'rounds'] as const,
  round: (id: number) => ['inspection', 'round', id] as const,
  rectifications: ['inspection', 'rectifications'] as const,
  rectificationList: (q: RectificationListQuery) => ['inspection', 'rectifications', 'list', q] as const,
  rectification: (id: number) => ['inspection', 'rectifications', 'detail', id] as const,
};

export function useChecklist(enabled = true) {
  return useQuery({
    queryKey: inspectionKeys.checklist,
    queryFn: ({ signal }) => apiGet('/api/inspection/checklist', InspectionChecklistSchema, undefined, signal),
    enabled,
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export function useRounds(enabled = true) {
  return useQuery({
    queryKey: inspectionKeys.rounds,
    queryFn: ({ signal }) => apiGet('/api/inspections', InspectionRoundListSchema, undefined, signal),
    enabled,
    select: (data) => data.items,
  });
}

export function useRound(id: number | undefined) {
  return useQuery({
    queryKey: inspectionKeys.round(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/inspections/${id}`, InspectionRoundDetailSchema, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useRectifications(query: RectificationListQuery, enabled = true) {
  return useQuery({
    queryKey: inspectionKeys.rectificationList(query),
    queryFn: ({ signal }) => apiGet('/api/rectifications', RectificationListSchema, { ...query }, signal),
    enabled,
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
}

export function useRectification(id: number | undefined) {
  return useQuery({
    queryKey: inspectionKeys.rectification(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/rectifications/${id}`, RectificationDetailSchema, undefined, signal),
    enabled: id !== undefined,
  });
}

/**
 * The town's default rectification period (本镇设置): undefined until loaded, or when the caller may not read the
 * settings (a 403 is not retried and only leaves the due date empty). Read through the shared settings query, so
 * saving the setting shows here at once.
 */
export function useDefaultRectificationDays(enabled = true): number | undefined {
  return useSettingValue('rectification.defaultDays', enabled)?.value;
}

function useOnRoundChanged() {
  const queryClient = useQueryClient();
  return async (round: InspectionRoundDetail) => {
    queryClient.setQueryData(inspectionKeys.round(round.id), round);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: inspectionKeys.rounds }),
      queryClient.invalidateQueries({ queryKey: inspectionKeys.rectifications }),
    ]);
  };
}

export function useCreateRound() {
  const onChanged = useOnRoundChanged();
  return useMutation({
    mutationFn: (body: CreateInspectionRound) => apiSend('POST', '/api/inspections', InspectionRoundDetailSchema, body),
    onSuccess: (round) => onChanged(round),
  });
}

export function useRecordResult() {
  const onChanged = useOnRoundChanged();
  return useMutation({
    mutationFn: ({ roundId, body }: { roundId: number; body: RecordInspectionResult }) =>
      apiSend('POST', `/api/inspections/${roundId}/results`, InspectionRoundDetailSchema, body),
    onSuccess: (round) => onChanged(round),
  });
}

export function useUploadResultPhoto() {
  const onChanged = useOnRoundChanged();
  return useMutation({
    mutationFn: ({ roundId, resultId, file }: { roundId: number; resultId: number; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload(`/api/inspections/${roundId}/results/${resultId}/photos`, InspectionRoundDetailSchema, form);
    },
    onSuccess: (round) => onChanged(round),
  });
}

export function useCloseRound() {
  const onChanged = useOnRoundChanged();
  return useMutation({
    mutationFn: (roundId: number) => apiSend('POST', `/api/inspections/${roundId}/close`, InspectionRoundDetailSchema),
    onSuccess: (round) => onChanged(round),
  });
}

function useOnRectificationChanged() {
  const queryClient = useQueryClient();
  return async (detail: RectificationDetail) => {
    queryClient.setQueryData(inspectionKeys.rectification(detail.id), detail);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['inspection', 'rectifications', 'list'] }),
      queryClient.invalidateQueries({ queryKey: inspectionKeys.round(detail.roundId) }),
      queryClient.invalidateQueries({ queryKey: inspectionKeys.rounds }),
    ]);
  };
}

export function useSubmitEvidence() {
  const onChanged = useOnRectificationChanged();
  return useMutation({
    mutationFn: ({ id, note, file }: { id: number; file: File | null } & RectificationEvidence) => {
      if (!file) return apiSend('POST', `/api/rectifications/${id}/evidence`, RectificationDetailSchema, { note });
      // The API takes one file with the note (a photo or a document).
      const form = new FormData();
      form.append('note', note);
      form.append('file', file, file.name);
      return apiUpload(`/api/rectifications/${id}/evidence`, RectificationDetailSchema, form);
    },
    onSuccess: (detail) => onChanged(detail),
  });
}

export function useAcceptRectification() {
  const onChanged = useOnRectificationChanged();
  return useMutation({
    mutationFn: ({ id, note }: { id: number } & AcceptRectification) =>
      apiSend('POST', `/api/rectifications/${id}/accept`, RectificationDetailSchema, note ? { note } : {}),
    onSuccess: (detail) => onChanged(detail),
  });
}

export function useReopenRectification() {
  const onChanged = useOnRectificationChanged();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number } & ReopenRectification) =>
      apiSend('POST', `/api/rectifications/${id}/reopen`, RectificationDetailSchema, { reason }),
    onSuccess: (detail) => onChanged(detail),
  });
}

export const inspectionFileUrl = (fileId: number) => `/api/inspection-files/${fileId}`;

export function downloadInspectionFile(file: { id: number; name: string }) {
  return downloadFile(inspectionFileUrl(file.id), file.name);
}

export function downloadRoundReport(roundId: number, format: ReportFormat, title: string) {
  return downloadFile(`/api/inspections/${roundId}/report/${format}`, `${title}.${format}`);
}
