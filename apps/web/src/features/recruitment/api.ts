import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BoardSchema,
  RecruitmentListSchema,
  RecruitmentSchema,
  MemberListSchema,
  MentoringSchema,
  PlanSchema,
  StepCheckSchema,
  TrainingListSchema,
  type CreateRecruitment,
  type Recruitment,
  type RECRUITMENT_DOCUMENTS,
  type PUBLIC_NOTICE_OUTCOMES,
  type PUBLIC_NOTICE_STAGES,
  type RecordStep,
  type RELATION_KINDS,
  type REGISTER_DOCUMENTS,
  type RECRUITMENT_STATUSES,
  type RecruitmentListQuery,
  type SavePlan,
  type CreatePublicNotice,
} from '@dj/contracts';
import { apiGet, apiRequest, apiSend, apiUpload } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';

export type { Recruitment, RecordStep, CreateRecruitment };
export type RecruitmentListItem = ReturnType<typeof RecruitmentListSchema.parse>['items'][number];
export type RecruitmentStep = Recruitment['steps'][number];
export type StepRecord = Recruitment['records'][number];
export type Relation = Recruitment['relations'][number];
export type PublicNotice = Recruitment['notices'][number];
export type RelationKind = (typeof RELATION_KINDS)[number];
export type NoticeStage = (typeof PUBLIC_NOTICE_STAGES)[number];
export type NoticeOutcome = (typeof PUBLIC_NOTICE_OUTCOMES)[number];
export type RecruitmentStatus = (typeof RECRUITMENT_STATUSES)[number];
export type RecruitmentDocument = (typeof RECRUITMENT_DOCUMENTS)[number];
export type RegisterDocument = (typeof REGISTER_DOCUMENTS)[number];
export type DocumentFormat = 'docx' | 'pdf';
export type Board = ReturnType<typeof BoardSchema.parse>;
export type Plan = ReturnType<typeof PlanSchema.parse>;
export type StepCheck = ReturnType<typeof StepCheckSchema.parse>;

export const devKeys = {
  all: ['recruitment'] as const,
  lists: ['recruitment', 'recruitments'] as const,
  list: (query: RecruitmentListQuery) => ['recruitment', 'recruitments', query] as const,
  recruitment: (id: number) => ['recruitment', 'recruitment', id] as const,
  board: (year: number, orgId?: number) => ['recruitment', 'board', year, orgId ?? null] as const,
  plan: (year: number) => ['recruitment', 'plan', year] as const,
  mentoring: ['recruitment', 'mentoring'] as const,
};

