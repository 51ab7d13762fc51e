import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DutyListSchema,
  FourTwoListSchema,
  FourTwoProcedureSchema,
  MicroPowerItemListSchema,
  MicroPowerUseListSchema,
  ServiceCenterDetailSchema,
  ServiceCenterListSchema,
  type CreateDutyShifts,
  type DutyPresence,
  type DutyShift,
  type DutySummary,
  type FourTwoProcedure,
  type FourTwoStage,
  type MicroPowerAdoption,
  type MicroPowerItem,
  type MicroPowerUse,
  type SaveServiceCenter,
  type ServiceCenter,
  type ServiceCenterDetail,
  type ServiceCenterProject,
  type FOUR_TWO_CATEGORIES,
  type RESOLUTION_BODIES,
  type CreateServiceCenterProject,
  type CreateMicroPowerItem,
  type AddFourTwoStage,
  type CreateMicroPowerUse,
  type CreateFourTwo,
  type DutyPresenceBody,
  type RecordUseStep,
  type SaveAdoptions,
  type ServiceCenterPhotoQuery,
  type SwapDuty,
  type UpdateMicroPowerUse,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload, type Parser } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';

export type {
  DutyPresence, DutyShift, DutySummary, FourTwoProcedure, FourTwoStage, MicroPowerAdoption, MicroPowerItem, MicroPowerUse,
  SaveServiceCenter, ServiceCenter, ServiceCenterDetail, ServiceCenterProject,
};
export type FourTwoCategory = (typeof FOUR_TWO_CATEGORIES)[number];
export type ResolutionBody = (typeof RESOLUTION_BODIES)[number];
export type FourTwoStageRecord = FourTwoProcedure['stages'][number];
export type Vote = NonNullable<FourTwoStageRecord['vote']>;
export type ServiceCenterPhoto = ServiceCenterDetail['photos'][number];
export type MissingCenter = ReturnType<typeof ServiceCenterListSchema.parse>['missing'][number];
export type MicroPowerItemList = ReturnType<typeof MicroPowerItemListSchema.parse>;

/** Answers of writes are not read (the lists are fetched again); any JSON body is accepted. */
const anyBody: Parser<unknown> = { parse: (input) => input };
/** A created record: only its id is needed, to open it. */
const withId: Parser<{ id: number }> = {
  parse: (input) => {
    const id = (input as { id?: unknown } | null)?.id;
    if (typeof id !== 'number') throw new Error('missing id');
    return { id };
  },
};

export const positionKeys = {
  all: ['positions'] as const,
  centers: ['positions', 'centers'] as const,
  center: (id: number) => ['positions', 'centers', id] as const,
  duty: (orgId: number | undefined, month: string) => ['positions', 'duty', orgId ?? null, month] as const,
  dutyAll: ['positions', 'duty'] as const,
  items: (orgId: number | undefined) => ['positions', 'micro-power', 'items', orgId ?? null] as const,
  microPower: ['positions', 'micro-power'] as const,
  uses: (orgId: number | undefined) => ['positions', 'micro-power', 'uses', orgId ?? null] as const,
  fourTwoAll: ['positions', 'four-two'] as const,
  fourTwoList: (orgId: number | undefined) => ['positions', 'four-two', 'list', orgId ?? null] as const,
  fourTwo: (id: number) => ['positions', 'four-two', id] as const,
};

function useInvalidate(key: readonly unknown[]) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

// ---------- 党群服务中心 ----------

export function useServiceCenters() {
  return useQuery({
    queryKey: positionKeys.centers,
    queryFn: ({ signal }) => apiGet('/api/service-centers', ServiceCenterListSchema, undefined, signal),
  });
}

export function useServiceCenter(id: number | undefined) {
  return useQuery({
    queryKey: positionKeys.center(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/service-centers/${id}`, ServiceCenterDetailSchema, undefined, signal),
    enabled: id !== undefined,
  });
}

/** Creates or replaces the centre of one village branch. */
export function useSaveServiceCenter() {
  const invalidate = useInvalidate(positionKeys.centers);
  return useMutation({
    mutationFn: ({ orgId, body }: { orgId: number; body: SaveServiceCenter }) =>
      apiSend('PUT', `/api/service-centers/by-org/${orgId}`, withId, body),
    onSuccess: invalidate,
  });
}

export function photoUrl(centerId: number, photoId: number): string {
  return `/api/service-centers/${centerId}/photos/${photoId}`;
}

export function useUploadPhoto(centerId: number) {
  const invalidate = useInvalidate(positionKeys.center(centerId));
  return useMutation({
    mutationFn: ({ file, caption }: { file: File } & ServiceCenterPhotoQuery) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload(`/api/service-centers/${centerId}/photos`, anyBody, form, { caption: caption || undefined });
    },
    onSuccess: invalidate,
  });
}

export function useSaveProject(centerId: number) {
  const invalidate = useInvalidate(positionKeys.center(centerId));
  return useMutation({
    mutationFn: ({ projectId, body }: { projectId?: number; body: CreateServiceCenterProject }) =>
      projectId
        ? apiSend('PATCH', `/api/service-centers/${centerId}/projects/${projectId}`, anyBody, body)
        : apiSend('POST', `/api/service-centers/${centerId}/projects`, anyBody, body),
    onSuccess: invalidate,
  });
}

// ---------- 坐班值班 ----------

export function useDutyShifts(orgId: number | undefined, month: string) {
  return useQuery({
    queryKey: positionKeys.duty(orgId, month),
    queryFn: ({ signal }) => apiGet('/api/duty-shifts', DutyListSchema, { orgId, month }, signal),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCreateDutyShifts() {
  const invalidate = useInvalidate(positionKeys.dutyAll);
  return useMutation({
    mutationFn: (body: CreateDutyShifts) => apiSend('POST', '/api/duty-shifts', anyBody, body),
    onSuccess: invalidate,
  });
}

export function useSwapDuty() {
  const invalidate = useInvalidate(positionKeys.dutyAll);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & SwapDuty) =>
      apiSend('POST', `/api/duty-shifts/${id}/swap`, anyBody, body),
    onSuccess: invalidate,
  });
}

export function useRecordPresence() {
  const invalidate = useInvalidate(positionKeys.dutyAll);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & DutyPresenceBody) =>
      apiSend('POST', `/api/duty-shifts/${id}/presence`, anyBody, body),
    onSuccess: invalidate,
  });
}

export function useDeleteDuty() {
  const invalidate = useInvalidate(positionKeys.dutyAll);
  return useMutation({
    mutationFn: (id: number) => apiSend('DELETE', `/api/duty-shifts/${id}`, anyBody),
    onSuccess: invalidate,
  });
}

// ---------- 小微权力清单 ----------

export function useMicroPowerItems(orgId: number | undefined) {
  return useQuery({
    queryKey: positionKeys.items(orgId),
    queryFn: ({ signal }) => apiGet('/api/micro-power/items', MicroPowerItemListSchema, { orgId }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveItem() {
  const invalidate = useInvalidate(positionKeys.microPower);
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: CreateMicroPowerItem }) =>
      id ? apiSend('PATCH', `/api/micro-power/items/${id}`, anyBody, body) : apiSend('POST', '/api/micro-power/items', anyBody, body),
    onSuccess: invalidate,
  });
}

export function useSaveAdoptions() {
  const invalidate = useInvalidate(positionKeys.microPower);
  return useMutation({
    mutationFn: ({ orgId, ...body }: { orgId: number } & SaveAdoptions) =>
      apiSend('PUT', `/api/micro-power/adoptions/by-org/${orgId}`, anyBody, body),
    onSuccess: invalidate,
  });
}

export function useMicroPowerUses(orgId: number | undefined) {
  return useQuery({
    queryKey: positionKeys.uses(orgId),
    queryFn: ({ signal }) => apiGet('/api/micro-power/uses', MicroPowerUseListSchema, { orgId }, signal),
    enabled: orgId !== undefined,
    select: (data) => data.items,
  });
}

export function useCreateUse() {
  const invalidate = useInvalidate(positionKeys.microPower);
  return useMutation({
    mutationFn: (body: CreateMicroPowerUse) =>
      apiSend('POST', '/api/micro-power/uses', anyBody, body),
    onSuccess: invalidate,
  });
}

export function useRecordUseStep() {
  const invalidate = useInvalidate(positionKeys.microPower);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RecordUseStep }) =>
      apiSend('POST', `/api/micro-power/uses/${id}/steps`, anyBody, body),
    onSuccess: invalidate,
  });
}

export function useSetPublishable() {
  const invalidate = useInvalidate(positionKeys.microPower);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & UpdateMicroPowerUse) =>
      apiSend('PATCH', `/api/micro-power/uses/${id}`, anyBody, body),
    onSuccess: invalidate,
  });
}

// ---------- 四议两公开 ----------

export function useFourTwoList(orgId: number | undefined) {
  return useQuery({
    queryKey: positionKeys.fourTwoList(orgId),
    queryFn: ({ signal }) => apiGet('/api/four-two', FourTwoListSchema, { orgId }, signal),
    enabled: orgId !== undefined,
    select: (data) => data.items,
  });
}

export function useFourTwo(id: number | undefined) {
  return useQuery({
    queryKey: positionKeys.fourTwo(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/four-two/${id}`, FourTwoProcedureSchema, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useCreateFourTwo() {
  const invalidate = useInvalidate(positionKeys.fourTwoAll);
  return useMutation({
    mutationFn: (body: CreateFourTwo) =>
      apiSend('POST', '/api/four-two', withId, body),
    onSuccess: invalidate,
  });
}

/** Records a stage, then attaches its document when one was chosen. */
export function useAddStage(procedureId: number) {
  const invalidate = useInvalidate(positionKeys.fourTwoAll);
  return useMutation({
    mutationFn: async ({ body, file }: { body: AddFourTwoStage; file?: File | null }) => {
      const saved = await apiSend('POST', `/api/four-two/${procedureId}/stages`, anyBody, body);
      if (file) {
        const stageId = stageIdOf(saved, body.stage);
        if (stageId !== undefined) await uploadStageFile(procedureId, stageId, file);
      }
      return saved;
    },
    onSettled: invalidate,
  });
}

/** The new stage's id, whether the answer is the stage itself or the whole procedure. */
function stageIdOf(saved: unknown, stage: FourTwoStage): number | undefined {
  const value = saved as { id?: unknown; stage?: unknown; stages?: { id: number; stage: string }[] } | null;
  if (value && Array.isArray(value.stages)) return value.stages.filter((s) => s.stage === stage).at(-1)?.id;
  if (value && typeof value.id === 'number' && value.stage === stage) return value.id;
  return undefined;
}

export function uploadStageFile(procedureId: number, stageId: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return apiUpload(`/api/four-two/${procedureId}/stages/${stageId}/file`, anyBody, form);
}

export function useUploadStageFile(procedureId: number) {
  const invalidate = useInvalidate(positionKeys.fourTwoAll);
  return useMutation({
    mutationFn: ({ stageId, file }: { stageId: number; file: File }) => uploadStageFile(procedureId, stageId, file),
    onSuccess: invalidate,
  });
}

export function useDownloadStageFile(procedureId: number) {
  return useMutation({
    mutationFn: ({ stageId, name }: { stageId: number; name: string }) =>
      downloadFile(`/api/four-two/${procedureId}/stages/${stageId}/file`, name),
  });
}