export function useRecruitments(query: RecruitmentListQuery, enabled = true) {
  return useQuery({
    queryKey: devKeys.list(query),
    queryFn: ({ signal }) => apiGet('/api/recruitments', RecruitmentListSchema, { ...query }, signal),
    enabled,
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
}

export function useRecruitment(id: number | undefined) {
  return useQuery({
    queryKey: devKeys.recruitment(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/recruitments/${id}`, RecruitmentSchema, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useBoard(year: number, orgId?: number, enabled = true) {
  return useQuery({
    queryKey: devKeys.board(year, orgId),
    queryFn: ({ signal }) => apiGet('/api/recruitment/board', BoardSchema, { year, orgId }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function usePlan(year: number, enabled = true) {
  return useQuery({
    queryKey: devKeys.plan(year),
    queryFn: ({ signal }) => apiGet('/api/recruitment/plans', PlanSchema, { year }, signal),
    enabled,
  });
}

export function useMentoring(enabled = true) {
  return useQuery({
    queryKey: devKeys.mentoring,
    queryFn: ({ signal }) => apiGet('/api/recruitment/mentoring', MentoringSchema, undefined, signal),
    enabled,
    select: (data) => data.items,
  });
}

/** Full members (正式党员) matching a name, for 培养联系人 / 入党介绍人. */
export function useFullMemberSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['members', 'search', 'full', text] as const,
    queryFn: ({ signal }) => apiGet('/api/members', MemberListSchema, { q: text, pageSize: 20 }, signal),
    enabled: text.length > 0,
    select: (data) => data.items.filter((m) => m.standing === 'full' && m.membershipStatus === 'active'),
  });
}

/**
 * The 发展对象培训 sessions the caller sees (education module), for the 培训 step: naming one makes the server check
 * 细则第十七条 against its days and the person's credited hours there instead of typed figures.
 */
export function useCandidateTrainings(enabled: boolean) {
  return useQuery({
    queryKey: ['education', 'sessions', 'candidate_training'] as const,
    queryFn: ({ signal }) => apiGet('/api/education/sessions', TrainingListSchema, { kind: 'candidate_training' }, signal),
    enabled,
    select: (data) => data.items.map((s) => ({ value: s.id, label: `${s.title}(${s.startsOn}至${s.endsOn},${s.hours}学时)` })),
  });
}

/** The dry run of a step: never writes. */
export function checkStep(id: number, body: RecordStep, signal?: AbortSignal) {
  return apiRequest(`/api/recruitments/${id}/check`, StepCheckSchema, { method: 'POST', body, signal });
}

/** Any change to a recruitment moves the board, the lists and the mentoring page too. */
function useOnRecruitmentChanged() {
  const queryClient = useQueryClient();
  return async (recruitment: Recruitment) => {
    queryClient.setQueryData(devKeys.recruitment(recruitment.id), recruitment);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: devKeys.lists }),
      queryClient.invalidateQueries({ queryKey: ['recruitment', 'board'] }),
      queryClient.invalidateQueries({ queryKey: devKeys.mentoring }),
    ]);
  };
}

function useRecruitmentMutation<V>(request: (vars: V) => Promise<Recruitment>) {
  const onChanged = useOnRecruitmentChanged();
  return useMutation({ mutationFn: request, onSuccess: (recruitment) => onChanged(recruitment) });
}

export function useCreateRecruitment() {
  return useRecruitmentMutation((body: CreateRecruitment) => apiSend('POST', '/api/recruitments', RecruitmentSchema, body));
}

export function useRecordStep() {
  return useRecruitmentMutation(({ id, body }: { id: number; body: RecordStep }) =>
    apiSend('POST', `/api/recruitments/${id}/records`, RecruitmentSchema, body),
  );
}

export function useStopRecruitment() {
  return useRecruitmentMutation(({ id, reason, stoppedOn }: { id: number; reason: string; stoppedOn: string }) =>
    apiSend('POST', `/api/recruitments/${id}/stop`, RecruitmentSchema, { reason, stoppedOn }),
  );
}

/** 作废 a mistaken record: the server keeps it (已作废, with the reason) and recomputes everything without it. */
export function useVoidRecord() {
  return useRecruitmentMutation(({ id, recordId, reason }: { id: number; recordId: number; reason: string }) =>
    apiSend('POST', `/api/recruitments/${id}/records/${recordId}/void`, RecruitmentSchema, { reason }),
  );
}

export function useUploadRecordFile() {
  return useRecruitmentMutation(({ id, recordId, file }: { id: number; recordId: number; file: File }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiUpload(`/api/recruitments/${id}/records/${recordId}/files`, RecruitmentSchema, form);
  });
}

export function useCreateRelation() {
  return useRecruitmentMutation(({ id, kind, memberId, since }: { id: number; kind: RelationKind; memberId: number; since: string }) =>
    apiSend('POST', `/api/recruitments/${id}/relations`, RecruitmentSchema, { kind, memberId, since }),
  );
}

export function useEndRelation() {
  return useRecruitmentMutation(({ id, relationId, until }: { id: number; relationId: number; until: string }) =>
    apiSend('POST', `/api/recruitments/${id}/relations/${relationId}/end`, RecruitmentSchema, { until }),
  );
}

export function useCreateNotice() {
  return useRecruitmentMutation(({ id, body }: { id: number; body: CreatePublicNotice }) =>
    apiSend('POST', `/api/recruitments/${id}/public-notices`, RecruitmentSchema, body),
  );
}

export function useNoticeOutcome() {
  return useRecruitmentMutation(
    ({ id, noticeId, outcome, outcomeNote }: { id: number; noticeId: number; outcome: NoticeOutcome; outcomeNote?: string }) =>
      apiSend('POST', `/api/recruitments/${id}/public-notices/${noticeId}/outcome`, RecruitmentSchema, outcomeNote ? { outcome, outcomeNote } : { outcome }),
  );
}

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SavePlan) => apiSend('PUT', '/api/recruitment/plans', PlanSchema, body),
    onSuccess: async (plan) => {
      queryClient.setQueryData(devKeys.plan(plan.year), plan);
      await queryClient.invalidateQueries({ queryKey: ['recruitment', 'board'] });
    },
  });
}

export function downloadRecruitmentFile(id: number, fileId: number, name: string) {
  return downloadFile(`/api/recruitments/${id}/files/${fileId}`, name);
}

export function downloadRecruitmentDocument(id: number, kind: RecruitmentDocument, format: DocumentFormat, fallbackName: string) {
  return downloadFile(`/api/recruitments/${id}/documents/${kind}/${format}`, `${fallbackName}.${format}`);
}

export function downloadRegister(kind: RegisterDocument, format: DocumentFormat, fallbackName: string, orgId?: number) {
  return downloadFile(`/api/recruitment/registers/${kind}/${format}`, `${fallbackName}.${format}`, { orgId });
}
